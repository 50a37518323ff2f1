import type { SearchHit } from '../api/types.ts';
import type { Canvas } from '../graph/canvas.ts';
import type { EdgeData } from '../graph/toElements.ts';
import type { ViewStore } from '../state/store.ts';
import type { ViewState } from '../state/url.ts';
import type { PanelActions } from '../ui/panel.ts';
import type { CanvasEdits } from './edits.ts';

export interface NavigationContext {
  readonly store: ViewStore;
  readonly canvas: Canvas;
  readonly edits: CanvasEdits;
  /** Loads the view that the state describes. */
  load(): Promise<void>;
  select(id: string | null): void;
  /** Opens a source document in the reader (at a sentence when given). */
  read(documentId: string, sentenceId?: string | null): void;
  /** Shows a relationship in the panel. */
  selectEdge(edge: EdgeData): void;
}

/** Going to an entity from a search hit or a link in the panel: on this canvas if it can, else in another view. */
export class Navigation {
  readonly #ctx: NavigationContext;
  /** What the links and buttons in the panel do. */
  readonly actions: PanelActions;

  constructor(ctx: NavigationContext) {
    this.#ctx = ctx;
    this.actions = {
      focus: (id) => void this.focus(id),
      read: (documentId, sentenceId) => ctx.read(documentId, sentenceId),
      expand: (id) => void ctx.edits.expand(id),
      hide: (id) => ctx.edits.hide([id]),
      remove: (id) => ctx.edits.remove([id]),
      pathFrom: (id) => this.#openPath({ from: id }),
      pathTo: (id) => this.#openPath({ to: id }),
      showEdge: (edge) => ctx.selectEdge(edge),
    };
  }

  /** A search hit: onto the explore canvas with its neighbourhood, selected. */
  async chooseHit(hit: SearchHit) {
    if (this.#ctx.store.state.view !== 'explore') await this.exploreAlone(hit.id);
    else await this.focus(hit.id);
  }

  /** Shows an entity: selects it when it is on the canvas, else brings it (with neighbours) onto the explore canvas. */
  async focus(id: string) {
    const { store, canvas, edits, select } = this.#ctx;
    const { view, selected } = store.state;
    if (canvas.cy.getElementById(id).nonempty() && view !== 'timeline') {
      canvas.focus(id);
      select(id);
    } else if (view !== 'explore' || canvas.cy.nodes().empty()) {
      await this.exploreAlone(id);
    } else {
      await edits.expand(id, selected);
      canvas.focus(id);
      select(id);
    }
  }

  /** Opens the explore view on one entity's neighbourhood (a new history entry). */
  async exploreAlone(id: string) {
    this.#ctx.store.set({ view: 'explore', ids: [id], removed: [], selected: id }, true);
    await this.#ctx.load();
    this.#ctx.canvas.focus(id);
  }

  #openPath(end: Pick<ViewState, 'from'> | Pick<ViewState, 'to'>) {
    this.#ctx.store.set({ view: 'path', ...end, selected: null }, true);
    void this.#ctx.load();
  }
}
