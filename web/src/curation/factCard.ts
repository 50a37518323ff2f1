import type { SearchHit } from '../api/types.ts';
import type { EntityKind } from '../generated/graphql.ts';
import { kindStyle } from '../graph/kinds.ts';
import { append, clear, h, swatch } from '../ui/dom.ts';
import { Combobox } from '../ui/search.ts';
import { errorMessage } from '../ui/status.ts';
import type { DraftFact } from './api.ts';
import { factForm, issueText } from './factForm.ts';
import type { Decision, DraftReview, FieldIssue } from './review.ts';

export interface FactCardDeps {
  readonly review: DraftReview;
  search(text: string, signal: AbortSignal, kinds: readonly EntityKind[]): Promise<SearchHit[]>;
  /** A decision, an edit or a re-pointing was made. */
  changed(): void;
  /** The fact's sentences are asked for (its card clicked, or its "Sentences" button). */
  select(fact: DraftFact): void;
}

const DECISION_TITLES: Readonly<Record<Decision, string>> = {
  pending: 'Undecided',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

type Mode = 'view' | 'edit' | 'repoint';

/**
 * One proposed fact: what it is, what it was matched to in the graph, the sentences that state it, and the
 * curator's controls (accept, reject, edit, re-point to another entity of the graph). A card is drawn again only
 * when what it shows has changed, and keeps the focus where it was.
 */
export class FactCard {
  readonly element: HTMLElement;
  #issues: readonly FieldIssue[] = [];
  #mode: Mode = 'view';
  /** The open form or search, kept across renders so that what the curator is typing stays. */
  #tool: HTMLElement | null = null;
  #drawn = '';

  constructor(
    readonly fact: DraftFact,
    readonly deps: FactCardDeps,
  ) {
    this.element = h('article', {
      class: 'fact',
      'data-fact-id': fact.id,
      'data-kind': fact.kind,
      'aria-label': `${kindStyle(fact.kind).title} ${fact.name}`,
      // A mouse shortcut for the "Sentences" button.
      on: { click: (event) => this.#clicked(event) },
    });
    this.render();
  }

  /** What the format finds wrong with the fact as it would be published. */
  showIssues(issues: readonly FieldIssue[]) {
    this.#issues = issues;
    this.render();
  }

  render() {
    const { review } = this.deps;
    const decision = review.decision(this.fact.id);
    const shown = JSON.stringify([
      decision,
      this.#issues,
      review.target(this.fact.id),
      this.#name(),
      this.#mode,
    ]);
    if (shown === this.#drawn) return;
    this.#drawn = shown;
    const focused =
      document.activeElement instanceof HTMLElement && this.element.contains(document.activeElement)
        ? document.activeElement
        : null;
    const style = kindStyle(this.fact.kind);
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
      this.#button(
        'sentences',
        `Sentences: ${this.fact.sentences.join(', ') || 'none'}`,
        () => this.deps.select(this.fact),
        'link-button fact-sentences',
      ),
      this.#actions(decision),
      this.#tool,
      this.#issues.length
        ? h(
            'ul',
            { class: 'fact-issues' },
            ...this.#issues.map((issue) => h('li', { text: issueText(issue) })),
          )
        : null,
    );
    this.#refocus(focused);
  }

  /** The focus stays on the control it was on: the same element (the open form), or its namesake drawn anew. */
  #refocus(focused: HTMLElement | null) {
    if (!focused) return;
    if (focused.isConnected) focused.focus();
    else if (focused.dataset.action)
      this.element.querySelector<HTMLElement>(`[data-action="${focused.dataset.action}"]`)?.focus();
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
        this.#decide('keep-new', 'Keep new', () => deps.review.repoint(fact.id, null), 'link-button'),
      );
    }
    if (fact.resolution === 'GRAPH')
      return h('p', { class: 'resolution graph', text: `In the graph: ${fact.match?.name ?? fact.id}` });
    const hit = fact.lookalike;
    return h(
      'p',
      { class: 'resolution new' },
      h('span', { class: 'pill new', text: 'New' }),
      hit ? h('span', { class: 'lookalike', text: ` Looks like ${hit.name}, in the graph. ` }) : null,
      hit
        ? this.#decide(
            'use-lookalike',
            `Use ${hit.name}`,
            () => deps.review.repoint(fact.id, hit),
            'link-button',
          )
        : null,
    );
  }

  #actions(decision: Decision): HTMLElement {
    const { fact, deps } = this;
    const toggle = (to: Decision, text: string) =>
      this.#decide(
        to,
        text,
        () => deps.review.decide([fact.id], decision === to ? 'pending' : to),
        'button',
        {
          'aria-pressed': String(decision === to),
        },
      );
    const tool = (mode: Exclude<Mode, 'view'>, text: string) =>
      this.#button(mode, text, () => this.#switch(mode), 'button', {
        'aria-expanded': String(this.#mode === mode),
      });
    return h(
      'div',
      { class: 'fact-actions' },
      toggle('accepted', 'Accept'),
      toggle('rejected', 'Reject'),
      tool('edit', 'Edit'),
      deps.review.canRepoint(fact.id) ? tool('repoint', 'Re-point…') : null,
    );
  }

  /** Whether its edit form is open: what it holds is not in the review until saved. */
  get editing(): boolean {
    return this.#mode === 'edit';
  }

  /** Opens (or closes) the edit form or the re-point search; the page hears of it (an open form holds Publish). */
  #switch(mode: Mode) {
    this.#mode = this.#mode === mode ? 'view' : mode;
    this.#tool = this.#mode === 'edit' ? this.#form() : this.#mode === 'repoint' ? this.#repoint() : null;
    this.render();
    this.#tool?.querySelector<HTMLElement>('input, textarea')?.focus();
    this.deps.changed();
  }

  #form(): HTMLElement {
    return factForm(this.deps.review, this.fact.id, {
      saved: () => this.#switch('view'),
      cancel: () => this.#switch('view'),
    });
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
    const failed = h('p', { class: 'error-text', role: 'alert' });
    new Combobox({
      input,
      list,
      search: (text, signal) => deps.search(text, signal, [fact.kind]),
      onError: (error) => {
        failed.textContent = errorMessage(error).text;
      },
      onChoose: (hit) => {
        deps.review.repoint(fact.id, hit);
        this.#switch('view');
      },
    });
    return h(
      'div',
      { class: 'repoint search small' },
      h('label', { for: input.id, text: 'Re-point to' }),
      input,
      list,
      failed,
    );
  }

  /** A control that changes the review: the page is told after it runs. */
  #decide(
    action: string,
    text: string,
    run: () => void,
    className: string,
    attrs: Record<string, string> = {},
  ) {
    return this.#button(
      action,
      text,
      () => {
        run();
        this.deps.changed();
      },
      className,
      attrs,
    );
  }

  #button(
    action: string,
    text: string,
    run: () => void,
    className: string,
    attrs: Record<string, string> = {},
  ) {
    return h('button', {
      type: 'button',
      class: className,
      'data-action': action,
      text,
      ...attrs,
      on: {
        click: (event) => {
          event.stopPropagation();
          run();
        },
      },
    });
  }

  #clicked(event: Event) {
    if ((event.target as HTMLElement).closest('button, input, textarea, form, a')) return;
    this.deps.select(this.fact);
  }
}
