import { fetchChanges } from '../api/queries.ts';
import type { Change } from '../api/types.ts';
import type { Canvas } from '../graph/canvas.ts';
import {
  type ChangeWindow,
  changedElements,
  changeWindow,
  NO_CHANGES,
  shownChanges,
  todayIso,
} from '../history/index.ts';
import type { ViewStore } from '../state/store.ts';
import { type ChangesFrame, renderChanges, renderChangesError, renderChangesLoading } from '../ui/changes.ts';
import type { PanelActions } from '../ui/panel.ts';
import { errorMessage } from '../ui/status.ts';
import type { Filters } from './filters.ts';

export interface ChangesContext {
  readonly store: ViewStore;
  readonly canvas: Canvas;
  readonly filters: Filters;
  readonly actions: Pick<PanelActions, 'focus' | 'read'>;
  /** The changes shown have changed (views that do not draw on the canvas mark them themselves). */
  onLoaded(): void;
  /** Today (injectable for tests). */
  today?(): string;
}

/**
 * "Changes since": the server's `changes(from: since, to: asOf or today)`, listed in a box over the canvas and
 * marked on it. Loaded again only when the window changes.
 */
export class ChangesPanel {
  readonly #el: HTMLElement;
  readonly #ctx: ChangesContext;
  #token = 0;
  #loadedKey: string | null = null;
  #collapsed = false;
  #shown: { window: ChangeWindow; changes: Change[]; fetched: number; totalCount: number } | null = null;

  constructor(el: HTMLElement, ctx: ChangesContext) {
    this.#el = el;
    this.#ctx = ctx;
  }

  #frame(): ChangesFrame {
    return {
      collapsed: this.#collapsed,
      onToggle: () => {
        this.#collapsed = !this.#collapsed;
        return this.#collapsed;
      },
      onClear: () => {
        this.#ctx.store.set({ since: null });
        void this.load();
      },
    };
  }

  /** Follows the state's "since" and "as of": hides the box without `since`, else lists the window's changes. */
  async load() {
    const { since, asOf } = this.#ctx.store.state;
    const window = changeWindow(since, asOf, this.#ctx.today?.() ?? todayIso());
    const key = window ? `${window.from}/${window.to}` : null;
    if (key !== null && key === this.#loadedKey) return;
    const token = ++this.#token;
    this.#loadedKey = null;
    this.#shown = null;
    if (!window) {
      this.#el.hidden = true;
      this.#ctx.filters.setChanged(NO_CHANGES);
      this.#ctx.onLoaded();
      return;
    }
    this.#el.hidden = false;
    renderChangesLoading(this.#el, window, this.#frame());
    try {
      const { changes: fetched, totalCount } = await fetchChanges(window.from, window.to);
      if (token !== this.#token) return;
      const changes = shownChanges(fetched);
      this.#loadedKey = key;
      this.#shown = { window, changes, fetched: fetched.length, totalCount };
      this.#ctx.filters.setChanged(changedElements(changes));
      this.#render();
      this.#ctx.onLoaded();
    } catch (error) {
      if (token !== this.#token) return;
      this.#ctx.filters.setChanged(NO_CHANGES);
      renderChangesError(this.#el, window, errorMessage(error).text, () => void this.load(), this.#frame());
    }
  }

  #render() {
    const shown = this.#shown;
    if (!shown) return;
    const names = new Map(shown.changes.map((c) => [c.entity.id, c.entity.name]));
    renderChanges(
      this.#el,
      shown.window,
      shown,
      (id) => names.get(id) ?? this.#ctx.canvas.labelOf(id),
      this.#ctx.actions,
      this.#frame(),
    );
  }
}
