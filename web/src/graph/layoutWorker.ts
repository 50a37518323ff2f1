/// <reference lib="webworker" />
import { type FastLayoutOptions, fastLayout } from './fastLayout.ts';

/** Runs the fast layout off the main thread: nodes and edges in as typed arrays, positions out (transferred). */
export interface LayoutRequest {
  id: number;
  nodeCount: number;
  edges: Uint32Array;
  options?: Partial<FastLayoutOptions>;
}

export interface LayoutResponse {
  id: number;
  positions: Float64Array;
  ms: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, nodeCount, edges, options } = event.data;
  const started = performance.now();
  const positions = fastLayout({ nodeCount, edges }, options);
  const response: LayoutResponse = { id, positions, ms: performance.now() - started };
  scope.postMessage(response, [positions.buffer]);
};
