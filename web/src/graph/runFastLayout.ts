import { fastLayout, toLayoutGraph } from './fastLayout.ts';
import type { LayoutRequest, LayoutResponse } from './layoutWorker.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (response: LayoutResponse | null) => void>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), {
      type: 'module',
      name: 'atlas-layout',
    });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
    worker.onerror = () => {
      // A worker that cannot start (or crashed): everything waiting falls back to the main thread.
      worker = null;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
    };
    return worker;
  } catch {
    return null;
  }
}

/**
 * Starts the worker ahead of need: a module worker loads and starts only once this thread is free, so one started
 * on first use would sit idle while this thread adds the elements it is meant to overlap with.
 */
export function warmUpFastLayout() {
  getWorker();
}

/**
 * Positions for many nodes, computed in a Web Worker so the page stays responsive (inline when workers are not
 * available). The request is posted before this returns, so the caller can work on this thread meanwhile.
 * Resolves to a map from node id to position, and the layout's own computing time (in a worker, not counting
 * the wait for this thread to take the answer).
 */
export async function computeFastPositions(
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
): Promise<{ positions: Map<string, { x: number; y: number }>; ms: number }> {
  const graph = toLayoutGraph(ids, edges);
  const target = getWorker();
  let response: LayoutResponse | null = null;
  if (target) {
    const id = nextId++;
    response = await new Promise<LayoutResponse | null>((resolve) => {
      pending.set(id, resolve);
      const request: LayoutRequest = { id, nodeCount: graph.nodeCount, edges: graph.edges };
      try {
        target.postMessage(request, [graph.edges.buffer]);
      } catch {
        pending.delete(id);
        resolve(null);
      }
    });
  }
  const started = performance.now();
  // The graph's edges went to the worker (transferred): a fallback needs them again.
  const flat = response ? response.positions : fastLayout(target ? toLayoutGraph(ids, edges) : graph);
  const ms = response ? response.ms : performance.now() - started;
  const positions = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    positions.set(id, { x: flat[i * 2] as number, y: flat[i * 2 + 1] as number });
  });
  return { positions, ms };
}
