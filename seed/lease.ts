import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { LIMITS } from '../server/core/limits.ts';
import type { Cypher, Executor } from '../server/db/executor.ts';
import { SeedWriteError } from './issues.ts';

/*
 * One writer of seed data at a time, across processes: a load (`npm run seed`, the server's seed on an empty
 * database, a curator's publish or withdrawal) holds the graph's one `(:SeedLease {id: 'seed'})` from before it
 * validates until it has written, so no load plans against a graph another is changing. The holder renews its
 * lease while it works; a lease not renewed for LEASE_SECONDS has ended (a killed loader, or a Neo4j restarted
 * under it, blocks the next writer that long at most). A released lease leaves nothing in the graph. Within one
 * holder's work the lease is held already: a publish that writes files and then loads them takes it once.
 */

export const LEASE_SECONDS = 30;
const RENEW_MS = (LEASE_SECONDS * 1000) / 3;
const RETRY_MS = 250;
/** How long a writer waits for another one to end, unless it says otherwise: as long as a curator's publish. */
export const DEFAULT_LEASE_WAIT_MS = LIMITS.curationWaitMs;

/** Takes the lease when it is free; the write lock (`_lock`) comes first, so two writers never both read it free. */
const ACQUIRE: Cypher = {
  name: 'seed.lease.acquire',
  text: `
MERGE (lease:SeedLease {id: 'seed'})
SET lease._lock = true
WITH lease, lease.holder IS NULL OR lease.until < datetime() AS free
SET lease.holder = CASE WHEN free THEN $holder ELSE lease.holder END,
  lease.what = CASE WHEN free THEN $what ELSE lease.what END,
  lease.until = CASE WHEN free THEN datetime() + duration({seconds: $seconds}) ELSE lease.until END
REMOVE lease._lock
RETURN free AS acquired, lease.what AS what, toString(lease.until) AS until`,
};

const RENEW: Cypher = {
  name: 'seed.lease.renew',
  text: `MATCH (lease:SeedLease {id: 'seed', holder: $holder}) SET lease.until = datetime() + duration({seconds: $seconds})`,
};

const RELEASE: Cypher = {
  name: 'seed.lease.release',
  text: `MATCH (lease:SeedLease {id: 'seed', holder: $holder}) DELETE lease`,
};

/** The lease this call chain holds, if any (a load inside a publish runs in its holder's lease). */
const held = new AsyncLocalStorage<string>();

/** Another writer held the lease for longer than the caller would wait. */
export class SeedBusyError extends SeedWriteError {
  override name = 'SeedBusyError';
}

/**
 * Runs `work` holding the seed lease; waits up to `waitMs` for it (0: not at all), then throws SeedBusyError naming
 * what holds it. `what` says what this writer is, for the others' messages. Called again inside `work`, it runs the
 * inner work at once, in the lease already held.
 */
export async function withSeedLease<T>(
  executor: Executor,
  what: string,
  waitMs: number,
  work: () => Promise<T>,
): Promise<T> {
  if (held.getStore()) return work();
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [row] = await executor.write(ACQUIRE, { holder, what, seconds: LEASE_SECONDS });
    if (row?.acquired === true) break;
    if (Date.now() >= deadline) {
      throw new SeedBusyError(
        `Another load is writing the graph (${String(row?.what)}); nothing was written. Try again when it ends.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  // A failed renewal (Neo4j unreachable) fails nothing by itself: the work finds out on its own.
  const renewal = setInterval(() => {
    executor.write(RENEW, { holder, seconds: LEASE_SECONDS }).catch(() => {});
  }, RENEW_MS);
  try {
    return await held.run(holder, work);
  } finally {
    clearInterval(renewal);
    // A release that fails (Neo4j gone) leaves a lease that ends by itself.
    await executor.write(RELEASE, { holder }).catch(() => {});
  }
}
