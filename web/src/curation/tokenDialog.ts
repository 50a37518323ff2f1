import { h } from '../ui/dom.ts';
import { editorToken, isTokenRefused } from './api.ts';

/**
 * Asks for the editor token (the server's `EDITOR_TOKEN`) in a modal dialog and keeps it for this tab's session;
 * resolves to null when the curator cancels. `refused` says the last one was not accepted.
 */
export function askForToken(refused = false): Promise<string | null> {
  // Two requests refused at once (a draft and a withdrawal) share one dialog.
  asking ??= showTokenDialog(refused).finally(() => {
    asking = null;
  });
  return asking;
}

let asking: Promise<string | null> | null = null;

function showTokenDialog(refused: boolean): Promise<string | null> {
  const input = h('input', {
    id: 'token-input',
    type: 'password',
    autocomplete: 'off',
    required: true,
    // What an HTTP header can carry: printable ASCII.
    pattern: '[\\x20-\\x7E]+',
    title: 'The token: letters, digits and punctuation (printable ASCII)',
    'aria-describedby': 'token-help',
  });
  const form = h(
    'form',
    { method: 'dialog', class: 'token-form' },
    h('h2', { text: 'Editor token' }),
    refused ? h('p', { class: 'error-text', role: 'alert', text: 'The server refused that token.' }) : null,
    h('label', { for: 'token-input', text: 'Token' }),
    input,
    h('p', {
      id: 'token-help',
      class: 'muted',
      text: 'The EDITOR_TOKEN the server was started with. It is kept for this tab only, until you close it.',
    }),
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'submit', class: 'button primary', value: 'ok', text: 'Continue' }),
      h('button', {
        type: 'button',
        class: 'button',
        value: 'cancel',
        text: 'Cancel',
        on: { click: () => dialog.close() },
      }),
    ),
  );
  const dialog = h(
    'dialog',
    { id: 'token-dialog', class: 'token-dialog', 'aria-label': 'Editor token' },
    form,
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    form.addEventListener('submit', () => {
      editorToken.set(input.value.trim());
      resolve(input.value.trim());
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(null);
    });
    dialog.showModal();
  });
}

/**
 * Runs a curation request with this session's token, asking for one first when there is none, and again when the
 * server refuses it; null when the curator cancels.
 */
export async function authorized<T>(work: () => Promise<T>): Promise<T | null> {
  let refused = false;
  for (;;) {
    const token = editorToken.get() ?? (await askForToken(refused));
    if (token === null) return null;
    try {
      return await work();
    } catch (error) {
      if (!isTokenRefused(error)) throw error;
      // Only the token this request was refused with: another may have been typed meanwhile.
      if (editorToken.get() === token) editorToken.forget();
      refused = true;
    }
  }
}
