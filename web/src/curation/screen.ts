import { LIMITS } from '../../../server/core/limits.ts';
import { fetchGraph, searchEntities } from '../api/queries.ts';
import type { Graph } from '../api/types.ts';
import type { EntityKind, SourceInput } from '../generated/graphql.ts';
import { kindStyle } from '../graph/kinds.ts';
import type { Element } from '../graph/toElements.ts';
import { textSegments } from '../history/index.ts';
import { append, clear, h, pressable } from '../ui/dom.ts';
import { errorMessage } from '../ui/status.ts';
import { type DraftFact, draftSource, publishDraft, type SourceDraft } from './api.ts';
import { FactCard } from './factCard.ts';
import { lookalikeOf } from './lookalike.ts';
import { previewElements } from './preview.ts';
import { DraftReview } from './review.ts';
import { SourceStep } from './sourceStep.ts';
import { authorized } from './tokenDialog.ts';

export interface CurationDeps {
  /** Draws the preview on the canvas. */
  preview(elements: Element[]): Promise<unknown>;
  /** A document was published: the explorer shows `focusId`, one of its entities, and says `message`. */
  published(focusId: string, message: string): void;
  /** The screen was closed without publishing: the explorer's view comes back. */
  closed(): void;
}

/**
 * Adding a source, beside the canvas: paste or drop a release, review the ingester's draft against its text
 * (every sentence that yielded a fact marked; clicking a fact shows its sentences, clicking a sentence its facts),
 * decide each fact, preview the result on the canvas, publish.
 */
export class CurationScreen {
  readonly element: HTMLElement;
  readonly #deps: CurationDeps;
  readonly #sourceStep: SourceStep;
  readonly #reviewStep: HTMLElement;
  readonly #error: HTMLElement;
  #review: DraftReview | null = null;
  #cards = new Map<string, FactCard>();

  constructor(deps: CurationDeps) {
    this.#deps = deps;
    this.#error = h('p', { id: 'curate-error', class: 'error-text', role: 'alert' });
    this.#sourceStep = new SourceStep({
      draft: (source) => void this.#draft(source),
      refuse: (message) => {
        this.#error.textContent = message;
      },
    });
    this.#reviewStep = h('div', { class: 'curate-review', hidden: true });
    this.element = h(
      'aside',
      { id: 'curate', class: 'curate', 'aria-labelledby': 'curate-title', hidden: true },
      h(
        'header',
        { class: 'curate-head' },
        h('h2', { id: 'curate-title', text: 'Add a source' }),
        h('button', {
          type: 'button',
          class: 'button',
          id: 'curate-close',
          text: 'Close',
          on: { click: () => this.close() },
        }),
      ),
      this.#error,
      this.#sourceStep.element,
      this.#reviewStep,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open() {
    this.element.hidden = false;
    if (this.#review) this.#reviewStep.querySelector<HTMLElement>('#curate-preview')?.focus();
    else this.#sourceStep.focus();
  }

  close() {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.#deps.closed();
  }

  async #draft(source: SourceInput) {
    this.#error.textContent = '';
    this.#sourceStep.busy = true;
    try {
      const draft = await authorized(() => draftSource(source));
      if (draft) this.#startReview(draft);
    } catch (error) {
      this.#error.textContent = errorMessage(error).text;
    } finally {
      this.#sourceStep.busy = false;
    }
  }

  #startReview(draft: SourceDraft) {
    const review = new DraftReview(draft);
    this.#review = review;
    const deps = {
      review,
      search: searchEntities,
      changed: () => this.#refresh(),
      select: (fact: DraftFact) => this.#selectFact(fact),
    };
    this.#cards = new Map(draft.facts.map((fact) => [fact.id, new FactCard(fact, deps)]));
    this.#sourceStep.element.hidden = true;
    this.#reviewStep.hidden = false;
    clear(this.#reviewStep);
    append(
      this.#reviewStep,
      this.#bar(draft),
      h(
        'div',
        { class: 'curate-columns' },
        this.#sourceText(draft),
        h('div', { id: 'curate-facts', class: 'curate-facts' }, ...this.#groups(draft), this.#misses(draft)),
      ),
    );
    this.#refresh();
    void this.#flagLookalikes(draft);
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
          on: { click: () => void this.#preview() },
        }),
        h('button', {
          type: 'button',
          id: 'curate-publish',
          class: 'button primary',
          text: 'Publish',
          on: { click: () => void this.#publish() },
        }),
        h('button', {
          type: 'button',
          id: 'curate-restart',
          class: 'button',
          text: 'Another source',
          on: { click: () => this.#restart() },
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
                this.#review?.decide(
                  facts.map((fact) => fact.id),
                  'accepted',
                );
                this.#refresh();
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
  #refresh() {
    const review = this.#review;
    if (!review) return;
    const issues = review.issues();
    for (const [id, card] of this.#cards) card.showIssues(issues.get(id) ?? []);
    const facts = review.draft.facts;
    const count = (decision: string) => facts.filter((fact) => review.decision(fact.id) === decision).length;
    const accepted = count('accepted');
    const problems = [...issues.values()].filter((list) => list.length > 0).length;
    const counts = this.#reviewStep.querySelector('#curate-counts');
    if (counts) {
      counts.textContent =
        `${accepted} accepted, ${count('rejected')} rejected, ${count('pending')} undecided (left out)` +
        (problems ? ` · ${problems} with problems to fix before publishing` : '');
    }
    const publish = this.#reviewStep.querySelector<HTMLButtonElement>('#curate-publish');
    if (publish) publish.disabled = accepted === 0 || problems > 0;
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
    for (const mark of this.#reviewStep.querySelectorAll<HTMLElement>('mark[data-sentence-key]')) {
      const selected = isMark(mark.dataset.sentenceKey ?? '');
      mark.classList.toggle('selected', selected);
      markCurrent(mark, selected);
      if (selected && !firstMark) firstMark = mark;
    }
    (scrollTo === 'mark' ? firstMark : firstCard)?.scrollIntoView({ block: 'nearest' });
  }

  async #flagLookalikes(draft: SourceDraft) {
    const current = () => this.#review?.draft === draft;
    for (const fact of draft.facts) {
      if (fact.resolution !== 'NEW' || !current()) continue;
      const search = (text: string, kind: EntityKind) => searchEntities(text, undefined, [kind]);
      const hit = await lookalikeOf(fact, search).catch(() => null);
      if (hit && current()) this.#cards.get(fact.id)?.flagLookalike(hit);
    }
  }

  async #preview() {
    const review = this.#review;
    if (!review) return;
    const note = this.#reviewStep.querySelector('#curate-preview-note') as HTMLElement;
    note.textContent = 'Drawing the preview…';
    try {
      const seed = review.seed();
      const held = review.draft.facts
        .filter((fact) => review.decision(fact.id) === 'accepted')
        .filter((fact) => fact.resolution === 'GRAPH' || review.target(fact.id))
        .map((fact) => review.publishedId(fact.id));
      const graph = await neighbourhoodOf([...new Set(held)]);
      const { elements, counts } = previewElements(seed, graph);
      await this.#deps.preview(elements);
      note.textContent = `On the canvas: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, beside what the graph holds about them.`;
    } catch (error) {
      note.textContent = errorMessage(error).text;
    }
  }

  async #publish() {
    const review = this.#review;
    if (!review) return;
    const button = this.#reviewStep.querySelector('#curate-publish') as HTMLButtonElement;
    button.textContent = 'Publishing…';
    // Nothing in the review changes while it is being published.
    this.#reviewStep.inert = true;
    this.#error.textContent = '';
    try {
      const seed = review.seed();
      const result = await authorized(() => publishDraft(seed, review.draft.text));
      if (!result) return;
      const message = `Published ${result.document.name}: ${result.written} entities and relationships written; ${result.seedFile} and ${result.sourceFile} added to the seed folder.`;
      const focus = seed.drugs?.[0]?.id ?? seed.partnerships?.[0]?.id ?? result.document.id;
      this.#restart();
      this.element.hidden = true;
      this.#deps.published(focus, message);
    } catch (error) {
      this.#error.textContent = errorMessage(error).text;
    } finally {
      this.#reviewStep.inert = false;
      button.textContent = 'Publish';
      this.#refresh();
    }
  }

  #restart() {
    this.#review = null;
    this.#cards.clear();
    clear(this.#reviewStep);
    this.#reviewStep.hidden = true;
    this.#sourceStep.element.hidden = false;
    this.#sourceStep.reset();
  }
}

/** Says to assistive technology which facts and sentences are selected. */
function markCurrent(element: HTMLElement, current: boolean) {
  if (current) element.setAttribute('aria-current', 'true');
  else element.removeAttribute('aria-current');
}

/** What the graph holds around `ids`: their neighbourhoods, asked for as many seeds at a time as the API takes. */
async function neighbourhoodOf(ids: readonly string[]): Promise<Graph> {
  const chunks: string[][] = [];
  for (let at = 0; at < ids.length; at += LIMITS.maxGraphSeeds)
    chunks.push(ids.slice(at, at + LIMITS.maxGraphSeeds));
  const graphs = await Promise.all(chunks.map((chunk) => fetchGraph(chunk, { depth: 1, limit: 300 })));
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes).map((node) => [node.id, node]));
  const edges = new Map(graphs.flatMap((graph) => graph.edges).map((edge) => [edge.id, edge]));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
