import type { Executor } from './db/executor.ts';
import type { Ingester } from './features/curation/ingester.ts';
import { createRequestLoaders, type RequestLoaders } from './features/loaders.ts';
import type { Logger } from './logger.ts';

/**
 * What curators' mutations use: the executor that writes (the requests' own is read-only), the seed folder
 * publishes write into, and the ingester's thread.
 */
export interface Curation {
  readonly writer: Executor;
  readonly seedDir: string;
  readonly ingester: Ingester;
}

/** What every resolver gets: the executor for Cypher, per-request loaders, and a logger that carries the request id. */
export interface Context {
  executor: Executor;
  /** What curators' mutations write with (only at /graphql/edit, with EDITING=true); null elsewhere. */
  curation: Curation | null;
  loaders: RequestLoaders;
  logger: Logger;
  requestId: string;
}

/** A fresh context for one request: loaders batch and cache within that request only. */
export function createContext(
  executor: Executor,
  curation: Curation | null,
  logger: Logger,
  requestId: string,
): Context {
  return { executor, curation, loaders: createRequestLoaders(executor), logger, requestId };
}
