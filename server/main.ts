import type { Server } from 'node:http';
import { type App, createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { connectDatabase, type Database } from './db/connect.ts';
import { CLIENT_GRACE_MS, Executor } from './db/executor.ts';
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

  /*
   * Stop in order: stop accepting connections and let in-flight requests finish (they are bounded by the query
   * timeout; after SHUTDOWN_GRACE_MS the stragglers are cut), then Apollo, then the driver, then the embedded
   * Neo4j (its JVM shuts the store down cleanly). A second Ctrl-C exits at once; the JVM then stops by itself
   * when its stdin closes (server/db/localNeo4j.ts).
   */
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    let code = 0;
    try {
      await closeServer(server, config.NEO4J_QUERY_TIMEOUT_MS + CLIENT_GRACE_MS + SHUTDOWN_MARGIN_MS, logger);
      await app?.stop();
      await database?.close();
      logger.info('stopped');
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  database = await connectDatabase(config, logger);
  // Loads and curators' publishes may take longer than one API query is allowed to.
  const writer = new Executor(database.driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: SEED_TIMEOUT_MS,
    logger,
  });
  await prepareGraph(database.executor, writer, config, logger);
  app = await createApp({
    config,
    executor: database.executor,
    writer: config.EDITING ? writer : undefined,
    logger,
  });
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
async function prepareGraph(
  executor: Executor,
  seedExecutor: Executor,
  config: Config,
  logger: Logger,
): Promise<void> {
  await ensureSchema(executor);
  // Imported here: the loader (YAML, the format) is only needed at start-up.
  const { loadSeed } = await import('../seed/load.ts');
  const { isGraphEmpty } = await import('../seed/graphLookup.ts');
  const { recoverInterruptedLoads } = await import('../seed/journal.ts');
  const recovered = await recoverInterruptedLoads(seedExecutor);
  if (recovered.length) logger.warn({ loads: recovered }, 'finished or rolled back interrupted seed loads');
  if (!config.SEED_ON_EMPTY || !(await isGraphEmpty(seedExecutor))) return;
  const summary = await loadSeed({
    executor: seedExecutor,
    files: [config.SEED_DIR],
    writer: 'the server, seeding an empty graph',
  });
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
/** How long after the longest possible query shutdown still waits for requests before cutting connections. */
const SHUTDOWN_MARGIN_MS = 1_000;

/** Stops accepting connections, closes idle keep-alive ones, waits for active ones up to `graceMs`, then cuts them. */
async function closeServer(server: Server | undefined, graceMs: number, logger: Logger): Promise<void> {
  if (!server?.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn({ graceMs }, 'requests still running after the grace period: closing their connections');
    server.closeAllConnections();
  }, graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}

main().catch((error) => {
  console.error(`Pipeline Atlas failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
