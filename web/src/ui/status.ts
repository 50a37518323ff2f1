import { ApiError, ClientErrorCode } from '../api/client.ts';
import { byId } from './dom.ts';

/** What to tell the user about a failed request; every failure offers Retry. */
export function errorMessage(error: unknown): { text: string; retry: boolean } {
  if (error instanceof ApiError) {
    if (error.code === ClientErrorCode.Network || error.code === ClientErrorCode.Http) {
      return {
        text: 'The Pipeline Atlas server cannot be reached. Check that it is running, then retry.',
        retry: true,
      };
    }
    if (error.databaseDown) {
      return {
        text: `The graph database is not answering: ${error.message} Retry in a moment.`,
        retry: true,
      };
    }
    return { text: `The server refused the request: ${error.message}`, retry: true };
  }
  return { text: `Something went wrong: ${(error as Error)?.message ?? String(error)}`, retry: true };
}

export type OverlayKind = 'loading' | 'empty' | 'error';

/** The status line under the top bar and the overlay on the canvas (spinner, empty note or error, with Retry). */
export class Status {
  readonly #el = {
    status: byId('status'),
    text: byId('status-text'),
    retry: byId<HTMLButtonElement>('status-retry'),
    overlay: byId('overlay'),
    overlayText: byId('overlay-text'),
    overlayRetry: byId<HTMLButtonElement>('overlay-retry'),
  };

  info(text: string) {
    this.#el.status.classList.remove('error');
    this.#el.text.textContent = text;
    this.#el.retry.hidden = true;
  }

  error(text: string, retry: (() => void) | null) {
    this.#el.status.classList.add('error');
    this.#el.text.textContent = text;
    this.#el.retry.hidden = !retry;
    this.#el.retry.onclick = retry;
  }

  showOverlay(kind: OverlayKind, text: string, retry: (() => void) | null = null) {
    const { overlay, overlayText, overlayRetry } = this.#el;
    overlay.hidden = false;
    overlay.className = `overlay ${kind}`;
    overlay.setAttribute('aria-busy', kind === 'loading' ? 'true' : 'false');
    overlayText.textContent = text;
    overlayRetry.hidden = !retry;
    overlayRetry.onclick = retry;
  }

  hideOverlay() {
    this.#el.overlay.hidden = true;
  }

  /** A failure both on the canvas and in the status line, each with Retry. */
  failed(error: unknown, retry: () => void) {
    const { text } = errorMessage(error);
    this.showOverlay('error', text, retry);
    this.error(text, retry);
  }
}
