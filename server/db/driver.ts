import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  uri: string;
  user: string;
  password: string;
  connectTimeoutMs: number;
  /**
   * How long a query may wait for a free connection (default: connectTimeoutMs). Under load requests queue here;
   * the server passes its query timeout, so waiting for a connection is bounded like running the query.
   */
  acquisitionTimeoutMs?: number;
}

/**
 * Connections the driver may open. Each busy Bolt connection holds one Neo4j worker thread, and a server refuses a
 * connection beyond its pool ("no available threads"): the embedded Neo4j has 50 (neo4j/ Launcher), a default
 * Neo4j 400. Below both, so under load requests queue here for a connection instead of failing there.
 */
export const MAX_CONNECTION_POOL_SIZE = 40;

/** The one driver of the process. Integers come back as JS numbers: counts and amounts stay far below 2^53. */
export function createDriver(settings: DriverSettings): Driver {
  const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    connectionTimeout: settings.connectTimeoutMs,
    connectionAcquisitionTimeout: settings.acquisitionTimeoutMs ?? settings.connectTimeoutMs,
    maxTransactionRetryTime: settings.connectTimeoutMs,
    userAgent: 'pipeline-atlas/0.1',
  });
}
