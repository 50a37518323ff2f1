import type { Executor } from '../server/db/executor.ts';
import { DELETE_DOCUMENTS, FIND_DOCUMENTS } from './cypher.ts';
import { IssueList, withSeedErrors } from './issues.ts';
import { DEFAULT_LEASE_WAIT_MS, withSeedLease } from './lease.ts';
import { planHistory, refuseIncomplete, runIn } from './plan.ts';
import { applyDeletions, refuseIfStillNeeded, runBatch, seedBatches, WriteStats } from './write.ts';

/**
 * `npm run seed -- --remove <document id>`: takes out exactly what the documents contributed, in one transaction.
 * Each subject they stated keeps the fold of its other statements, or goes when they were its only ones; their
 * sentences and themselves go. The graph then equals a fresh load of the other files, so a removal that would leave
 * something no fresh load accepts (an entity without a name, a relationship without its end) is refused.
 */

export interface RemoveSummary {
  removed: string[];
  /** Ids asked for that the graph does not hold (removing twice is not an error). */
  absent: string[];
  stats: WriteStats;
  deleted: { nodes: number; relationships: number };
}

/** Removes documents and what only they state, in one transaction, holding the seed lease (lease.ts). */
export async function removeDocuments(executor: Executor, ids: readonly string[]): Promise<RemoveSummary> {
  return withSeedLease(executor, 'a removal', DEFAULT_LEASE_WAIT_MS, () => removeHoldingLease(executor, ids));
}

async function removeHoldingLease(executor: Executor, ids: readonly string[]): Promise<RemoveSummary> {
  return withSeedErrors(() =>
    executor.writeTransaction('seed.remove', async (tx) => {
      const run = runIn(tx);
      const removed = (await run(FIND_DOCUMENTS, { ids })).map((row) => row.id as string);
      const absent = ids.filter((id) => !removed.includes(id));
      const stats = new WriteStats();
      if (!removed.length) return { removed, absent, stats, deleted: { nodes: 0, relationships: 0 } };
      const plan = await planHistory(run, {
        files: [],
        documents: new Set(removed),
        subjects: { nodes: new Map(), relationships: new Set() },
        history: new Map(),
        warnings: new IssueList(),
        empty: false,
      });
      await applyDeletions(tx, plan);
      for await (const batch of seedBatches([], undefined, plan)) await runBatch(tx, batch, stats);
      await refuseIncomplete(
        run,
        plan.nodes.map((row) => row.id),
      );
      await refuseIfStillNeeded(tx, removed);
      await run(DELETE_DOCUMENTS, { ids: removed });
      return {
        removed,
        absent,
        stats,
        deleted: { nodes: plan.deleted.nodes.length, relationships: plan.deleted.relationships.length },
      };
    }),
  );
}
