import type { Canvas, DrawTimings } from './graph/canvas.ts';
import type { Element } from './graph/toElements.ts';
import type { ViewStore } from './state/store.ts';
import type { ViewState } from './state/url.ts';
import type { Status } from './ui/status.ts';
import type { Filters } from './views/filters.ts';

/** The hook that tests and the benchmark use (window.__atlas). */
export interface AtlasHook {
  cy: Canvas['cy'];
  /** Resolves when the first view has loaded (or failed and shows its error). */
  ready: Promise<void>;
  /** Timings of the latest full draw. */
  lastDraw: DrawTimings | null;
  /** Draws the given elements as the app would (layout plan included), for benchmarks. */
  drawElements(elements: Element[]): Promise<DrawTimings>;
  state(): ViewState;
}

/** The hook, and the function that resolves its `ready`. */
export function createHook(parts: { canvas: Canvas; store: ViewStore; status: Status; filters: Filters }): {
  hook: AtlasHook;
  resolveReady: () => void;
} {
  const { canvas, store, status, filters } = parts;
  let resolveReady: () => void = () => {};
  const hook: AtlasHook = {
    cy: canvas.cy,
    ready: new Promise<void>((resolve) => {
      resolveReady = resolve;
    }),
    lastDraw: null,
    drawElements: async (elements) => {
      status.hideOverlay();
      const timings = await canvas.replace(elements, store.state.layout);
      hook.lastDraw = timings;
      filters.refreshLegend();
      return timings;
    },
    state: () => store.snapshot(),
  };
  return { hook, resolveReady };
}
