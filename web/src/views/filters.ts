import type { Canvas } from '../graph/canvas.ts';
import type { EntityKind } from '../graph/kinds.ts';
import { type ChangedElements, NO_CHANGES } from '../history/index.ts';
import type { ViewStore } from '../state/store.ts';
import { renderLegend } from '../ui/legend.ts';

/** The legend with its kind toggles, and the marks that "changes since" puts on the canvas. */
export class Filters {
  /** What the server's changes touched ("changes since"); nothing without `since`. */
  #changed: Readonly<ChangedElements> = NO_CHANGES;

  constructor(
    readonly canvas: Canvas,
    readonly store: ViewStore,
    readonly legend: HTMLElement,
    /** Runs after each legend refresh (the edit buttons depend on what is on the canvas). */
    readonly afterRefresh: () => void,
  ) {}

  get changed(): Readonly<ChangedElements> {
    return this.#changed;
  }

  /** The elements to mark as changed from now on; the canvas follows at once. */
  setChanged(changed: Readonly<ChangedElements>) {
    this.#changed = changed;
    this.apply();
  }

  /** Hides the hidden kinds; marks what changed. ("As of" needs nothing here: the server answers as of.) */
  apply() {
    this.canvas.applyFilters(new Set(this.store.state.hiddenKinds), this.#changed);
  }

  /** Redraws the legend with the counts of what is on the canvas. */
  refreshLegend() {
    const counts = new Map<string, number>();
    this.canvas.cy.nodes().forEach((n) => {
      const kind = n.data('kind') as string;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    });
    renderLegend(this.legend, counts, new Set(this.store.state.hiddenKinds), (kind) => this.toggleKind(kind));
    this.afterRefresh();
  }

  toggleKind(kind: EntityKind) {
    const hidden = new Set(this.store.state.hiddenKinds);
    if (hidden.has(kind)) hidden.delete(kind);
    else hidden.add(kind);
    this.store.set({ hiddenKinds: [...hidden] });
    this.apply();
    this.refreshLegend();
    (this.legend.querySelector(`[data-kind="${kind}"]`) as HTMLElement | null)?.focus();
  }
}
