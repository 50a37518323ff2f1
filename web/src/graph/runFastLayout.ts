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
 * Positions for many nodes, computed in a Web Worker so the page stays responsive (inline when workers are not
 * available). Resolves to a map from node id to position.
 */
export async function computeFastPositions(
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
): Promise<{ positions: Map<string, { x: number; y: number }>; ms: number }> {
  const graph = toLayoutGraph(ids, edges);
  const started = performance.now();
  const target = getWorker();
  let flat: Float64Array;
  if (target) {
    const id = nextId++;
    const response = await new Promise<LayoutResponse | null>((resolve) => {
      pending.set(id, resolve);
      const request: LayoutRequest = { id, nodeCount: graph.nodeCount, edges: graph.edges };
      try {
        target.postMessage(request, [graph.edges.buffer]);
      } catch {
        pending.delete(id);
        resolve(null);
      }
    });
    flat = response ? response.positions : fastLayout(toLayoutGraph(ids, edges));
  } else {
    flat = fastLayout(graph);
  }
  const positions = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    positions.set(id, { x: flat[i * 2] as number, y: flat[i * 2 + 1] as number });
  });
  return { positions, ms: performance.now() - started };
}
