import type { Canvas } from '../graph/canvas.ts';
import type { EntityKind } from '../graph/kinds.ts';
import { timeView } from '../graph/timeFilter.ts';
import type { ViewStore } from '../state/store.ts';
import { renderLegend } from '../ui/legend.ts';
import type { Status } from '../ui/status.ts';

/** The legend with its kind toggles, and the filters it and the dates put on the canvas. */
export class Filters {
  constructor(
    readonly canvas: Canvas,
    readonly store: ViewStore,
    readonly status: Status,
    readonly legend: HTMLElement,
    /** Runs after each legend refresh (the edit buttons depend on what is on the canvas). */
    readonly afterRefresh: () => void,
  ) {}

  /** Hides the hidden kinds and what had not happened "as of"; marks what changed "since". */
  apply() {
    const cy = this.canvas.cy;
    const nodes = cy
      .nodes()
      .map((n) => ({ id: n.id(), kind: n.data('kind') as string, day: n.data('day') as string | undefined }));
    const edges = cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      type: e.data('type') as string,
    }));
    const { asOf, since, hiddenKinds } = this.store.state;
    const time = timeView(nodes, edges, asOf ?? (since ? '9999-12-31' : null), since);
    this.canvas.applyFilters(new Set(hiddenKinds), time);
    if (since || asOf) {
      const note = [
        asOf ? `as of ${asOf}: ${time.hidden.size} hidden` : null,
        since ? `${time.changed.size} changed since ${since}` : null,
      ]
        .filter(Boolean)
        .join(' · ');
      this.status.info(`Showing ${note}.`);
    }
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
