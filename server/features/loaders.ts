import type { Executor } from '../db/executor.ts';
import { createMilestoneTotalsLoader } from './companies/companies.loaders.ts';
import { createLoaders } from './entities/loaders.ts';

/** Every feature's per-request loaders. */
export function createRequestLoaders(executor: Executor) {
  return { ...createLoaders(executor), milestoneTotals: createMilestoneTotalsLoader(executor) };
}

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
