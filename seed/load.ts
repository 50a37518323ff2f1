import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Executor } from '../server/db/executor.ts';
import { relationshipKey } from './compile.ts';
import { BEGIN_LOAD, COMMIT_LOAD, COUNT_ENTITIES, DELETE_ENTITIES } from './cypher.ts';
import { type GraphLookup, graphLookup, isGraphEmpty } from './graphLookup.ts';
import { SeedValidationError, SeedWriteError, withSeedErrors } from './issues.ts';
import { finishLoad, pruneToLoad, recoverInterruptedLoads, rollbackLoad } from './journal.ts';
import { DEFAULT_LEASE_WAIT_MS, withSeedLease } from './lease.ts';
import {
  deletesAnything,
  type HistoryPlan,
  type PlanInput,
  planHistory,
  refuseIncomplete,
  runIn,
} from './plan.ts';
import { type SeedFilesInMemory, type SeedValidation, validateSeedFiles } from './validate.ts';
import {
  applyDeletions,
  type Batch,
  DEFAULT_BATCH_ROWS,
  groupBatches,
  readAhead,
  runBatch,
  seedBatches,
  WriteStats,
} from './write.ts';

/** The folder of the seed files (`seed/*.yaml`). */
export const SEED_DIR = import.meta.dirname;

/**
 * Loads up to this many nodes plus relationships in ONE transaction (atomic by Neo4j itself). Larger loads run
 * one transaction per batch with an undo journal (seed/journal.ts). Transaction state lives on the Neo4j heap:
 * about 3 kB per element here, so 150,000 elements need about 0.5 GB of a 2 GB heap.
 */
export const DEFAULT_MAX_TRANSACTION_ELEMENTS = 150_000;

/**
 * A journalled load commits a third of that at a time: each commit has a fixed cost in Neo4j, and a few large
 * transactions take some 10% less of its CPU than one per batch, while staying well inside its heap.
 */
const JOURNALLED_SHARE = 3;

export type LoadPhase = 'validate' | 'recover' | 'reset' | 'write' | 'prune' | 'rollback' | 'finish';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
}

export interface LoadOptions {
  executor?: Executor;
  /** Seed files (or folders of them) in load order; default: every `*.yaml` in seed/. */
  files?: string[];
  /** Delete every entity that the files do not hold (in the same transaction, or pruned after the commit). */
  reset?: boolean;
  /** Validate only. */
  dryRun?: boolean;
  maxTransactionElements?: number;
  batchRows?: number;
  issueLimit?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** What validation asks about ids and names the files refer to, instead of the executor's graph. */
  graph?: GraphLookup;
  /** Files of `files` held in memory, not on disk. */
  inMemory?: SeedFilesInMemory;
  /** The files' validation, when the caller has validated them already (against the graph they go into). */
  validation?: SeedValidation;
  /** What this load is, for the message another writer gets while it runs (see lease.ts). */
  writer?: string;
  /** How long to wait for another load to end before giving up (default DEFAULT_LEASE_WAIT_MS). */
  leaseWaitMs?: number;
}

export interface LoadSummary {
  mode: 'dry-run' | 'single-transaction' | 'journalled';
  validation: SeedValidation;
  stats: WriteStats;
  pruned?: { nodes: number; relationships: number };
  elapsedMs: number;
  /** Nodes plus relationships written or checked per second, over the whole load. */
  elementsPerSecond: number;
}

/** The seed files of a folder, in name order. */
export async function defaultSeedFiles(dir = SEED_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => relative(process.cwd(), join(dir, name)) || name);
}

/** Seed paths as given, with each folder replaced by its `*.yaml` files in name order. */
export async function expandSeedPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    files.push(...(isFolder ? await defaultSeedFiles(path) : [path]));
  }
  return files;
}

/**
 * Validates every file (throws SeedValidationError listing the problems; nothing written), then writes them
 * all-or-nothing: in one transaction when the load fits, else as a journalled multi-transaction load. A load that
 * writes holds the seed lease (lease.ts) from before it validates until it has written: one writer at a time.
 */
export async function loadSeed(options: LoadOptions): Promise<LoadSummary> {
  const { executor } = options;
  if (options.dryRun || !executor) return loadHoldingLease(options);
  const waitMs = options.leaseWaitMs ?? DEFAULT_LEASE_WAIT_MS;
  return withSeedLease(executor, options.writer ?? 'a seed load', waitMs, () => loadHoldingLease(options));
}

async function loadHoldingLease(options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const files = options.validation
    ? options.validation.files
    : options.files?.length
      ? await expandSeedPaths(options.files)
      : await defaultSeedFiles();
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'validate', done: 0, total: files.length });
  const { executor } = options;
  const { inMemory } = options;
  const validation =
    options.validation ??
    (await validateSeedFiles(files, {
      issueLimit: options.issueLimit,
      graph: options.graph ?? (executor && !options.reset ? graphLookup(executor) : undefined),
      inMemory,
    }));
  progress({ phase: 'validate', done: files.length, total: files.length });
  if (!validation.ok) throw new SeedValidationError(validation.issues);

  const stats = new WriteStats();
  // What the files state that the graph did not hold when validated: written without comparing (runBatch).
  const held = validation.heldByGraph;
  const newIds = held ? new Set([...validation.subjects.nodes.keys()].filter((id) => !held.has(id))) : false;
  const finish = (mode: LoadSummary['mode'], pruned?: LoadSummary['pruned']): LoadSummary => {
    const elapsedMs = performance.now() - started;
    const elementsPerSecond = validation.elements / Math.max(elapsedMs / 1000, 0.001);
    return { mode, validation, stats, pruned, elapsedMs, elementsPerSecond };
  };
  if (options.dryRun) return finish('dry-run');
  if (!executor) throw new Error('loadSeed needs an executor unless dryRun is set');
  const planInput = (empty: boolean): PlanInput => ({
    files: validation.files,
    documents: new Set(validation.documents.keys()),
    subjects: validation.subjects,
    history: validation.history,
    warnings: validation.warnings,
    sentences: new Map([...validation.documents].map(([id, document]) => [id, document.sentences])),
    empty,
    held: validation.heldByGraph,
    inMemory,
  });
  /** Entities whose name (…) came from the graph, or from a fold: each must still have it once written. */
  const mustBeComplete = (plan: HistoryPlan) => [
    ...validation.completedByGraph,
    ...plan.nodes.map((row) => row.id),
  ];

  progress({ phase: 'recover', done: 0, total: 1 });
  await recoverInterruptedLoads(executor);
  const total = validation.elements;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const maxElements = options.maxTransactionElements ?? DEFAULT_MAX_TRANSACTION_ELEMENTS;

  if (total <= maxElements) {
    const result = await withSeedErrors(() =>
      executor.writeTransaction('seed.load', async (tx) => {
        const attempt = new WriteStats();
        if (options.reset) {
          progress({ phase: 'reset', done: 0, total: 1 });
          for (;;) {
            const deleted = await tx.run(DELETE_ENTITIES.text, { limit: batchRows });
            if (Number(deleted.records[0]?.get('deleted') ?? 0) === 0) break;
          }
        }
        const count = await tx.run(COUNT_ENTITIES.text);
        const fresh = Number(count.records[0]?.get('count')) === 0;
        const plan = await planHistory(runIn(tx), planInput(fresh));
        await applyDeletions(tx, plan);
        let done = 0;
        for await (const batch of readAhead(seedBatches(validation.files, batchRows, plan, inMemory))) {
          await runBatch(tx, batch, attempt, null, fresh || newIds);
          done += elementsIn(batch);
          progress({ phase: 'write', done, total });
        }
        await refuseIncomplete(runIn(tx), mustBeComplete(plan));
        return attempt;
      }),
    );
    stats.merge(result);
    return finish('single-transaction');
  }

  const load = randomUUID();
  const keep = options.reset
    ? { ids: new Set<string>(), relationships: new Set<string>(), statements: new Set<string>() }
    : undefined;
  // Should another process write an entity with one of the load's ids meanwhile, the unique constraint on
  // Entity.id fails the load, which is then rolled back like any failed load.
  const fresh = await isGraphEmpty(executor);
  // A reset keeps only what the files state: the graph's own statements do not count.
  const plan = await planHistory(
    (cypher, params) => executor.read(cypher, params),
    planInput(fresh || Boolean(options.reset)),
  );
  if (!options.reset && deletesAnything(plan)) {
    throw new SeedWriteError(
      `this load of ${total} elements takes statements out of the graph (documents that no longer state something they stated before), which only a single-transaction load can undo: raise --max-transaction-elements above ${total}, or load the files in smaller groups`,
    );
  }
  if (keep) for (const row of plan.statements) keep.statements.add(row.id);
  await executor.write(BEGIN_LOAD, { load, files: validation.files, reset: Boolean(options.reset) });
  try {
    let done = 0;
    const groups = groupBatches(
      seedBatches(validation.files, batchRows, plan, inMemory),
      maxElements / JOURNALLED_SHARE,
    );
    for await (const group of readAhead(groups)) {
      const groupStats = await withSeedErrors(() =>
        executor.writeTransaction('seed.batches', async (tx) => {
          const attempt = new WriteStats();
          for (const batch of group) {
            await runBatch(tx, batch, attempt, load, fresh || newIds);
          }
          return attempt;
        }),
      );
      stats.merge(groupStats);
      for (const batch of group) {
        if (keep) remember(keep, batch);
        done += elementsIn(batch);
      }
      progress({ phase: 'write', done, total });
    }
    await withSeedErrors(() =>
      refuseIncomplete((cypher, params) => executor.read(cypher, params), mustBeComplete(plan)),
    );
    const committed = await executor.write(COMMIT_LOAD, { load });
    if (Number(committed[0]?.committed) !== 1) {
      throw new SeedWriteError('the load was rolled back by another process (its marker is gone)');
    }
  } catch (error) {
    progress({ phase: 'rollback', done: 0, total: 1 });
    await rollbackLoad(executor, load).catch(() => {
      // The next load or server start rolls it back from the journal.
    });
    throw error;
  }
  let pruned: LoadSummary['pruned'];
  if (keep) {
    progress({ phase: 'prune', done: 0, total: 1 });
    pruned = await pruneToLoad(executor, keep);
  }
  progress({ phase: 'finish', done: 0, total: 1 });
  await finishLoad(executor, load);
  return finish('journalled', pruned);
}

/** What a batch adds to the load's progress: its nodes or relationships (history statements are extra). */
const elementsIn = (batch: Batch) => (batch.kind === 'statements' ? 0 : batch.rows.length);

function remember(keep: { ids: Set<string>; relationships: Set<string> }, batch: Batch) {
  if (batch.kind === 'nodes') for (const row of batch.rows) keep.ids.add(row.id);
  else if (batch.kind === 'relationships') {
    for (const row of batch.rows) keep.relationships.add(relationshipKey(row));
  }
}
