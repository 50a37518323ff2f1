import { searchEntities } from '../api/queries.ts';
import type { EntityKind } from '../generated/graphql.ts';
import { kindStyle } from '../graph/kinds.ts';
import { textSegments } from '../history/index.ts';
import { append, h, pressable } from '../ui/dom.ts';
import type { DraftFact, SourceDraft } from './api.ts';
import { FactCard } from './factCard.ts';
import { DraftReview } from './review.ts';

/** What the review's bar asks of the screen. */
export interface ReviewActions {
  preview(): void;
  publish(): void;
  restart(): void;
}

/**
 * The review of one draft: the source text, every sentence that yielded a fact marked, beside the facts grouped by
 * kind (clicking a fact shows its sentences, clicking a sentence its facts), with what is decided so far.
 */
export class ReviewStep {
  readonly element: HTMLElement;
  readonly review: DraftReview;
  readonly #cards: Map<string, FactCard>;

  constructor(
    draft: SourceDraft,
    readonly actions: ReviewActions,
  ) {
    this.review = new DraftReview(draft);
    const deps = {
      review: this.review,
      search: searchEntities,
      changed: () => this.refresh(),
      select: (fact: DraftFact) => this.#selectFact(fact),
    };
    this.#cards = new Map(draft.facts.map((fact) => [fact.id, new FactCard(fact, deps)]));
    this.element = h('div', { class: 'curate-review' });
    append(
      this.element,
      this.#bar(draft),
      h(
        'div',
        { class: 'curate-columns' },
        this.#sourceText(draft),
        h('div', { id: 'curate-facts', class: 'curate-facts' }, ...this.#groups(draft), this.#misses(draft)),
      ),
    );
    this.refresh();
  }

  /** Says how the preview went (or that it is being drawn). */
  set previewNote(text: string) {
    const note = this.element.querySelector('#curate-preview-note');
    if (note) note.textContent = text;
  }

  /** While publishing: nothing in the review changes. */
  set publishing(publishing: boolean) {
    this.element.inert = publishing;
    const button = this.element.querySelector('#curate-publish');
    if (button) button.textContent = publishing ? 'Publishing…' : 'Publish';
    if (!publishing) this.refresh();
  }

  #bar(draft: SourceDraft): HTMLElement {
    return h(
      'div',
      { class: 'curate-bar' },
      h(
        'p',
        { class: 'curate-document' },
        h('strong', { text: draft.title ?? draft.documentId }),
        h('span', { class: 'muted', text: ` · published as ${draft.documentId}` }),
      ),
      h('p', { id: 'curate-counts', class: 'muted', 'aria-live': 'polite' }),
      h(
        'div',
        { class: 'curate-actions' },
        h('button', {
          type: 'button',
          id: 'curate-preview',
          class: 'button',
          text: 'Preview on the canvas',
          on: { click: () => this.actions.preview() },
        }),
        h('button', {
          type: 'button',
          id: 'curate-publish',
          class: 'button primary',
          text: 'Publish',
          on: { click: () => this.actions.publish() },
        }),
        h('button', {
          type: 'button',
          id: 'curate-restart',
          class: 'button',
          text: 'Another source',
          on: { click: () => this.actions.restart() },
        }),
      ),
      h('p', { id: 'curate-preview-note', class: 'muted' }),
    );
  }

  /** The text as read, every sentence a fact cites marked; clicking one selects the facts it states. */
  #sourceText(draft: SourceDraft): HTMLElement {
    const sentences = draft.sentences.map((sentence) => ({ ...sentence, id: sentence.key }));
    const text = h('article', {
      id: 'curate-source',
      class: 'curate-source',
      tabindex: '0',
      'aria-label': 'Source text',
    });
    for (const segment of textSegments(draft.text, sentences)) {
      const key = segment.sentenceId;
      text.append(
        key
          ? h('mark', {
              class: 'cited',
              'data-sentence-key': key,
              title: `Sentence ${key}: click to see its facts`,
              text: segment.text,
              role: 'button',
              tabindex: '0',
              on: pressable(() => this.#selectSentence(key)),
            })
          : segment.text,
      );
    }
    return text;
  }

  /** The facts, kind by kind, each kind with "accept all". */
  #groups(draft: SourceDraft): HTMLElement[] {
    const kinds = [...new Set(draft.facts.map((fact) => fact.kind))];
    return kinds.map((kind) => {
      const facts = draft.facts.filter((fact) => fact.kind === kind);
      return h(
        'section',
        { class: 'fact-group', 'data-kind': kind },
        h(
          'header',
          { class: 'fact-group-head' },
          h('h3', { text: `${kindStyle(kind).title} (${facts.length})` }),
          h('button', {
            type: 'button',
            class: 'button small',
            text: 'Accept all',
            'aria-label': `Accept all ${kindStyle(kind).title.toLowerCase()} facts`,
            on: {
              click: () => {
                this.review.decide(
                  facts.map((fact) => fact.id),
                  'accepted',
                );
                this.refresh();
              },
            },
          }),
        ),
        ...facts.map((fact) => this.#cards.get(fact.id)?.element),
      );
    });
  }

  #misses(draft: SourceDraft): HTMLElement | null {
    if (draft.likelyMisses.length === 0) return null;
    return h(
      'details',
      { class: 'likely-misses' },
      h('summary', {
        text: `${draft.likelyMisses.length} sentences name a known entity but yielded no fact`,
      }),
      h('ul', {}, ...draft.likelyMisses.map((sentence) => h('li', { text: sentence }))),
    );
  }

  /** After every decision: cards, problems and counts again. */
  refresh() {
    const { review } = this;
    const issues = review.issues();
    for (const [id, card] of this.#cards) card.showIssues(issues.get(id) ?? []);
    const facts = review.draft.facts;
    const count = (decision: string) => facts.filter((fact) => review.decision(fact.id) === decision).length;
    const accepted = count('accepted');
    const problems = [...issues.values()].filter((list) => list.length > 0).length;
    const editing = [...this.#cards.values()].some((card) => card.editing);
    const counts = this.element.querySelector('#curate-counts');
    if (counts) {
      counts.textContent =
        `${accepted} accepted, ${count('rejected')} rejected, ${count('pending')} undecided (left out)` +
        (problems ? ` · ${problems} with problems to fix before publishing` : '') +
        (editing ? ' · an edit is open: save or cancel it first' : '');
    }
    const publish = this.element.querySelector<HTMLButtonElement>('#curate-publish');
    if (publish) publish.disabled = accepted === 0 || problems > 0 || editing;
  }

  #selectFact(fact: DraftFact) {
    this.#select(
      (card) => card.fact.id === fact.id,
      (key) => fact.sentences.includes(key),
      'mark',
    );
  }

  #selectSentence(key: string) {
    this.#select(
      (card) => card.fact.sentences.includes(key),
      (markKey) => markKey === key,
      'card',
    );
  }

  /** Marks the selected facts and sentences, and scrolls the partner side to the first of them. */
  #select(isCard: (card: FactCard) => boolean, isMark: (key: string) => boolean, scrollTo: 'mark' | 'card') {
    let firstCard: HTMLElement | null = null;
    for (const card of this.#cards.values()) {
      const selected = isCard(card);
      card.element.classList.toggle('selected', selected);
      markCurrent(card.element, selected);
      if (selected && !firstCard) firstCard = card.element;
    }
    let firstMark: HTMLElement | null = null;
    for (const mark of this.element.querySelectorAll<HTMLElement>('mark[data-sentence-key]')) {
      const selected = isMark(mark.dataset.sentenceKey ?? '');
      mark.classList.toggle('selected', selected);
      markCurrent(mark, selected);
      if (selected && !firstMark) firstMark = mark;
    }
    (scrollTo === 'mark' ? firstMark : firstCard)?.scrollIntoView({ block: 'nearest' });
  }
}

/** Says to assistive technology which facts and sentences are selected. */
function markCurrent(element: HTMLElement, current: boolean) {
  if (current) element.setAttribute('aria-current', 'true');
  else element.removeAttribute('aria-current');
}
