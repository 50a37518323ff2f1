import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Cypher, Executor } from '../../server/db/executor.ts';
import type { NodeKind } from '../../server/model/kinds.ts';
import { FIND_DOCUMENTS } from '../cypher.ts';
import {
  RECORD_LISTS,
  RELATIONSHIP_FIELDS,
  type RecordList,
  type SeedFileData,
  type SeedRecord,
} from '../format.ts';
import { type GraphLookup, graphLookup } from '../graphLookup.ts';
import { EntityRegistry, resolveInGraph, runAsGraph } from '../ingest/registry.ts';
import { formatIssue as formatSeedIssue, SeedValidationError, SeedWriteError } from '../issues.ts';
import { loadSeed } from '../load.ts';
import { seedYamlOf } from '../read.ts';
import { renameSeedFile, unnameSeedFile } from '../rename.ts';
import type { SeedFileInMemory, SeedFilesInMemory } from '../validate.ts';
import type { ImportIssue } from './issues.ts';
import { documentIdOf, type MapContext, type MappedStudy, mapStudy } from './map.ts';
import { readStudies } from './read.ts';
import { REFERENCE_DIR, STEM_TABLE_ID, stemTable } from './stemTable.ts';

/** The seed file of the INN stem table, which imported ADCs cite (generated from seed/vocabulary). */
export const STEM_TABLE_FILE = join(REFERENCE_DIR, `${STEM_TABLE_ID}.yaml`);
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

/** Where a batch's seed files would be: they are only held in memory, so issues name them by this path. */
const IN_MEMORY_DIR = 'ctgov-import';

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

/** A mapped study, with the input it came from and the entities it introduced (states first). */
type Study = Extract<MappedStudy, { kind: 'mapped' }> & { key: string; introduced: Set<string> };

interface Batch {
  studies: Study[];
  /** Entities the batch introduced, with their names: what the graph is asked about. */
  introduced: Map<string, { label: NodeKind; names: string[] }>;
}

const STUDIES_HELD: Cypher = {
  name: 'ctgov.studiesHeld',
  text: `UNWIND $prefixes AS prefix
MATCH (d:Entity) WHERE d.id STARTS WITH prefix AND d:SourceDocument
RETURN DISTINCT prefix`,
};

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
  if (executor && !options.dryRun) await ensureStemTable(executor);
  const flush = async () => {
    if (!batch.studies.length) return;
    const current = batch;
    batch = { studies: [], introduced: new Map() };
    loadedSoFar += await loadBatch(current, {
      executor,
      graph,
      registry,
      dryRun: options.dryRun,
      writeOnlyInto: options.writeOnlyInto,
      summary,
      note,
    });
    registry.settle(options.registryLimit ?? REGISTRY_LIMIT);
    progress();
  };
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
  summary.elapsedMs = performance.now() - started;
  return summary;
}

interface BatchContext {
  /** Reports an issue (counted always, kept up to the import's issue limit). */
  note: (issue: ImportIssue) => void;
  executor?: Executor;
  graph?: GraphLookup;
  registry: EntityRegistry;
  dryRun?: boolean;
  writeOnlyInto?: string;
  summary: ImportSummary;
}

/** Classifies, resolves against the graph, writes and loads one batch; returns how many studies it loaded. */
async function loadBatch(batch: Batch, context: BatchContext): Promise<number> {
  const { summary } = context;
  const studies = await withoutHeldVersions(batch, context);
  if (!studies.length) return 0;
  const introduced = [...batch.introduced].map(([id, { label, names }]) => ({
    id,
    label,
    names: [...new Set(names)],
  }));
  const { renames, known } = context.graph
    ? await resolveInGraph(context.graph, context.registry, introduced)
    : { renames: new Map<string, string>(), known: new Set<string>() };
  // The batch's seed files, held in memory by the paths they would have (written only for the bench's baseline).
  const dir = context.writeOnlyInto ?? join(IN_MEMORY_DIR, `batch-${summary.kept}`);
  const files = new Map<string, Study>();
  const inMemory = new Map<string, SeedFileInMemory>();
  for (const study of studies) {
    // Only what the study introduces is stated with its record; an entity the graph or an earlier study holds is
    // only linked to, so a sponsor of ten thousand studies does not gather ten thousand statements.
    const states = new Set(
      [...study.introduced].map((id) => renames.get(id) ?? id).filter((id) => !known.has(id)),
    );
    const seed = onlyRecordsOf(unnameSeedFile(renameSeedFile(study.seed, renames), known), states);
    const file = join(dir, `${seed.document.id}.yaml`);
    files.set(file, study);
    inMemory.set(file, { data: seed, text: study.text });
  }
  if (context.writeOnlyInto) {
    await writeSeeds(context.writeOnlyInto, inMemory);
    return files.size;
  }
  return loadFiles(files, inMemory, context);
}

/**
 * Loads one batch's files as one load. Should validation refuse some of them, those are reported and the others
 * loaded without them; should the write fail, none of the batch is written.
 */
async function loadFiles(
  files: Map<string, Study>,
  inMemory: SeedFilesInMemory,
  context: BatchContext,
): Promise<number> {
  const dryRun = context.dryRun || !context.executor;
  // A dry run loads nothing, so a batch may refer to what earlier batches introduced: the run stands in for the graph.
  const graph = dryRun ? runAsGraph(context.registry) : context.graph;
  const paths = [...files.keys()];
  const refuse = (refused: string[], source: string, message: string) => {
    context.summary.failed += refused.length;
    for (const file of refused) context.registry.forget(files.get(file)?.key ?? '');
    context.note({ source, message });
  };
  try {
    await loadSeed({
      executor: context.executor,
      files: dryRun ? [STEM_TABLE_FILE, ...paths] : paths,
      dryRun,
      graph,
      inMemory,
    });
    return files.size;
  } catch (error) {
    if (error instanceof SeedWriteError) {
      refuse(
        paths,
        `a batch of ${files.size} studies`,
        `not loaded (nothing of it written): ${error.message}`,
      );
      return 0;
    }
    if (!(error instanceof SeedValidationError)) throw error;
    const refused = new Set(error.issues.kept.map((issue) => issue.file));
    const rest = new Map([...files].filter(([file]) => !refused.has(file)));
    if (!rest.size || rest.size === files.size) {
      refuse(
        paths,
        `a batch of ${files.size} studies`,
        `not loaded: ${error.issues.kept.map(formatSeedIssue).join('; ')}`,
      );
      return 0;
    }
    for (const file of refused) {
      const issues = error.issues.kept.filter((issue) => issue.file === file).map(formatSeedIssue);
      refuse([file], basename(file), `not loaded: ${issues.join('; ')}`);
    }
    return loadFiles(rest, inMemory, context);
  }
}

/**
 * The batch's studies whose version the graph does not hold yet, each counted as new or as an update of a study
 * it holds in another version; versions it holds (or the batch repeats) are counted unchanged and left out.
 */
async function withoutHeldVersions(batch: Batch, context: BatchContext) {
  const { summary, executor } = context;
  const ids = batch.studies.map((study) => study.seed.document.id);
  const held = new Set<string>();
  const heldStudies = new Set<string>();
  if (executor) {
    for (const row of await executor.read(FIND_DOCUMENTS, { ids })) held.add(row.id as string);
    const prefixes = [...new Set(batch.studies.map((study) => prefixOf(study.nctId)))];
    for (const row of await executor.read(STUDIES_HELD, { prefixes })) heldStudies.add(row.prefix as string);
  }
  const seen = new Set<string>();
  const kept = [];
  for (const study of batch.studies) {
    const id = study.seed.document.id;
    if (held.has(id) || seen.has(id)) {
      summary.unchanged += 1;
      continue;
    }
    seen.add(id);
    if (heldStudies.has(prefixOf(study.nctId))) summary.updated += 1;
    else summary.new += 1;
    kept.push(study);
  }
  return kept;
}

/** What the documents of every version of a study start with. */
const prefixOf = (nctId: string) => documentIdOf(nctId, '');

async function writeSeeds(dir: string, seeds: SeedFilesInMemory): Promise<void> {
  await mkdir(join(dir, 'sources'), { recursive: true });
  for (const [file, { data, text }] of seeds) {
    await writeFile(join(dir, 'sources', `${data.document.id}.txt`), text);
    await writeFile(file, seedYamlOf(data));
  }
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

/** Whether a record links its entity to others (a drug to its payload): that the study states, known or not. */
function statesLinks(list: RecordList, record: SeedRecord): boolean {
  const fields = RELATIONSHIP_FIELDS[RECORD_LISTS[list].label] ?? {};
  return Object.keys(fields).some((field) => record[field] !== undefined);
}

/** The seed file with the records of `ids`, those that state links, and its trials: what one study version states. */
function onlyRecordsOf(seed: SeedFileData, ids: ReadonlySet<string>): SeedFileData {
  const out: SeedFileData = { ...seed };
  for (const list of Object.keys(RECORD_LISTS) as RecordList[]) {
    if (list === 'trials' || !seed[list]) continue;
    const kept = seed[list]?.filter((record) => ids.has(record.id) || statesLinks(list, record));
    if (kept?.length) out[list] = kept;
    else delete out[list];
  }
  return out;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
