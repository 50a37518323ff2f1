import { createLoaders } from '../core/index.ts';
import type { Executor } from '../db/executor.ts';
import { createMilestoneTotalsLoader } from './companies/companies.loaders.ts';
import { createDocumentLoaders } from './documents/index.ts';
import { createHistoryLoaders } from './history/index.ts';

/** Every feature's per-request loaders. */
export function createRequestLoaders(executor: Executor) {
  return {
    ...createLoaders(executor),
    milestoneTotals: createMilestoneTotalsLoader(executor),
    history: createHistoryLoaders(executor),
    documents: createDocumentLoaders(executor),
  };
}

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
