import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createDriver } from './driver.ts';
import { Executor } from './executor.ts';
import { isLocalPortOpen, type LocalNeo4j, startLocalNeo4j } from './localNeo4j.ts';

export interface Database {
  driver: Driver;
  executor: Executor;
  /** Where the data lives, for the start-up banner. */
  uri: string;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI when it is set. Otherwise uses the embedded Neo4j on 127.0.0.1:NEO4J_BOLT_PORT: the one
 * already running (so `npm run seed` reaches the database of a running `npm start`), or one it starts with its
 * store in NEO4J_DATA_DIR and stops on close.
 */
export async function connectDatabase(config: Config, logger: Logger): Promise<Database> {
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (!uri && (await isLocalPortOpen(config.NEO4J_BOLT_PORT))) {
    uri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
    logger.info(`NEO4J_URI not set: using the Neo4j already listening at ${uri}`);
  }
  if (!uri) {
    logger.info({ dataDir: config.NEO4J_DATA_DIR }, 'NEO4J_URI not set: starting the local Neo4j');
    local = await startLocalNeo4j({
      port: config.NEO4J_BOLT_PORT,
      dataDir: config.NEO4J_DATA_DIR,
      log: (message) => logger.info(message),
    });
    uri = local.uri;
  }
  const driver = createDriver({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
    acquisitionTimeoutMs: Math.max(config.NEO4J_CONNECT_TIMEOUT_MS, config.NEO4J_QUERY_TIMEOUT_MS),
  });
  const executor = new Executor(driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
    logger,
  });
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  } catch (error) {
    await close();
    throw new Error(
      `Cannot reach Neo4j at ${uri}: ${(error as Error).message}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  return { driver, executor, uri, close };
}
