import type { Executor } from '../../server/db/executor.ts';
import type { NodeKind } from '../../server/model/kinds.ts';
import { RECORD_LISTS, type RecordList } from '../format.ts';
import { graphLookup } from '../graphLookup.ts';
import { EntityRegistry } from '../ingest/registry.ts';
import { loadSeed } from '../load.ts';
import { type Batch, type BatchContext, BatchPipeline, writeBatchFiles } from './batch.ts';
import type { ImportIssue } from './issues.ts';
import { type MapContext, mapStudy } from './map.ts';
import { readStudies } from './read.ts';
import { STEM_TABLE_FILE, stemTable } from './stemTable.ts';

/**
 * Studies per load: each batch is one all-or-nothing load (about 47 elements a study, so one transaction), and
 * what the importer holds at a time. 500 and 1,000 a batch import at the same rate; 2,000 and 4,000 are slower.
 */
export const DEFAULT_BATCH_STUDIES = 1_000;

/**
 * Entities the run remembers by name between batches, the least recently named forgotten first: the graph answers
 * for those (by name, at the next batch that names one), so memory stays flat whatever the registry's size.
 */
export const REGISTRY_LIMIT = 50_000;

export interface ImportOptions {
  paths: string[];
  /** `adc`: keep only studies with an antibody–drug conjugate among their interventions. */
  filter?: 'adc';
  /** Map and validate only; without an executor, nothing is looked up or written either way. */
  dryRun?: boolean;
  executor?: Executor;
  batchStudies?: number;
  /** Entities remembered by name between batches (default REGISTRY_LIMIT). */
  registryLimit?: number;
  /** How many issues to keep for the report (all are counted). */
  issueLimit?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Write each batch's seed files into this folder and load nothing (what the bench's baseline writes). */
  writeOnlyInto?: string;
}

export interface ImportProgress {
  read: number;
  kept: number;
  loaded: number;
}

export interface ImportSummary {
  /** Study records read (including those then skipped). */
  read: number;
  /** Records kept: mapped, and past the filter. */
  kept: number;
  /** Records the filter left out. */
  filtered: number;
  /** Kept records whose study the graph did not hold, held in an older version, or held in this very version. */
  new: number;
  updated: number;
  unchanged: number;
  /** Records skipped, by reason. */
  skipped: Map<string, number>;
  issues: ImportIssue[];
  issueCount: number;
  /** Kept records whose batch could not be loaded (nothing of the batch written). */
  failed: number;
  elapsedMs: number;
}

/**
 * Imports ClinicalTrials.gov study records: read (any form), map each version to a seed file, and load them in
 * batches with the seed loader, each batch all-or-nothing. A record that cannot be read or mapped is reported and
 * skipped; a version the graph already holds is left as it is.
 */
export async function importStudies(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    read: 0,
    kept: 0,
    filtered: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    skipped: new Map(),
    issues: [],
    issueCount: 0,
    failed: 0,
    elapsedMs: 0,
  };
  const issueLimit = options.issueLimit ?? 50;
  const note = (issue: ImportIssue) => {
    summary.issueCount += 1;
    if (summary.issues.length < issueLimit) summary.issues.push(issue);
  };
  const executor = options.executor;
  const graph = executor ? graphLookup(executor) : undefined;
  const registry = registryWithStemTable();
  let batch: Batch = { studies: [], introduced: new Map() };
  let current = { key: '', introduced: new Set<string>() };
  const context: MapContext = {
    resolve: (label, names) => registry.find(label, names),
    introduce: (label, names, proposed) => {
      const id = registry.resolve(label, names, proposed, current.key);
      const entry = batch.introduced.get(id) ?? { label, names: [] };
      entry.names.push(...names);
      batch.introduced.set(id, entry);
      current.introduced.add(id);
      return id;
    },
  };
  /** A study that will not be loaded introduces nothing: later studies must not refer to what it named. */
  const discard = () => {
    registry.forget(current.key);
    for (const id of current.introduced) batch.introduced.delete(id);
  };
  const progress = () =>
    options.onProgress?.({ read: summary.read, kept: summary.kept, loaded: loadedSoFar });
  let loadedSoFar = 0;
  const batchContext: BatchContext = {
    note,
    tally: (outcome) => {
      summary[outcome] += 1;
    },
    fail: (studies) => {
      summary.failed += studies;
    },
    executor,
    graph,
    registry,
    dryRun: options.dryRun,
  };
  if (executor && !options.dryRun) await ensureStemTable(executor);
  const settle = (studies: { key: string }[]) =>
    registry.settle(
      options.registryLimit ?? REGISTRY_LIMIT,
      studies.map((study) => study.key),
    );
  // At most two batches are held at a time: the one being written, and the next, prepared meanwhile.
  const pipeline = new BatchPipeline(batchContext, (loaded, studies) => {
    loadedSoFar += loaded;
    settle(studies);
    progress();
  });
  const flush = async () => {
    if (!batch.studies.length) return;
    const taken = batch;
    batch = { studies: [], introduced: new Map() };
    if (options.writeOnlyInto) {
      loadedSoFar += await writeBatchFiles(taken, batchContext, options.writeOnlyInto);
      settle(taken.studies);
    } else await pipeline.submit(taken);
  };
  try {
    for await (const input of readStudies(options.paths)) {
      summary.read += 1;
      if ('issue' in input) {
        note(input.issue);
        count(summary.skipped, 'unreadable');
        continue;
      }
      current = { key: input.source, introduced: new Set() };
      const mapped = mapStudy(input.source, input.study, context);
      for (const issue of mapped.issues) note(issue);
      if (mapped.kind === 'skipped') {
        discard();
        note({ source: input.source, message: `skipped: ${mapped.reason}` });
        count(summary.skipped, mapped.reason.replace(/^NCT\d{8}: /, ''));
        continue;
      }
      if (options.filter === 'adc' && !mapped.adc) {
        discard();
        summary.filtered += 1;
        continue;
      }
      summary.kept += 1;
      batch.studies.push({ ...mapped, ...current });
      if (batch.studies.length >= (options.batchStudies ?? DEFAULT_BATCH_STUDIES)) await flush();
      if (summary.read % 1000 === 0) progress();
    }
    await flush();
    await pipeline.finish();
  } finally {
    await pipeline.drain();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/**
 * The stem table is a source document imported ADCs cite: it must be in the graph before they are, as the
 * vocabulary now generates it (a load of an unchanged table changes nothing).
 */
async function ensureStemTable(executor: Executor): Promise<void> {
  await loadSeed({ executor, files: [STEM_TABLE_FILE] });
}

/** A registry that knows the stem table's payloads, linkers, antibodies and targets, so no drug takes their ids. */
function registryWithStemTable(): EntityRegistry {
  const registry = new EntityRegistry();
  const { seed } = stemTable();
  for (const [list, { label }] of Object.entries(RECORD_LISTS) as [RecordList, { label: NodeKind }][]) {
    for (const record of seed[list] ?? []) {
      const names = [record.name, ...((record.aliases as string[] | undefined) ?? [])];
      registry.remember(
        label,
        record.id,
        names.filter((name): name is string => Boolean(name)),
        'graph',
      );
    }
  }
  return registry;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
