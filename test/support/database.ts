import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createDriver } from '../../server/db/driver.ts';
import { Executor } from '../../server/db/executor.ts';
import { createLogger } from '../../server/logger.ts';

/** A driver and executor on the run's Neo4j, as the server would build them. */
export function connectTestDatabase() {
  const uri = inject('neo4jUri');
  const config = loadConfig({ NODE_ENV: 'test', NEO4J_URI: uri, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent', false);
  const driver = createDriver({ uri, user: 'neo4j', password: '', connectTimeoutMs: 5_000 });
  const executor = new Executor(driver, { timeoutMs: 20_000, logger });
  return { config, logger, driver, executor, uri, close: () => driver.close() };
}

export type TestDatabase = ReturnType<typeof connectTestDatabase>;

/** Empties the database between test files that need a known state. */
export async function clearDatabase(db: TestDatabase) {
  await db.executor.write({ name: 'test.clear', text: 'MATCH (n) DETACH DELETE n' });
}
