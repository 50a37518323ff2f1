import { LIMITS } from '../../../server/core/limits.ts';
import type { SourceInput } from '../generated/graphql.ts';
import { h } from '../ui/dom.ts';

/** Source files the ingester reads; anything else is read as plain text. */
const ACCEPTED_FILES = '.txt,.html,.htm,.pdf,text/plain,text/html,application/pdf';
const DEFAULT_FILE_NAME = 'release.txt';

export interface SourceStepActions {
  /** A source is handed in: pasted text, or a file's bytes. */
  draft(source: SourceInput): void;
  /** Something to tell the curator before anything is sent. */
  refuse(message: string): void;
}

/** The first step of adding a source: paste a release, or choose or drop a file. */
export class SourceStep {
  readonly element: HTMLFormElement;
  readonly #text: HTMLTextAreaElement;
  readonly #fileName: HTMLInputElement;
  readonly #file: HTMLInputElement;
  readonly #button: HTMLButtonElement;
  #busy = false;

  constructor(readonly actions: SourceStepActions) {
    this.#fileName = h('input', { id: 'curate-file-name', value: DEFAULT_FILE_NAME, spellcheck: 'false' });
    this.#text = h('textarea', {
      id: 'curate-text',
      rows: 14,
      placeholder: 'Paste a press release here, or drop a .txt, .html or .pdf file.',
    });
    this.#button = h('button', {
      type: 'submit',
      id: 'curate-draft',
      class: 'button primary',
      text: 'Draft facts',
    });
    this.#file = h('input', { id: 'curate-file', type: 'file', accept: ACCEPTED_FILES });
    this.#file.addEventListener('change', () => void this.#read(this.#file.files?.[0]));
    this.element = h(
      'form',
      { class: 'curate-source-step', on: { submit: (event) => this.#submitted(event) } },
      h('p', {
        class: 'muted',
        text: 'The ingester drafts the facts the release states; you review them against its sentences, then publish.',
      }),
      h('label', { for: 'curate-text', text: 'Source text' }),
      this.#text,
      h(
        'div',
        { class: 'form-row inline' },
        h('label', { for: 'curate-file', text: 'or a file:' }),
        this.#file,
      ),
      h(
        'div',
        { class: 'form-row inline' },
        h('label', {
          for: 'curate-file-name',
          text: 'Pasted text’s file name (the document’s id comes from it):',
        }),
        this.#fileName,
      ),
      this.#button,
    );
    this.element.addEventListener('dragover', (event) => event.preventDefault());
    this.element.addEventListener('drop', (event) => {
      event.preventDefault();
      void this.#read(event.dataTransfer?.files[0]);
    });
  }

  /** While a draft is on its way: nothing else is sent. */
  set busy(busy: boolean) {
    this.#busy = busy;
    this.#button.disabled = busy;
    this.#file.disabled = busy;
    this.#button.textContent = busy ? 'Drafting…' : 'Draft facts';
    this.element.setAttribute('aria-busy', String(busy));
  }

  focus() {
    this.#text.focus();
  }

  /** Empty again, for another source. */
  reset() {
    this.element.reset();
  }

  async #read(file: File | undefined) {
    if (!file || this.#busy) return;
    if (file.size > LIMITS.maxSourceBytes) {
      this.actions.refuse(
        `${file.name} is larger than the ${LIMITS.maxSourceBytes / 2 ** 20} MB a source may have.`,
      );
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The same file may be chosen again (after a refusal, or a cancelled token).
    this.#file.value = '';
    this.actions.draft({ fileName: file.name, base64: base64Of(bytes) });
  }

  #submitted(event: Event) {
    event.preventDefault();
    if (this.#busy) return;
    const text = this.#text.value;
    if (!text.trim()) {
      this.actions.refuse('Paste the text of a release first, or choose a file.');
      return;
    }
    this.actions.draft({ fileName: this.#fileName.value.trim() || DEFAULT_FILE_NAME, text });
  }
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk)
    binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  return btoa(binary);
}
