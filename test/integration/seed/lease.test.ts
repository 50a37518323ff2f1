import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedBusyError, withSeedLease } from '../../../seed/lease.ts';
import { ensureSchema } from '../../../server/db/schemaSetup.ts';
import { connectTestDatabase, type TestDatabase } from '../../support/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = connectTestDatabase();
  await ensureSchema(db.executor);
});

afterAll(async () => {
  await db?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the seed lease', () => {
  it('lets one writer work at a time: the others wait for it', async () => {
    const spans: [number, number][] = [];
    const work = async () => {
      const start = performance.now();
      await pause(300);
      spans.push([start, performance.now()]);
    };
    await Promise.all([1, 2, 3].map((n) => withSeedLease(db.executor, `writer ${n}`, 10_000, work)));
    spans.sort((a, b) => a[0] - b[0]);
    expect(spans).toHaveLength(3);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] as number);
    }
  });

  it('tells a writer that waited too long what holds the lease, and is free again after a failure', async () => {
    let busy: unknown;
    let holding!: () => void;
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const done = new Promise<void>((resolve) => (finish = resolve));
    const long = withSeedLease(db.executor, 'a long load', 0, async () => {
      holding();
      await done;
    });
    await held;
    // Another writer: not called from inside the long load's work.
    busy = await withSeedLease(db.executor, 'an impatient one', 0, async () => 'ran').catch((e) => e);
    finish();
    await long;
    expect(busy).toBeInstanceOf(SeedBusyError);
    expect((busy as Error).message).toMatch(
      /Another load is writing the graph \(a long load\); nothing was written/,
    );
    const failed = await withSeedLease(db.executor, 'a failing load', 0, async () => {
      throw new Error('boom');
    }).catch((e: Error) => e.message);
    expect(failed).toBe('boom');
    expect(await withSeedLease(db.executor, 'the next one', 0, async () => 'ran')).toBe('ran');
  });

  it('runs a writer called inside the holder’s own work at once, in the lease already held', async () => {
    const order: string[] = [];
    const outer = await withSeedLease(db.executor, 'a publish', 0, async () => {
      order.push('files written');
      const inner = await withSeedLease(db.executor, 'its load', 0, async () => 'loaded');
      order.push(inner);
      return 'published';
    });
    expect(outer).toBe('published');
    expect(order).toEqual(['files written', 'loaded']);
    expect(await withSeedLease(db.executor, 'the next one', 0, async () => 'ran')).toBe('ran');
  });

  it('ends a lease its holder stopped renewing (a killed loader), so the next writer goes on', async () => {
    await db.executor.write({
      name: 'test.staleLease',
      text: `MERGE (lease:SeedLease {id: 'seed'})
SET lease.holder = 'killed', lease.what = 'a killed load', lease.until = datetime() + duration({seconds: 2})`,
    });
    const started = performance.now();
    expect(await withSeedLease(db.executor, 'the next load', 10_000, async () => 'ran')).toBe('ran');
    expect(performance.now() - started).toBeGreaterThan(1_000);
  });
});
