import { NESTED_LISTS, type SeedRecord } from '../../../seed/format.ts';
import type { SearchHit } from '../api/types.ts';
import type { EntityKind } from '../generated/graphql.ts';
import { kindStyle } from '../graph/kinds.ts';
import { append, clear, h, pressable, swatch } from '../ui/dom.ts';
import { Combobox } from '../ui/search.ts';
import type { DraftFact } from './api.ts';
import type { Decision, DraftReview, FieldIssue } from './review.ts';

export interface FactCardDeps {
  readonly review: DraftReview;
  search(text: string, signal: AbortSignal, kinds: readonly EntityKind[]): Promise<SearchHit[]>;
  /** A decision, an edit or a re-pointing was made. */
  changed(): void;
  /** The card was clicked: its sentences are shown. */
  select(fact: DraftFact): void;
}

const DECISION_TITLES: Readonly<Record<Decision, string>> = {
  pending: 'Undecided',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/**
 * One proposed fact: what it is, what it was matched to in the graph, the sentences that state it, and the
 * curator's controls (accept, reject, edit, re-point to another entity of the graph).
 */
export class FactCard {
  readonly element: HTMLElement;
  #issues: readonly FieldIssue[] = [];
  #lookalike: SearchHit | null = null;
  #mode: 'view' | 'edit' | 'repoint' = 'view';
  /** The open form or search, kept across renders so that what the curator is typing stays. */
  #tool: HTMLElement | null = null;

  constructor(
    readonly fact: DraftFact,
    readonly deps: FactCardDeps,
  ) {
    this.element = h('article', {
      class: 'fact',
      'data-fact-id': fact.id,
      'data-kind': fact.kind,
      'aria-label': `${kindStyle(fact.kind).title} ${fact.name}`,
      tabindex: '0',
      on: pressable((event) => this.#clicked(event)),
    });
    this.render();
  }

  /** What the format finds wrong with the fact as it would be published. */
  showIssues(issues: readonly FieldIssue[]) {
    this.#issues = issues;
    this.render();
  }

  /** A new entity that looks like one of the graph's: flagged, with a way to re-point to it. */
  flagLookalike(hit: SearchHit) {
    this.#lookalike = hit;
    this.render();
  }

  render() {
    const { fact, deps } = this;
    const decision = deps.review.decision(fact.id);
    const style = kindStyle(fact.kind);
    this.element.dataset.decision = decision;
    clear(this.element);
    append(
      this.element,
      h(
        'header',
        { class: 'fact-head' },
        swatch(style.color, style.shape),
        h('span', { class: 'fact-name', text: this.#name() }),
        h('span', { class: 'fact-kind muted', text: style.title }),
        h('span', { class: `pill decision-${decision}`, text: DECISION_TITLES[decision] }),
      ),
      this.#resolution(),
      h('p', { class: 'fact-sentences muted', text: `Sentences: ${fact.sentences.join(', ') || 'none'}` }),
      this.#actions(decision),
      this.#tool,
      this.#issues.length
        ? h(
            'ul',
            { class: 'fact-issues', role: 'alert' },
            ...this.#issues.map((issue) => h('li', { text: issueText(issue) })),
          )
        : null,
    );
  }

  /** As it will be published; an entity the graph holds may be drafted without its name. */
  #name(): string {
    return this.deps.review.record(this.fact.id)?.name ?? this.fact.match?.name ?? this.fact.name;
  }

  #resolution(): HTMLElement {
    const { fact, deps } = this;
    const target = deps.review.target(fact.id);
    if (target) {
      return h(
        'p',
        { class: 'resolution repointed' },
        `Re-pointed to ${target.name}, in the graph. `,
        this.#button('Keep new', () => deps.review.repoint(fact.id, null), 'link-button'),
      );
    }
    if (fact.resolution === 'GRAPH')
      return h('p', { class: 'resolution graph', text: `In the graph: ${fact.match?.name ?? fact.id}` });
    const hit = this.#lookalike;
    return h(
      'p',
      { class: 'resolution new' },
      h('span', { class: 'pill new', text: 'New' }),
      hit ? h('span', { class: 'lookalike', text: ` Looks like ${hit.name}, in the graph. ` }) : null,
      hit ? this.#button(`Use ${hit.name}`, () => deps.review.repoint(fact.id, hit), 'link-button') : null,
    );
  }

  #actions(decision: Decision): HTMLElement {
    const { fact, deps } = this;
    const toggle = (to: Decision, text: string) =>
      this.#button(text, () => deps.review.decide([fact.id], decision === to ? 'pending' : to), 'button', {
        'aria-pressed': String(decision === to),
      });
    const named = typeof deps.review.record(fact.id)?.name === 'string';
    return h(
      'div',
      { class: 'fact-actions' },
      toggle('accepted', 'Accept'),
      toggle('rejected', 'Reject'),
      this.#toolButton('Edit', 'edit'),
      named ? this.#toolButton('Re-point…', 'repoint') : null,
    );
  }

  #switch(mode: 'view' | 'edit' | 'repoint') {
    this.#mode = this.#mode === mode ? 'view' : mode;
    this.#tool = this.#mode === 'edit' ? this.#form() : this.#mode === 'repoint' ? this.#repoint() : null;
    this.render();
    this.element.querySelector<HTMLElement>('.fact-form input, .fact-form textarea, .repoint input')?.focus();
  }

  /** Every field of the record: texts as text, anything else as JSON. Saving checks it as the seed loader does. */
  #form(): HTMLElement {
    const { fact, deps } = this;
    const record = deps.review.record(fact.id) as SeedRecord;
    const fields = Object.entries(record).filter(([key]) => key !== 'id' && !(key in NESTED_LISTS));
    const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
    const rows = fields.map(([key, value]) => {
      const id = `edit-${fact.id}-${key}`;
      const input =
        typeof value === 'string'
          ? h('input', { id, class: 'fact-field', value })
          : h('textarea', {
              id,
              class: 'fact-field',
              rows: 2,
              spellcheck: 'false',
              text: JSON.stringify(value),
            });
      inputs.set(key, input);
      return h('div', { class: 'form-row' }, h('label', { for: id, text: key }), input);
    });
    const problems = h('ul', { class: 'fact-issues', role: 'alert' });
    const save = (event: Event) => {
      event.preventDefault();
      const edited: SeedRecord = { id: record.id, cite: record.cite };
      const unreadable: FieldIssue[] = [];
      for (const [key, input] of inputs) {
        const text = input.value.trim();
        if (text === '') continue;
        if (input instanceof HTMLInputElement) edited[key] = text;
        else {
          try {
            edited[key] = JSON.parse(text);
          } catch {
            unreadable.push({ field: key, message: 'expected JSON, such as ["a", "b"] or {"ref": "id"}' });
          }
        }
      }
      const issues = unreadable.length ? unreadable : deps.review.edit(fact.id, edited);
      clear(problems);
      problems.append(...issues.map((issue) => h('li', { text: issueText(issue) })));
      if (issues.length === 0) {
        this.#switch('view');
        deps.changed();
      }
    };
    return h(
      'form',
      { class: 'fact-form', on: { submit: save } },
      ...rows,
      problems,
      h(
        'div',
        { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button primary', text: 'Save' }),
        this.#toolButton('Cancel', 'edit'),
      ),
    );
  }

  /** Search-as-you-type among the graph's entities of the same kind. */
  #repoint(): HTMLElement {
    const { fact, deps } = this;
    const input = h('input', {
      id: `repoint-${fact.id}`,
      type: 'search',
      placeholder: `A ${kindStyle(fact.kind).title.toLowerCase()} of the graph…`,
    });
    const list = h('ul', {
      id: `repoint-${fact.id}-list`,
      class: 'search-list',
      'aria-label': 'Entities to re-point to',
    });
    new Combobox({
      input,
      list,
      search: (text, signal) => deps.search(text, signal, [fact.kind]),
      onChoose: (hit) => {
        this.#switch('view');
        deps.review.repoint(fact.id, hit);
        deps.changed();
      },
    });
    return h(
      'div',
      { class: 'repoint search small' },
      h('label', { for: input.id, text: 'Re-point to' }),
      input,
      list,
    );
  }

  #button(text: string, run: () => void, className: string, attrs: Record<string, string> = {}) {
    return h('button', {
      type: 'button',
      class: className,
      text,
      ...attrs,
      on: {
        click: (event) => {
          event.stopPropagation();
          run();
          this.deps.changed();
        },
      },
    });
  }

  /** Opens (or closes) the edit form or the re-point search: nothing is decided yet. */
  #toolButton(text: string, mode: 'edit' | 'repoint') {
    return h('button', {
      type: 'button',
      class: 'button',
      text,
      'aria-expanded': String(this.#mode === mode),
      on: { click: () => this.#switch(mode) },
    });
  }

  #clicked(event: Event) {
    if ((event.target as HTMLElement).closest('button, input, textarea, form, a')) return;
    this.deps.select(this.fact);
  }
}

const issueText = (issue: FieldIssue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message);
