import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  uri: string;
  user: string;
  password: string;
  connectTimeoutMs: number;
}

/** The one driver of the process. Integers come back as JS numbers: counts and amounts stay far below 2^53. */
export function createDriver(settings: DriverSettings): Driver {
  const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    disableLosslessIntegers: true,
    connectionTimeout: settings.connectTimeoutMs,
    connectionAcquisitionTimeout: settings.connectTimeoutMs,
    maxTransactionRetryTime: settings.connectTimeoutMs,
    userAgent: 'pipeline-atlas/0.1',
  });
}
