import { LIMITS } from '../../../server/core/limits.ts';
import { fetchGraph } from '../api/queries.ts';
import type { Graph } from '../api/types.ts';
import type { SourceInput } from '../generated/graphql.ts';
import type { Element } from '../graph/toElements.ts';
import { h } from '../ui/dom.ts';
import { errorMessage } from '../ui/status.ts';
import { draftSource, publishDraft, type SourceDraft } from './api.ts';
import { previewElements } from './preview.ts';
import { ReviewStep } from './reviewStep.ts';
import { SourceStep } from './sourceStep.ts';
import { authorized } from './tokenDialog.ts';

export interface CurationDeps {
  /** Draws the preview on the canvas. */
  preview(elements: Element[]): Promise<unknown>;
  /** A document was published: the explorer shows `focusId`, one of its entities, and says `message`. */
  published(focusId: string, message: string): void;
  /** The screen was closed without publishing; `previewed`: a preview is on the canvas (the view is drawn again). */
  closed(previewed: boolean): void;
}

/**
 * Adding a source, beside the canvas: paste or drop a release (SourceStep), review the ingester's draft against
 * its text (ReviewStep), preview the result on the canvas, publish.
 */
export class CurationScreen {
  readonly element: HTMLElement;
  readonly #deps: CurationDeps;
  readonly #sourceStep: SourceStep;
  readonly #error: HTMLElement;
  #review: ReviewStep | null = null;
  #previewed = false;

  constructor(deps: CurationDeps) {
    this.#deps = deps;
    this.#error = h('p', { id: 'curate-error', class: 'error-text', role: 'alert' });
    this.#sourceStep = new SourceStep({
      draft: (source) => void this.#draft(source),
      refuse: (message) => {
        this.#error.textContent = message;
      },
    });
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
    );
    this.#guardDrops();
  }

  /** A file dropped anywhere on the screen is never opened by the browser in the explorer's place. */
  #guardDrops() {
    for (const type of ['dragover', 'drop'] as const)
      this.element.addEventListener(type, (event) => event.preventDefault());
    window.addEventListener('beforeunload', (event) => {
      if (this.#review?.review.hasDecisions()) event.preventDefault();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open() {
    this.element.hidden = false;
    if (this.#review) this.#review.element.querySelector<HTMLElement>('#curate-preview')?.focus();
    else this.#sourceStep.focus();
  }

  close() {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.#deps.closed(this.#previewed);
    this.#previewed = false;
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
    this.#review?.element.remove();
    this.#review = new ReviewStep(draft, {
      preview: () => void this.#preview(),
      publish: () => void this.#publish(),
      restart: () => this.#startOver(),
    });
    this.#sourceStep.element.hidden = true;
    this.element.append(this.#review.element);
  }

  async #preview() {
    const step = this.#review;
    if (!step) return;
    const { review } = step;
    step.previewNote = 'Drawing the preview…';
    try {
      const seed = review.seed();
      const held = review.draft.facts
        .filter((fact) => review.decision(fact.id) === 'accepted')
        .filter((fact) => fact.resolution === 'GRAPH' || review.target(fact.id))
        .map((fact) => review.publishedId(fact.id));
      const graph = await neighbourhoodOf([...new Set(held)]);
      // Closed, published or started over meanwhile: the canvas is the explorer's again.
      if (this.#review !== step || !this.isOpen) return;
      const { elements, counts } = previewElements(seed, graph);
      this.#previewed = true;
      await this.#deps.preview(elements);
      const cut = graph.truncated
        ? ' The graph around them was cut at its size limit: some held facts may show as new.'
        : '';
      step.previewNote = `On the canvas: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, beside what the graph holds about them.${cut}`;
    } catch (error) {
      step.previewNote = errorMessage(error).text;
    }
  }

  async #publish() {
    const step = this.#review;
    if (!step) return;
    const { review } = step;
    step.publishing = true;
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
      step.publishing = false;
    }
  }

  /** Back to the source step; decisions made are discarded once the curator says so. */
  #startOver() {
    if (this.#review?.review.hasDecisions() && !window.confirm('Discard this review and its decisions?'))
      return;
    this.#restart();
  }

  #restart() {
    this.#review?.element.remove();
    this.#review = null;
    this.#previewed = false;
    this.#sourceStep.element.hidden = false;
    this.#sourceStep.reset();
  }
}

/** What the graph holds around `ids`: their neighbourhoods, asked for as many seeds at a time as the API takes. */
async function neighbourhoodOf(ids: readonly string[]): Promise<Graph> {
  const chunks: string[][] = [];
  for (let at = 0; at < ids.length; at += LIMITS.maxGraphSeeds)
    chunks.push(ids.slice(at, at + LIMITS.maxGraphSeeds));
  const graphs = await Promise.all(chunks.map((chunk) => fetchGraph(chunk, { depth: 1, limit: 300 })));
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes).map((node) => [node.id, node]));
  const edges = new Map(graphs.flatMap((graph) => graph.edges).map((edge) => [edge.id, edge]));
  const truncated = graphs.some((graph) => graph.truncated);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
