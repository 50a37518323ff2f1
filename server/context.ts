import type { Executor } from './db/executor.ts';
import { createRequestLoaders, type RequestLoaders } from './features/loaders.ts';
import type { Logger } from './logger.ts';

/** What every resolver gets: the executor for Cypher, per-request loaders, and a logger that carries the request id. */
export interface Context {
  executor: Executor;
  loaders: RequestLoaders;
  logger: Logger;
  requestId: string;
}

/** A fresh context for one request: loaders batch and cache within that request only. */
export function createContext(executor: Executor, logger: Logger, requestId: string): Context {
  return { executor, loaders: createRequestLoaders(executor), logger, requestId };
}
