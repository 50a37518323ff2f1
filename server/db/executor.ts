import { type Driver, type ManagedTransaction, Neo4jError, type RecordShape, routing } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { toPlain } from './values.ts';

/** A named, parameterised Cypher statement. Names appear in transaction metadata and logs. */
export interface Cypher {
  readonly name: string;
  readonly text: string;
}

export interface ExecutorSettings {
  database?: string;
  timeoutMs: number;
  logger: Logger;
}

export type Row = Record<string, unknown>;

/**
 * The one place that talks to the driver: managed transactions in read or write mode, a timeout and metadata
 * on every transaction, values turned into plain JS, and Neo4j errors mapped to the API's error codes.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly settings: ExecutorSettings,
  ) {}

  /** Runs one statement in a read transaction and returns its rows as plain objects. */
  read(cypher: Cypher, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.transaction('READ', cypher.name, (tx) => runRows(tx, cypher, params));
  }

  /** Runs one statement in a write transaction. */
  write(cypher: Cypher, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.transaction('WRITE', cypher.name, (tx) => runRows(tx, cypher, params));
  }

  /** Runs several statements in one write transaction: all of them land, or none. */
  writeTransaction<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', name, work);
  }

  /** Checks that the database answers. */
  async ping(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.settings.database });
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === 'READ' ? routing.READ : routing.WRITE,
    });
    const config = { timeout: this.settings.timeoutMs, metadata: { app: 'pipeline-atlas', operation: name } };
    const started = performance.now();
    try {
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (error) {
      const mapped = mapNeo4jError(error);
      this.settings.logger.warn({ err: error, operation: name, code: mapped.code }, 'cypher failed');
      throw mapped;
    } finally {
      this.settings.logger.debug({ operation: name, ms: Math.round(performance.now() - started) }, 'cypher');
      await session.close();
    }
  }
}

async function runRows(
  tx: ManagedTransaction,
  cypher: Cypher,
  params: Record<string, unknown>,
): Promise<Row[]> {
  const result = await tx.run<RecordShape>(cypher.text, params);
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Maps driver errors to the API's codes; the original stays as `cause` for the logs. */
export function mapNeo4jError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE.has(error.code)) {
      return new AppError(
        ErrorCode.ServiceUnavailable,
        'The graph database is unreachable; try again shortly.',
        {
          cause: error,
        },
      );
    }
    if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
      return new AppError(ErrorCode.Timeout, 'The query took too long and was stopped.', { cause: error });
    }
  }
  return new AppError(ErrorCode.Internal, 'Unexpected database error.', { cause: error });
}
