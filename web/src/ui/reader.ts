import type { SourceDocumentInfo } from '../api/types.ts';
import { humanize } from '../graph/format.ts';
import { textSegments } from '../history/index.ts';
import { append, clear, h } from './dom.ts';
import { entityLink } from './panel.ts';
import { errorMessage } from './status.ts';

export interface ReaderDeps {
  /** Fetches a document (null: no such document). */
  fetch(id: string): Promise<SourceDocumentInfo | null>;
  /** Shows an entity on the canvas (the reader closes first). */
  focus(id: string): void;
  /** Withdrawing the document, when the server takes curators' changes. */
  readonly withdrawal: {
    offered(): boolean;
    /** Withdraws it; false when the curator cancelled. */
    withdraw(id: string): Promise<boolean>;
  };
}

/** The line under a document's title: date, publisher (the companies that published it), distributor, place. */
export function documentMeta(
  doc: Pick<SourceDocumentInfo, 'date' | 'publisher' | 'distributor' | 'place'> & {
    publishedBy?: readonly { name: string }[];
  },
) {
  const publisher = doc.publisher || doc.publishedBy?.map((c) => c.name).join(', ');
  return [doc.date, publisher, doc.distributor ? `via ${doc.distributor}` : null, doc.place]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The source reader: a modal dialog (native `<dialog>`: focus stays inside, Esc closes it, focus returns to the
 * citation that opened it) with a document's title, date and publisher, its whole text with the cited sentence
 * highlighted and scrolled into view and its other cited sentences marked, and the facts it states, each a link
 * that shows the entity on the canvas.
 */
export class SourceReader {
  readonly #dialog: HTMLDialogElement;
  readonly #title: HTMLElement;
  readonly #meta: HTMLElement;
  readonly #body: HTMLElement;
  readonly #deps: ReaderDeps;
  #token = 0;
  #opener: HTMLElement | null = null;

  constructor(deps: ReaderDeps) {
    this.#deps = deps;
    this.#title = h('h2', { id: 'reader-title', class: 'reader-title', text: 'Source' });
    this.#meta = h('p', { class: 'reader-meta muted' });
    this.#body = h('div', { class: 'reader-body' });
    this.#dialog = h(
      'dialog',
      { id: 'reader', class: 'reader', 'aria-labelledby': 'reader-title' },
      h(
        'header',
        { class: 'reader-head' },
        h(
          'div',
          { class: 'reader-heading' },
          h('p', { class: 'reader-kind', text: 'Source document' }),
          this.#title,
          this.#meta,
        ),
        h('button', {
          type: 'button',
          class: 'button reader-close',
          'aria-label': 'Close the source (Esc)',
          title: 'Close (Esc)',
          text: 'Close',
          on: { click: () => this.close() },
        }),
      ),
      this.#body,
    );
    // A click on the backdrop (outside the dialog's box) closes it too.
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.close();
    });
    this.#dialog.addEventListener('close', () => {
      this.#token++;
      const opener = this.#opener;
      this.#opener = null;
      if (opener?.isConnected) opener.focus();
    });
    document.body.append(this.#dialog);
  }

  get isOpen(): boolean {
    return this.#dialog.open;
  }

  close() {
    if (this.#dialog.open) this.#dialog.close();
  }

  /** Opens a document, at `sentenceId` when given (highlighted and scrolled to). */
  async open(documentId: string, sentenceId: string | null = null) {
    const token = ++this.#token;
    if (!this.#dialog.open) {
      this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      this.#dialog.showModal();
    }
    this.#title.textContent = 'Loading the source…';
    this.#meta.textContent = '';
    clear(this.#body);
    this.#body.append(h('p', { class: 'loading-line', 'aria-busy': 'true', text: 'Loading the document…' }));
    try {
      const doc = await this.#deps.fetch(documentId);
      if (token !== this.#token) return;
      if (!doc) this.#renderMissing(documentId);
      else this.#render(doc, sentenceId);
    } catch (error) {
      if (token !== this.#token) return;
      this.#title.textContent = 'The source could not be loaded';
      clear(this.#body);
      this.#body.append(
        h('p', { class: 'error-text', role: 'alert', text: errorMessage(error).text }),
        h('button', {
          type: 'button',
          class: 'button',
          text: 'Retry',
          on: { click: () => void this.open(documentId, sentenceId) },
        }),
      );
    }
  }

  #renderMissing(documentId: string) {
    this.#title.textContent = 'Document not found';
    clear(this.#body);
    this.#body.append(
      h('p', { class: 'muted', text: `The graph holds no document with the id “${documentId}” any more.` }),
    );
  }

  #render(doc: SourceDocumentInfo, sentenceId: string | null) {
    this.#title.textContent = doc.title;
    clear(this.#meta);
    this.#meta.append(documentMeta(doc) || 'Undated');
    if (doc.url) {
      this.#meta.append(
        ' · ',
        h('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank', text: 'Original' }),
      );
    }
    clear(this.#body);
    const text = this.#text(doc, sentenceId);
    const facts = this.#facts(doc);
    append(facts, this.#withdrawal(doc));
    this.#body.append(text, facts);
    const current = text.querySelector<HTMLElement>('mark.current');
    if (current) {
      current.scrollIntoView({ block: 'center' });
      current.focus({ preventScroll: true });
    }
  }

  /** The whole text, each cited sentence a mark, the one cited here highlighted. */
  #text(doc: SourceDocumentInfo, sentenceId: string | null): HTMLElement {
    const article = h('article', {
      class: 'reader-text',
      'aria-label': 'Document text',
      tabindex: '0',
    });
    const known = sentenceId ? doc.sentences.find((s) => s.id === sentenceId) : undefined;
    if (!doc.text) {
      article.append(
        h('p', {
          class: 'muted',
          text: 'The full text of this document is not stored; its cited sentences:',
        }),
      );
      const list = h('ol', { class: 'reader-sentences' });
      for (const sentence of doc.sentences) {
        const current = sentence.id === sentenceId;
        list.append(h('li', {}, this.#mark(sentence.text, sentence.id, current)));
      }
      article.append(list);
      return article;
    }
    const segments = textSegments(doc.text, doc.sentences, sentenceId);
    if (sentenceId && !segments.some((s) => s.current)) {
      article.append(
        h('p', {
          class: 'muted reader-note',
          text: known
            ? `The cited sentence could not be placed in the text: “${known.text}”`
            : 'The cited sentence is not among this document’s sentences any more.',
        }),
      );
    }
    const body = h('div', { class: 'reader-prose' });
    for (const segment of segments) {
      body.append(
        segment.sentenceId ? this.#mark(segment.text, segment.sentenceId, segment.current) : segment.text,
      );
    }
    article.append(body);
    return article;
  }

  #mark(text: string, id: string, current: boolean): HTMLElement {
    return h('mark', {
      class: current ? 'cited current' : 'cited',
      'data-sentence-id': id,
      tabindex: current ? '-1' : null,
      title: current ? 'The cited sentence' : 'Also cited',
      text,
    });
  }

  /** What the document states: its entities (each a link), then its relationships. */
  #facts(doc: SourceDocumentInfo): HTMLElement {
    const { nodes, edges } = doc.facts;
    const show = {
      focus: (id: string) => {
        this.close();
        this.#deps.focus(id);
      },
    };
    const aside = h(
      'aside',
      { class: 'reader-facts', 'aria-label': 'What this document states' },
      h('h3', { text: 'What it states' }),
    );
    if (!nodes.length && !edges.length) {
      aside.append(h('p', { class: 'muted', text: 'No facts are recorded from this document.' }));
      return aside;
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    aside.append(h('h4', { text: `Entities (${nodes.length})` }));
    const list = h('ul', { class: 'relation-list reader-entities' });
    for (const node of [...nodes].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label),
    ))
      list.append(h('li', {}, entityLink(node.id, node.label, node.kind, show)));
    aside.append(list);
    if (edges.length) {
      const rels = h('ul', { class: 'reader-relations' });
      for (const edge of edges) {
        const end = (id: string) => {
          const node = byId.get(id);
          return node ? entityLink(node.id, node.label, node.kind, show) : h('span', { text: id });
        };
        rels.append(
          h(
            'li',
            {},
            end(edge.source),
            h('span', { class: 'muted', text: ` ${edge.label?.trim() || humanize(edge.type)} → ` }),
            end(edge.target),
          ),
        );
      }
      aside.append(h('h4', { text: `Relationships (${edges.length})` }), rels);
    }
    return aside;
  }

  /** For a curator: withdraws the document (as `npm run seed -- --remove`), once confirmed. */
  #withdrawal(doc: SourceDocumentInfo): HTMLElement | null {
    const { withdrawal } = this.#deps;
    if (!withdrawal.offered()) return null;
    const note = h('p', { class: 'error-text', role: 'alert' });
    const reveal = (confirming: boolean) => {
      confirm.hidden = !confirming;
      start.hidden = confirming;
      (confirming ? withdrawButton : start).focus();
    };
    const start = h('button', {
      type: 'button',
      id: 'reader-withdraw',
      class: 'button',
      text: 'Withdraw this document…',
      on: { click: () => reveal(true) },
    });
    const withdrawButton = h('button', {
      type: 'button',
      id: 'reader-withdraw-confirm',
      class: 'button danger',
      text: 'Withdraw',
      on: { click: () => void withdraw() },
    });
    const withdraw = async () => {
      note.textContent = '';
      withdrawButton.disabled = true;
      const reading = this.#token;
      try {
        // Closes the reader only if it still shows this document.
        if ((await withdrawal.withdraw(doc.id)) && reading === this.#token) this.close();
      } catch (error) {
        note.textContent = errorMessage(error).text;
      } finally {
        withdrawButton.disabled = false;
      }
    };
    const confirm = h(
      'div',
      { class: 'withdraw-confirm', hidden: true },
      h('p', {
        text: 'What only this document states leaves the graph; what others state too stays. Its seed file and source text leave the seed folder.',
      }),
      withdrawButton,
      h('button', { type: 'button', class: 'button', text: 'Cancel', on: { click: () => reveal(false) } }),
    );
    return h('section', { class: 'reader-withdraw' }, h('h3', { text: 'Curation' }), start, confirm, note);
  }
}
