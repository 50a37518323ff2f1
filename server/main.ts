import type { Server } from 'node:http';
import { type App, createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { connectDatabase, type Database } from './db/connect.ts';
import { Executor } from './db/executor.ts';
import { ensureSchema } from './db/schemaSetup.ts';
import { createLogger, type Logger } from './logger.ts';

/** `npm start`: config → Neo4j (local or NEO4J_URI) → schema and seed → HTTP. Ctrl-C stops it all. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let database: Database | undefined;
  let app: App | undefined;
  let server: Server | undefined;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await app?.stop();
    await database?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  database = await connectDatabase(config, logger);
  await prepareGraph(database, config, logger);
  app = await createApp({ config, executor: database.executor, logger });
  server = app.http.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server?.once('listening', resolve).once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  logger.info(`Pipeline Atlas explorer: http://${shownHost}:${port}/`);
  logger.info(`GraphQL API:             http://${shownHost}:${port}/graphql`);
  logger.info(`Neo4j:                   ${database.uri}`);
}

/** Constraints and indexes; an interrupted seed load rolled back; the seed loaded into an empty graph. */
async function prepareGraph(database: Database, config: Config, logger: Logger): Promise<void> {
  await ensureSchema(database.executor);
  // Imported here: the loader (YAML, the format) is only needed at start-up.
  const { isGraphEmpty, loadSeed } = await import('../seed/load.ts');
  const { recoverInterruptedLoads } = await import('../seed/journal.ts');
  // A load may take longer than one API query is allowed to.
  const seedExecutor = new Executor(database.driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: SEED_TIMEOUT_MS,
    logger,
  });
  const recovered = await recoverInterruptedLoads(seedExecutor);
  if (recovered.length) logger.warn({ loads: recovered }, 'finished or rolled back interrupted seed loads');
  if (!config.SEED_ON_EMPTY || !(await isGraphEmpty(seedExecutor))) return;
  const summary = await loadSeed({ executor: seedExecutor });
  logger.info(
    {
      files: summary.validation.files.length,
      elements: summary.validation.elements,
      ms: Math.round(summary.elapsedMs),
    },
    'empty graph: loaded the seed files',
  );
}

const SEED_TIMEOUT_MS = 10 * 60 * 1000;

main().catch((error) => {
  console.error(`Pipeline Atlas failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
