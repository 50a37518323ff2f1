import type { Executor } from './db/executor.ts';
import type { Logger } from './logger.ts';

/** What every resolver gets: the executor for Cypher, and a logger that carries the request id. */
export interface Context {
  executor: Executor;
  logger: Logger;
  requestId: string;
}
