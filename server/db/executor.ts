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
  /** Every transaction is stopped by Neo4j after this long; the client gives up a little later (see below). */
  timeoutMs: number;
  logger: Logger;
}

/** What one GraphQL request's executor carries into logs and transaction metadata. */
export interface RequestScope {
  requestId: string;
  logger: Logger;
}

/**
 * Neo4j stops a transaction at its timeout and says so; if no answer at all has come this much later, the database
 * is hung (a frozen JVM, a silent network) and the call fails with SERVICE_UNAVAILABLE instead of waiting forever.
 */
export const CLIENT_GRACE_MS = 2_000;

export type Row = Record<string, unknown>;

/**
 * The one place that talks to the driver: managed transactions in read or write mode, a timeout and metadata
 * on every transaction, values turned into plain JS, and Neo4j errors mapped to the API's error codes.
 */
export class Executor {
  constructor(
    protected readonly driver: Driver,
    protected readonly settings: ExecutorSettings,
  ) {}

  /** Runs one statement in a read transaction and returns its rows as plain objects. */
  read(cypher: Cypher, params: Record<string, unknown> = {}, scope?: RequestScope): Promise<Row[]> {
    return this.transaction('READ', cypher.name, (tx) => runRows(tx, cypher, params), scope);
  }

  /**
   * The executor one GraphQL request's resolvers get: reads only (a write is refused here, and Neo4j refuses
   * writes in a read transaction anyway), with the request id in the logs and in the transaction metadata.
   */
  forRequest(scope: RequestScope): Executor {
    return new RequestExecutor(this, this.driver, this.settings, scope);
  }

  /** Runs one statement in a write transaction. */
  write(cypher: Cypher, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.transaction('WRITE', cypher.name, (tx) => runRows(tx, cypher, params));
  }

  /** Runs several statements in one write transaction: all of them land, or none. */
  writeTransaction<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', name, work);
  }

  /** Checks that the database answers (a read transaction, so a hung database fails at the deadline too). */
  async ping(): Promise<void> {
    await this.read(PING);
  }

  protected async transaction<T>(
    mode: 'READ' | 'WRITE',
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    scope?: RequestScope,
  ): Promise<T> {
    const logger = scope?.logger ?? this.settings.logger;
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === 'READ' ? routing.READ : routing.WRITE,
    });
    const metadata = { app: 'pipeline-atlas', operation: name, ...(scope && { requestId: scope.requestId }) };
    const config = { timeout: this.settings.timeoutMs, metadata };
    const started = performance.now();
    let hung = false;
    try {
      const done = mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config);
      return await withDeadline(done, this.deadlineMs(), () => {
        hung = true;
      });
    } catch (error) {
      const mapped = mapNeo4jError(error);
      logger.warn({ err: error, operation: name, code: mapped.code }, 'cypher failed');
      throw mapped;
    } finally {
      logger.debug({ operation: name, ms: Math.round(performance.now() - started) }, 'cypher');
      // A hung database would hang the close too: let it finish (or fail) in the background.
      if (hung) session.close().catch(() => {});
      else await session.close();
    }
  }

  /** The transaction timeout, retries of transient errors included, plus the grace. */
  private deadlineMs(): number {
    return this.settings.timeoutMs + CLIENT_GRACE_MS;
  }
}

/** A request's read-only view of an executor: reads go through the parent (with the scope), writes are refused. */
class RequestExecutor extends Executor {
  constructor(
    private readonly parent: Executor,
    driver: Driver,
    settings: ExecutorSettings,
    private readonly scope: RequestScope,
  ) {
    super(driver, settings);
  }

  override read(cypher: Cypher, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.parent.read(cypher, params, this.scope);
  }

  override write(cypher: Cypher): Promise<Row[]> {
    return Promise.reject(refusedWrite(cypher.name));
  }

  override writeTransaction<T>(name: string): Promise<T> {
    return Promise.reject(refusedWrite(name));
  }

  override forRequest(scope: RequestScope): Executor {
    return this.parent.forRequest(scope);
  }

  override ping(): Promise<void> {
    return this.parent.ping();
  }
}

const refusedWrite = (name: string) =>
  new AppError(ErrorCode.Internal, 'Unexpected database error.', {
    cause: new Error(`write "${name}" refused: GraphQL requests are read-only`),
  });

const PING: Cypher = { name: 'ping', text: 'RETURN 1 AS ok' };

/** Rejects with SERVICE_UNAVAILABLE when `work` has not settled after `ms`. */
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new AppError(ErrorCode.ServiceUnavailable, 'The graph database did not answer; try again shortly.', {
          cause: new Error(`no answer from Neo4j within ${ms} ms`),
        }),
      );
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    work.catch(() => {});
  }
}

/** Runs one statement in a transaction the caller holds; rows as plain objects. */
export async function runRows(
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

/**
 * Errors without a useful code that mean "not now": a pool whose every connection is stuck (a frozen or overloaded
 * database) times out acquiring one (code N/A); a server with no Bolt thread left refuses the login (ProtocolError).
 */
const OVERLOADED = [/^Connection acquisition timed out/, /no available threads to serve this request/];

/** Maps driver errors to the API's codes; the original stays as `cause` for the logs. */
export function mapNeo4jError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE.has(error.code) || OVERLOADED.some((pattern) => pattern.test(error.message))) {
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
