import { fetchDetails, fetchEdge } from '../api/queries.ts';
import type { EdgeData } from '../graph/toElements.ts';
import { clear, h } from '../ui/dom.ts';
import { renderEdgeDetails } from '../ui/edgeDetails.ts';
import { renderDetails } from '../ui/entityDetails.ts';
import { type PanelActions, renderLoading } from '../ui/panel.ts';
import { errorMessage } from '../ui/status.ts';

/** An entity's or a relationship's details in the panel; only the latest request is shown, a failure offers Retry. */
export class Details {
  #token = 0;

  constructor(
    readonly panel: HTMLElement,
    readonly actions: PanelActions,
    /** More to show above the details (the current view decides). */
    readonly extra: (id: string) => HTMLElement | undefined,
    /** The "as of" day the details are asked for (null: today). */
    readonly asOf: () => string | null,
  ) {}

  /** An entity: properties, relationships, citations and history. */
  show(id: string) {
    const asOf = this.asOf();
    return this.#run(
      'details',
      () => fetchDetails(id, asOf),
      (details) => renderDetails(this.panel, details, id, this.actions, this.extra(id), asOf),
      () => void this.show(id),
    );
  }

  /** A relationship (a clicked edge): its ends, properties, citations and history. */
  showEdge(edge: EdgeData) {
    const asOf = this.asOf();
    return this.#run(
      'the relationship',
      () => fetchEdge(edge, asOf),
      (details) => renderEdgeDetails(this.panel, details, edge, this.actions, asOf),
      () => void this.showEdge(edge),
    );
  }

  async #run<T>(what: string, fetch: () => Promise<T>, render: (data: T) => void, retry: () => void) {
    const token = ++this.#token;
    renderLoading(this.panel, what);
    try {
      const data = await fetch();
      if (token !== this.#token) return;
      render(data);
    } catch (error) {
      if (token !== this.#token) return;
      const { text } = errorMessage(error);
      clear(this.panel);
      this.panel.append(
        h('p', { class: 'error-text', role: 'alert', text }),
        h('button', { type: 'button', class: 'button', text: 'Retry', on: { click: retry } }),
      );
    }
  }
}
