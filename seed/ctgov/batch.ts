import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Cypher, Executor } from '../../server/db/executor.ts';
import type { NodeKind } from '../../server/model/kinds.ts';
import {
  RECORD_LISTS,
  RELATIONSHIP_FIELDS,
  type RecordList,
  type SeedFileData,
  type SeedRecord,
} from '../format.ts';
import type { GraphLookup } from '../graphLookup.ts';
import { type EntityRegistry, resolveInGraph, runAsGraph } from '../ingest/registry.ts';
import { formatIssue as formatSeedIssue, SeedWriteError } from '../issues.ts';
import { loadSeed } from '../load.ts';
import { seedYamlOf } from '../read.ts';
import { renameSeedFile, unnameSeedFile } from '../rename.ts';
import {
  type SeedFileInMemory,
  type SeedFilesInMemory,
  type SeedValidation,
  validateSeedFiles,
} from '../validate.ts';
import type { ImportIssue } from './issues.ts';
import { documentIdOf, type MappedStudy } from './map.ts';
import { STEM_TABLE_FILE } from './stemTable.ts';

/**
 * One batch of studies, in the two steps the importer overlaps (`BatchPipeline`): `prepareBatch` (which versions
 * are new, names resolved against the graph, seed files built and validated) runs while the batch before it is
 * written by `writeBatch`. The batch being written counts as in the graph already (its `Additions`); should its
 * write fail, the next batch is validated again against the graph alone.
 */

/** Where a batch's seed files would be: they are only held in memory, so issues name them by this path. */
const IN_MEMORY_DIR = 'ctgov-import';

/** A mapped study, with the input it came from and the entities it introduced (states first). */
export type Study = Extract<MappedStudy, { kind: 'mapped' }> & { key: string; introduced: Set<string> };

export interface Batch {
  studies: Study[];
  /** Entities the batch introduced, with their names: what the graph is asked about. */
  introduced: Map<string, { label: NodeKind; names: string[] }>;
}

export interface BatchContext {
  /** Reports an issue (counted always, kept up to the import's issue limit). */
  note: (issue: ImportIssue) => void;
  /** Counts a study as new, as an update of a study the graph holds in another version, or unchanged. */
  tally: (outcome: 'new' | 'updated' | 'unchanged') => void;
  /** Counts studies refused by the loader. */
  fail: (studies: number) => void;
  executor?: Executor;
  graph?: GraphLookup;
  registry: EntityRegistry;
  dryRun?: boolean;
}

/** What a written batch adds to the graph: what the next batch may refer to before the write has committed. */
interface Additions {
  labels: Map<string, NodeKind>;
  sentences: Set<string>;
  studies: Set<string>;
}

/** A batch validated and ready to write. */
interface ReadyBatch {
  files: Map<string, Study>;
  inMemory: SeedFilesInMemory;
  validation: SeedValidation;
  additions: Additions;
}

/** The versions the graph holds of each study (document ids start with the study's prefix). */
const VERSIONS_HELD: Cypher = {
  name: 'ctgov.versionsHeld',
  text: `UNWIND $prefixes AS prefix
MATCH (d:Entity) WHERE d.id STARTS WITH prefix AND d:SourceDocument
RETURN prefix, d.id AS id`,
};

/** Batches written one at a time, each prepared while the one before it is written. */
export class BatchPipeline {
  private writing: { ready: ReadyBatch; loaded: Promise<number> } | undefined;

  /** `written` hears of each batch once its write has ended: how many of its studies were loaded. */
  constructor(
    private readonly context: BatchContext,
    private readonly written: (loaded: number, studies: Study[]) => void,
  ) {}

  /** Prepares `batch`, waits for the write before it, and starts writing it. */
  async submit(batch: Batch): Promise<void> {
    let ready = await prepareBatch(batch, this.context, this.writing?.ready.additions);
    if (!(await this.finish()) && ready)
      ready = await validateBatch(ready.files, ready.inMemory, this.context);
    if (!ready) return;
    const loaded = writeBatch(ready, this.context);
    // A failure is awaited by finish; until then it is not an unhandled rejection.
    loaded.catch(() => {});
    this.writing = { ready, loaded };
  }

  /** Waits for the batch being written; false when not all of it was. */
  async finish(): Promise<boolean> {
    if (!this.writing) return true;
    const { ready, loaded } = this.writing;
    this.writing = undefined;
    const count = await loaded;
    this.written(count, [...ready.files.values()]);
    return count === ready.files.size;
  }

  /** Lets a write in progress end, whatever its outcome: nothing goes on behind the caller's back. */
  async drain(): Promise<void> {
    await this.writing?.loaded.catch(() => {});
  }
}

/** Classifies, resolves and validates a batch, with `pending` (a batch being written) as if in the graph. */
async function prepareBatch(
  batch: Batch,
  context: BatchContext,
  pending?: Additions,
): Promise<ReadyBatch | undefined> {
  const built = await buildSeedFiles(batch, context, pending, IN_MEMORY_DIR);
  return built && validateBatch(built.files, built.inMemory, context, pending);
}

/** Writes a prepared batch in one load; returns how many studies it loaded (none when the write failed). */
async function writeBatch(ready: ReadyBatch, context: BatchContext): Promise<number> {
  if (isDryRun(context)) return ready.files.size;
  try {
    await loadSeed({
      executor: context.executor,
      files: [...ready.files.keys()],
      inMemory: ready.inMemory,
      validation: ready.validation,
    });
    return ready.files.size;
  } catch (error) {
    if (!(error instanceof SeedWriteError)) throw error;
    refuse(ready.files, [...ready.files.keys()], context, {
      source: `a batch of ${ready.files.size} studies`,
      message: `not loaded (nothing of it written): ${error.message}`,
    });
    return 0;
  }
}

/** The batch's seed files, written into `dir` (what the bench's baseline loads) instead of loaded. */
export async function writeBatchFiles(batch: Batch, context: BatchContext, dir: string): Promise<number> {
  const built = await buildSeedFiles(batch, context, undefined, dir);
  if (!built) return 0;
  await mkdir(join(dir, 'sources'), { recursive: true });
  for (const [file, { data, text }] of built.inMemory) {
    await writeFile(join(dir, 'sources', `${data.document.id}.txt`), text);
    await writeFile(file, seedYamlOf(data));
  }
  return built.files.size;
}

/** The batch's new versions as seed files held in memory by the paths they would have in `dir`. */
async function buildSeedFiles(
  batch: Batch,
  context: BatchContext,
  pending: Additions | undefined,
  dir: string,
) {
  const graph = context.graph && withPending(context.graph, pending);
  const studies = await withoutHeldVersions(batch, context, pending);
  if (!studies.length) return undefined;
  const introduced = [...batch.introduced].map(([id, { label, names }]) => ({
    id,
    label,
    names: [...new Set(names)],
  }));
  const { renames, known } = graph
    ? await resolveInGraph(graph, context.registry, introduced)
    : { renames: new Map<string, string>(), known: new Set<string>() };
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
  return { files, inMemory };
}

/**
 * Validates the files as one load. Files validation refuses are reported and left out, and the others validated
 * again, so that one bad record does not hold back its batch.
 */
async function validateBatch(
  files: Map<string, Study>,
  inMemory: SeedFilesInMemory,
  context: BatchContext,
  pending?: Additions,
): Promise<ReadyBatch | undefined> {
  // A dry run loads nothing, so a batch may refer to what earlier batches introduced: the run stands in for the graph.
  const dryRun = isDryRun(context);
  const graph = dryRun ? runAsGraph(context.registry) : context.graph && withPending(context.graph, pending);
  for (;;) {
    const paths = [...files.keys()];
    const validation = await validateSeedFiles(dryRun ? [STEM_TABLE_FILE, ...paths] : paths, {
      graph,
      inMemory,
    });
    if (validation.ok) return { files, inMemory, validation, additions: additionsOf(validation, files) };
    const refused = new Set(validation.issues.kept.map((issue) => issue.file));
    const rest = new Map([...files].filter(([file]) => !refused.has(file)));
    if (!rest.size || rest.size === files.size) {
      refuse(files, paths, context, {
        source: `a batch of ${files.size} studies`,
        message: `not loaded: ${validation.issues.kept.map(formatSeedIssue).join('; ')}`,
      });
      return undefined;
    }
    for (const file of refused) {
      const issues = validation.issues.kept.filter((issue) => issue.file === file).map(formatSeedIssue);
      refuse(files, [file], context, { source: basename(file), message: `not loaded: ${issues.join('; ')}` });
    }
    files = rest;
  }
}

const isDryRun = (context: BatchContext) => context.dryRun || !context.executor;

/** Studies refused by the loader: counted, reported, and what they named forgotten. */
function refuse(files: Map<string, Study>, refused: string[], context: BatchContext, issue: ImportIssue) {
  context.fail(refused.length);
  for (const file of refused) context.registry.forget(files.get(file)?.key ?? '');
  context.note(issue);
}

function additionsOf(validation: SeedValidation, files: Map<string, Study>): Additions {
  const labels = new Map(validation.subjects.nodes);
  const sentences = new Set<string>();
  for (const [id, document] of validation.documents) {
    labels.set(id, 'SourceDocument');
    for (const sentence of document.sentences) sentences.add(sentence);
  }
  return { labels, sentences, studies: new Set([...files.values()].map((study) => prefixOf(study.nctId))) };
}

/** The graph as it will be once `pending` is written. */
function withPending(graph: GraphLookup, pending?: Additions): GraphLookup {
  if (!pending) return graph;
  return {
    isEmpty: async () => pending.labels.size === 0 && (await graph.isEmpty()),
    async labelsOf(ids) {
      const labels = await graph.labelsOf(ids.filter((id) => !pending.labels.has(id)));
      for (const id of ids) {
        const label = pending.labels.get(id);
        if (label) labels.set(id, label);
      }
      return labels;
    },
    async sentencesIn(ids) {
      const found = await graph.sentencesIn(ids.filter((id) => !pending.sentences.has(id)));
      for (const id of ids) if (pending.sentences.has(id)) found.add(id);
      return found;
    },
    // The names of what the pending batch introduced are the run registry's, which resolved them first.
    entitiesNamed: (names) => graph.entitiesNamed(names),
    entitiesWith: (label, word) => graph.entitiesWith(label, word),
  };
}

/**
 * The batch's studies whose version the graph (or the pending batch) does not hold yet, each counted as new or as
 * an update of a study held in another version; versions held (or repeated in the batch) are counted unchanged.
 */
async function withoutHeldVersions(batch: Batch, context: BatchContext, pending?: Additions) {
  const { executor } = context;
  const ids = batch.studies.map((study) => study.seed.document.id);
  const held = new Set<string>(ids.filter((id) => pending?.labels.has(id)));
  const heldStudies = new Set<string>(pending?.studies);
  if (executor) {
    const prefixes = [...new Set(batch.studies.map((study) => prefixOf(study.nctId)))];
    for (const row of await executor.read(VERSIONS_HELD, { prefixes })) {
      held.add(row.id as string);
      heldStudies.add(row.prefix as string);
    }
  }
  const seen = new Set<string>();
  const kept = [];
  for (const study of batch.studies) {
    const id = study.seed.document.id;
    if (held.has(id) || seen.has(id)) {
      context.tally('unchanged');
      continue;
    }
    seen.add(id);
    context.tally(heldStudies.has(prefixOf(study.nctId)) ? 'updated' : 'new');
    kept.push(study);
  }
  return kept;
}

/** What the documents of every version of a study start with. */
const prefixOf = (nctId: string) => documentIdOf(nctId, '');

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
