import type { CollectionReturnValue } from 'cytoscape';
import { fetchGraph } from '../api/queries.ts';
import type { Canvas } from '../graph/canvas.ts';
import { toElements } from '../graph/toElements.ts';
import { UndoStack } from '../state/history.ts';
import type { ViewStore } from '../state/store.ts';
import { errorMessage, type Status } from '../ui/status.ts';
import type { Filters } from './filters.ts';

/** Most nodes one expansion asks the API for. */
export const EXPAND_LIMIT = 300;

export interface EditsContext {
  readonly store: ViewStore;
  readonly canvas: Canvas;
  readonly status: Status;
  readonly filters: Filters;
  /** Changes the selection (null: none). */
  select(id: string | null): void;
  /** Shows an entity in whatever way the current view allows (expand falls back to it outside explore). */
  focus(id: string): Promise<void>;
  /** Brings the edit buttons in line (undo, hidden count). */
  onChange(): void;
}

/** Changes to the canvas by hand (expand, hide, remove, clear), each undoable. */
export class CanvasEdits {
  readonly undo: UndoStack;
  readonly #hidden = new Set<string>();
  readonly #ctx: EditsContext;

  constructor(ctx: EditsContext) {
    this.#ctx = ctx;
    this.undo = new UndoStack(() => ctx.onChange());
  }

  get hiddenCount() {
    return this.#hidden.size;
  }

  /** A new view: nothing to undo, nothing hidden. */
  reset() {
    this.undo.clear();
    this.#hidden.clear();
  }

  /** Adds an entity's neighbours around it, keeping everything else where it is. */
  async expand(id: string, anchor: string | null = id) {
    const { store, canvas, status, filters } = this.#ctx;
    if (store.state.view !== 'explore') {
      await this.#ctx.focus(id);
      return;
    }
    status.info('Expanding…');
    const container = canvas.cy.container();
    container?.setAttribute('aria-busy', 'true');
    try {
      const graph = await fetchGraph([id], { limit: EXPAND_LIMIT, asOf: store.state.asOf });
      const existing = new Set(canvas.cy.elements().map((e) => e.id()));
      // Edges between new nodes and those already on the canvas are in the answer too; toElements keeps them.
      const elements = toElements(graph, existing);
      const added = await canvas.addAround(elements, anchor ?? id, store.state.layout);
      status.hideOverlay();
      const hadId = store.state.ids.includes(id);
      const removedBefore = store.state.removed;
      store.set({
        ids: hadId ? store.state.ids : [...store.state.ids, id],
        removed: store.state.removed.filter((r) => !added.includes(r)),
      });
      this.undo.push({
        label: `expand ${graph.nodes.find((n) => n.id === id)?.label ?? id}`,
        undo: () => {
          canvas.removeIds(added);
          store.set({
            ids: hadId ? store.state.ids : store.state.ids.filter((x) => x !== id),
            removed: removedBefore,
          });
          filters.refreshLegend();
        },
      });
      filters.apply();
      filters.refreshLegend();
      status.info(
        added.length
          ? `Added ${added.filter((a) => canvas.cy.getElementById(a).isNode()).length} entities.`
          : 'Nothing new around it.',
      );
    } catch (error) {
      const { text } = errorMessage(error);
      status.error(text, () => void this.expand(id, anchor));
    } finally {
      container?.removeAttribute('aria-busy');
    }
  }

  hide(ids: string[]) {
    const { store, canvas } = this.#ctx;
    const hidden = canvas.hide(ids);
    if (!hidden.length) return;
    for (const id of hidden) this.#hidden.add(id);
    if (store.state.selected && hidden.includes(store.state.selected)) this.#ctx.select(null);
    this.undo.push({
      label: 'hide',
      undo: () => {
        canvas.unhide(hidden);
        for (const id of hidden) this.#hidden.delete(id);
        this.#ctx.onChange();
      },
    });
  }

  showHidden() {
    const shown = this.#ctx.canvas.showHidden();
    this.#hidden.clear();
    this.undo.push({ label: 'show hidden', undo: () => this.hide(shown) });
  }

  /** Removes nodes from an explore canvas (the link remembers them); elsewhere hides them. */
  remove(ids: string[]) {
    const { store, canvas, filters } = this.#ctx;
    if (store.state.view !== 'explore') {
      this.hide(ids);
      return;
    }
    const removed: CollectionReturnValue = canvas.remove(ids);
    if (removed.empty()) return;
    const nodeIds = removed.nodes().map((n) => n.id());
    const before = store.state.removed;
    store.set({ removed: [...before, ...nodeIds.filter((id) => !before.includes(id))] });
    if (store.state.selected && nodeIds.includes(store.state.selected)) this.#ctx.select(null);
    this.undo.push({
      label: `remove ${removed.nodes().first().data('label') ?? ''}`.trim(),
      undo: () => {
        canvas.restore(removed);
        store.set({ removed: before });
        filters.refreshLegend();
      },
    });
    filters.refreshLegend();
  }

  /** Empties the canvas and the link's entities. */
  clear() {
    const { store, canvas, status, filters } = this.#ctx;
    const before = { ids: store.state.ids, removed: store.state.removed };
    const all = canvas.cy.elements().remove();
    store.set({ ids: [], removed: [], selected: null });
    filters.refreshLegend();
    status.showOverlay('empty', 'Canvas cleared. Search for an entity above, or press Undo.');
    this.undo.push({
      label: 'clear',
      undo: () => {
        all.restore();
        store.set(before);
        status.hideOverlay();
        filters.refreshLegend();
      },
    });
  }
}
