import DataLoader from 'dataloader';
import type { Executor } from '../../db/executor.ts';
import { MILESTONE_TOTALS, MILESTONE_TOTALS_AS_OF } from './companies.cypher.ts';

/** A company's milestone money on one side, status and currency. */
export interface MilestoneTotalModel {
  side: 'RECEIVES' | 'PAYS';
  status: 'TRIGGERED' | 'PENDING';
  total: { amount: number; currency: string };
  count: number;
}

interface TotalRow {
  side: 'RECEIVES' | 'PAYS';
  status: 'TRIGGERED' | 'PENDING';
  currency: string;
  amount: number;
  count: number;
}

interface TotalsKey {
  readonly id: string;
  /** The day the answer is about, null for today. */
  readonly asOf: string | null;
}

const cacheKey = (key: TotalsKey) => `${key.asOf ?? ''}\u0000${key.id}`;

/** Milestone totals of every company asked for in one tick, in one round trip per day asked about. */
export function createMilestoneTotalsLoader(executor: Executor) {
  const loader = new DataLoader<TotalsKey, MilestoneTotalModel[], string>(
    async (keys) => {
      const byKey = new Map<string, MilestoneTotalModel[]>();
      for (const asOf of new Set(keys.map((key) => key.asOf))) {
        const ids = keys.filter((key) => key.asOf === asOf).map((key) => key.id);
        const rows = await executor.read(asOf === null ? MILESTONE_TOTALS : MILESTONE_TOTALS_AS_OF, {
          ids,
          asOf,
        });
        for (const row of rows) {
          byKey.set(
            cacheKey({ id: String(row.id), asOf }),
            ((row.totals ?? []) as TotalRow[]).map((total) => ({
              side: total.side,
              status: total.status,
              total: { amount: Number(total.amount), currency: total.currency },
              count: Number(total.count),
            })),
          );
        }
      }
      return keys.map((key) => byKey.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
  return (id: string, asOf: string | null = null) => loader.load({ id, asOf });
}
