import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { ELEMENT_DATE_PROPERTIES } from '../server/model/fold.ts';
import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';
import {
  compileSeedFile,
  documentOfSentence,
  isSentenceId,
  type NodeRow,
  type RelRow,
  relationshipKey,
} from './compile.ts';
import {
  DELETE_ENTITIES_BY_ID,
  DELETE_SENTENCES,
  DELETE_STATEMENTS,
  JOURNAL_CREATED,
  NODE_CREATE_STATEMENTS,
  NODE_STATEMENTS,
  RELATIONSHIP_CREATE_STATEMENTS,
  RELATIONSHIP_DELETE_STATEMENTS,
  RELATIONSHIP_STATEMENTS,
  REMAINING_RELATIONSHIPS,
  SENTENCES_CREATE,
  STATEMENT_CREATE,
  STATEMENT_UPSERT,
} from './cypher.ts';
import { IssueList, SeedWriteError } from './issues.ts';
import { emptyPlan, type HistoryPlan, type StatementRow } from './plan.ts';
import { prepareSeedFile, type SeedFilesInMemory } from './validate.ts';

/** Rows per UNWIND statement. */
export const DEFAULT_BATCH_ROWS = 5_000;

export type Outcome = 'created' | 'updated' | 'unchanged';

export type Batch =
  | { kind: 'nodes'; label: NodeKind; rows: NodeRow[] }
  | { kind: 'relationships'; type: RelationshipType; rows: RelRow[] }
  | { kind: 'statements'; rows: StatementRow[] };

/** Created, updated and unchanged counts per label and per relationship type, and of history statements. */
export class WriteStats {
  readonly nodes = new Map<NodeKind, Record<Outcome, number>>();
  readonly relationships = new Map<RelationshipType, Record<Outcome, number>>();
  readonly statements: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 };

  add(batch: Batch, outcome: Outcome, count: number): void {
    if (batch.kind === 'statements') {
      this.statements[outcome] += count;
      return;
    }
    const table = (batch.kind === 'nodes' ? this.nodes : this.relationships) as Map<
      string,
      Record<Outcome, number>
    >;
    const key = batchName(batch);
    const row = table.get(key) ?? { created: 0, updated: 0, unchanged: 0 };
    row[outcome] += count;
    table.set(key, row);
  }

  merge(other: WriteStats): void {
    for (const [label, counts] of other.nodes) {
      for (const outcome of OUTCOMES) this.add({ kind: 'nodes', label, rows: [] }, outcome, counts[outcome]);
    }
    for (const [type, counts] of other.relationships) {
      for (const outcome of OUTCOMES)
        this.add({ kind: 'relationships', type, rows: [] }, outcome, counts[outcome]);
    }
    for (const outcome of OUTCOMES) this.statements[outcome] += other.statements[outcome];
  }

  /** Nodes and relationships (history statements aside). */
  total(outcome?: Outcome): number {
    let sum = 0;
    for (const table of [this.nodes, this.relationships] as Map<string, Record<Outcome, number>>[]) {
      for (const counts of table.values()) {
        sum += outcome ? counts[outcome] : counts.created + counts.updated + counts.unchanged;
      }
    }
    return sum;
  }
}

/** A batch's label, relationship type, or `Statement`. */
export const batchName = (batch: Batch): string =>
  batch.kind === 'nodes' ? batch.label : batch.kind === 'relationships' ? batch.type : 'Statement';

const OUTCOMES: Outcome[] = ['created', 'updated', 'unchanged'];

/**
 * Pass two of a load: reads the (validated) files again, one at a time, and yields batches of at most
 * `batchRows` rows (sentence batches: up to one file's sentences more) in an order the database accepts: a
 * relationship batch only once the nodes at both of its ends have been yielded (or at the end, for ends the
 * graph already holds), a sentence batch after its documents. The subjects of `plan` are written
 * from their fold (first the nodes, last the relationships and the statements), not from the files' rows; every
 * other row is its file's one statement, stamped with its document.
 */
export async function* seedBatches(
  files: string[],
  batchRows = DEFAULT_BATCH_ROWS,
  plan: HistoryPlan = emptyPlan(),
  inMemory?: SeedFilesInMemory,
): AsyncGenerator<Batch> {
  const nodeBuffers = new Map<NodeKind, NodeRow[]>();
  const relBuffers = new Map<RelationshipType, RelRow[]>();
  const emitted = new Set<string>();
  let waiting: RelRow[] = [];
  const ready: Batch[] = [];

  // New sentences are created with their IN_DOCUMENT relationship (runBatch), so their documents go first; a
  // file states its document after its sentences, so a full sentence buffer waits for the end of its file.
  const flushNodes = () => {
    for (const [label, rows] of nodeBuffers) {
      if (label !== 'Sentence' && rows.length) ready.push({ kind: 'nodes', label, rows: rows.splice(0) });
    }
    const sentences = nodeBuffers.get('Sentence');
    if (sentences?.length) ready.push({ kind: 'nodes', label: 'Sentence', rows: sentences.splice(0) });
  };
  const queueNode = (row: NodeRow) => {
    const rows = nodeBuffers.get(row.label) ?? [];
    nodeBuffers.set(row.label, rows);
    rows.push(toDatabaseRow(row));
    emitted.add(row.id);
    if (rows.length >= batchRows && row.label !== 'Sentence') {
      ready.push({ kind: 'nodes', label: row.label, rows: rows.splice(0) });
    }
  };
  const queueRel = (row: RelRow) => {
    const rows = relBuffers.get(row.type) ?? [];
    relBuffers.set(row.type, rows);
    rows.push(row);
    if (rows.length >= batchRows) {
      flushNodes();
      ready.push({ kind: 'relationships', type: row.type, rows: rows.splice(0) });
    }
  };

  for (const row of plan.nodes) queueNode(row);
  for (const file of files) {
    const issues = new IssueList(5);
    const prepared = await prepareSeedFile(file, issues, inMemory);
    if (!prepared || issues.count > 0 || !prepared.read.complete) {
      throw new SeedWriteError(`${file} changed since it was validated:\n${issues.format()}`);
    }
    const { document } = prepared.read.data;
    const stamp: Record<StampKey, unknown> = {
      statedIn: [document.id],
      since: document.date,
      lastStated: document.date,
    };
    const fileRels: RelRow[] = [];
    compileSeedFile(prepared.read.data, prepared.source, {
      node(row) {
        if (!plan.subjects.has(row.id)) queueNode({ ...row, props: { ...row.props, ...stamp } });
      },
      rel(row) {
        if (plan.subjects.has(relationshipKey(row))) return;
        fileRels.push({ ...row, props: toDatabaseProps({ ...row.props, ...stamp }) });
      },
    });
    if ((nodeBuffers.get('Sentence')?.length ?? 0) >= batchRows) flushNodes();
    // Relationships wait until the nodes at both ends are known (a later file may define one of them).
    const pending = waiting.concat(fileRels);
    waiting = [];
    for (const row of pending) {
      if (emitted.has(row.from) && emitted.has(row.to)) queueRel(row);
      else waiting.push(row);
    }
    yield* ready.splice(0);
  }
  flushNodes();
  // Validation found the other ends in the graph; a row whose end is missing fails its batch (runBatch).
  for (const row of waiting) queueRel(row);
  for (const row of plan.relationships) queueRel({ ...row, props: toDatabaseProps(row.props) });
  for (const [type, rows] of relBuffers) {
    if (rows.length) ready.push({ kind: 'relationships', type, rows: rows.splice(0) });
  }
  for (let i = 0; i < plan.statements.length; i += batchRows) {
    const rows = plan.statements.slice(i, i + batchRows);
    ready.push({
      kind: 'statements',
      rows: rows.map((row) => ({ ...row, props: toDatabaseProps(row.props) })),
    });
  }
  yield* ready.splice(0);
}

/**
 * The items of `source`, the next one already being prepared (files read and compiled) while the caller
 * writes the current one: the loader's own work then overlaps Neo4j's instead of adding to it.
 */
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = source.next();
      yield item.value;
    }
  } finally {
    // If the caller stopped early (a failed write), the item read ahead is not wanted, nor its error.
    next.catch(() => {});
    await source.return(undefined);
  }
}

/** Consecutive batches in groups of at most `rows` rows (a larger batch makes a group alone). */
export async function* groupBatches(batches: AsyncIterable<Batch>, rows: number): AsyncGenerator<Batch[]> {
  let group: Batch[] = [];
  let size = 0;
  for await (const batch of batches) {
    if (group.length && size + batch.rows.length > rows) {
      yield group;
      group = [];
      size = 0;
    }
    group.push(batch);
    size += batch.rows.length;
  }
  if (group.length) yield group;
}

/**
 * Writes one batch. In a journalled load (`load` set: one transaction of a multi-transaction load), the batch
 * journals what it creates and the old state of what it updates, in the same transaction, so the whole load can
 * be undone. Rows new to the graph are created without comparing them with it: every row when the graph held no
 * entities when the load began (`novelty` true), or, given the ids the files state that the graph did not hold
 * (`novelty` a set), the rows of those entities and documents, their sentences, and relationships with such an
 * end (the validator makes ids and relationships unique across the files). The rest, history statements and
 * folded rows included, are merged with what the graph holds.
 */
export async function runBatch(
  tx: ManagedTransaction,
  batch: Batch,
  stats: WriteStats,
  load: string | null = null,
  novelty: boolean | ReadonlySet<string> = false,
): Promise<void> {
  const isNew = novelty === true ? () => true : novelty === false ? () => false : isNewIn(novelty, batch);
  const fresh = batch.rows.filter(isNew as (row: unknown) => boolean);
  const held = fresh.length === batch.rows.length ? [] : batch.rows.filter((row) => !isNew(row as never));
  let seen = 0;
  let created: string[] = [];
  if (isDocumentLink(batch) && fresh.length) {
    // Created with their sentences (the sentence batches came first, and a sentence is as new as its document).
    stats.add(batch, 'created', fresh.length);
    seen += fresh.length;
  }
  for (const [statements, rows] of [
    [CREATE_STATEMENTS, isDocumentLink(batch) ? [] : fresh],
    [UPSERT_STATEMENTS, held],
  ] as const) {
    if (!rows.length) continue;
    const statement =
      batch.kind === 'nodes'
        ? statements.nodes.get(batch.label)
        : batch.kind === 'relationships'
          ? statements.relationships.get(batch.type)
          : statements.statements;
    if (!statement) throw new SeedWriteError(`no statement for ${batchName(batch)}`);
    const result =
      statements === CREATE_STATEMENTS && batch.kind === 'nodes' && batch.label === 'Sentence'
        ? await tx.run(SENTENCES_CREATE.text, { documents: byDocument(rows as NodeRow[]), load })
        : await tx.run(statement.text, { rows, load });
    for (const record of result.records) {
      const outcome = record.get('outcome') as Outcome | 'conflict';
      const count = Number(record.get('count'));
      seen += count;
      if (outcome === 'conflict') {
        const ids = (record.get('conflicts') as string[]).join(', ');
        throw new SeedWriteError(
          `${count} ${batchName(batch)} id(s) already exist in the database with another kind: ${ids}. ` +
            'Change the id, or load with --reset.',
        );
      }
      stats.add(batch, outcome, count);
      created = created.concat(record.get('created') as string[]);
    }
  }
  if (seen !== batch.rows.length) {
    throw new SeedWriteError(
      `${batch.rows.length - seen} of ${batch.rows.length} ${batchName(batch)} rows were not written (an end node is missing from the database)`,
    );
  }
  if (load && created.length) await tx.run(JOURNAL_CREATED.text, { load, ids: created });
}

const isDocumentLink = (batch: Batch) => batch.kind === 'relationships' && batch.type === 'IN_DOCUMENT';

/** What every element a file states carries of its document (docs/model.md, History). */
const STAMP_KEYS = ['statedIn', 'since', 'lastStated'] as const;
type StampKey = (typeof STAMP_KEYS)[number];

/**
 * Sentence rows grouped by their document, in first-seen order, each group with the properties of its
 * IN_DOCUMENT relationship: the stamp its sentences carry.
 */
export function byDocument(
  rows: NodeRow[],
): { id: string; rows: NodeRow[]; link: Record<string, unknown> }[] {
  const groups = new Map<string, NodeRow[]>();
  for (const row of rows) {
    const document = documentOfSentence(row.id);
    const group = groups.get(document) ?? [];
    groups.set(document, group);
    group.push(row);
  }
  return [...groups].map(([id, group]) => ({
    id,
    rows: group,
    link: Object.fromEntries(STAMP_KEYS.map((key) => [key, (group[0] as NodeRow).props[key]])),
  }));
}

/** Whether a row of the batch is new, given the ids new to the graph: a sentence is as new as its document. */
function isNewIn(newIds: ReadonlySet<string>, batch: Batch): (row: never) => boolean {
  const isNew = (id: string) => newIds.has(isSentenceId(id) ? documentOfSentence(id) : id);
  if (batch.kind === 'nodes') return (row: NodeRow) => isNew(row.id);
  if (batch.kind === 'relationships') return (row: RelRow) => isNew(row.from) || isNew(row.to);
  // A statement may be of a document the files do not state (the graph's own, when a subject gains a second).
  return () => false;
}

const UPSERT_STATEMENTS = {
  nodes: NODE_STATEMENTS,
  relationships: RELATIONSHIP_STATEMENTS,
  statements: STATEMENT_UPSERT,
};
const CREATE_STATEMENTS = {
  nodes: NODE_CREATE_STATEMENTS,
  relationships: RELATIONSHIP_CREATE_STATEMENTS,
  statements: STATEMENT_CREATE,
};

/** Entities about to go must have nothing left on them that another document states (IN_DOCUMENT aside). */
export async function refuseIfStillNeeded(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const first = (await tx.run(REMAINING_RELATIONSHIPS.text, { ids })).records[0];
  if (!first) return;
  const statedIn = (first.get('statedIn') as string[] | null)?.join(', ') || 'another document';
  throw new SeedWriteError(
    `${first.get('id')} would no longer be stated by any document, but its ${first.get('type')} relationship with ${first.get('other')} (stated by ${statedIn}) still needs it: remove or change that document too`,
  );
}

/**
 * Before a plan's rows are written: the relationships and entities no document states any more, and the old
 * statements of its subjects. An entity goes only if nothing else still hangs on it: a relationship another
 * document states stops the load, naming both.
 */
export async function applyDeletions(tx: ManagedTransaction, plan: HistoryPlan): Promise<void> {
  const byType = new Map<RelationshipType, { from: string; to: string; identity: string | null }[]>();
  for (const row of plan.deleted.relationships) {
    const rows = byType.get(row.type) ?? [];
    rows.push({ from: row.from, to: row.to, identity: row.identity ?? null });
    byType.set(row.type, rows);
  }
  for (const [type, rows] of byType) {
    await tx.run((RELATIONSHIP_DELETE_STATEMENTS.get(type) as { text: string }).text, { rows });
  }
  await refuseIfStillNeeded(tx, plan.deleted.nodes);
  if (plan.deleted.nodes.length) await tx.run(DELETE_ENTITIES_BY_ID.text, { ids: plan.deleted.nodes });
  if (plan.deleted.sentences.length) await tx.run(DELETE_SENTENCES.text, { ids: plan.deleted.sentences });
  if (plan.staleStatements.length) await tx.run(DELETE_STATEMENTS.text, { ids: plan.staleStatements });
}

function toDatabaseRow(row: NodeRow): NodeRow {
  return { ...row, props: toDatabaseProps(row.props) };
}

/** Properties stored as Neo4j dates (ordering, range filters, "as of"). */
const DATE_PROPERTIES = new Set([...ELEMENT_DATE_PROPERTIES, '_date']);

/** Integers go as Neo4j integers (the driver sends JS numbers as floats) and the day properties as Neo4j dates. */
function toDatabaseProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'number' && Number.isInteger(value)) out[key] = neo4j.int(value);
    else if (DATE_PROPERTIES.has(key) && typeof value === 'string') {
      const [year, month, day] = value.split('-').map(Number) as [number, number, number];
      out[key] = new neo4j.types.Date(year, month, day);
    } else out[key] = value;
  }
  return out;
}
