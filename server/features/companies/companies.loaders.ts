import DataLoader from 'dataloader';
import type { Executor } from '../../db/executor.ts';
import { MILESTONE_TOTALS } from './companies.cypher.ts';

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

/** Milestone totals of every company asked for in one tick, in one round trip. */
export function createMilestoneTotalsLoader(executor: Executor) {
  return new DataLoader<string, MilestoneTotalModel[]>(async (ids) => {
    const rows = await executor.read(MILESTONE_TOTALS, { ids });
    const byId = new Map(
      rows.map((row) => [
        String(row.id),
        ((row.totals ?? []) as TotalRow[]).map((total) => ({
          side: total.side,
          status: total.status,
          total: { amount: Number(total.amount), currency: total.currency },
          count: Number(total.count),
        })),
      ]),
    );
    return ids.map((id) => byId.get(id) ?? []);
  });
}
