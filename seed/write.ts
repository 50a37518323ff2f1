import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';
import { compileSeedFile, type NodeRow, type RelRow } from './compile.ts';
import {
  JOURNAL_CREATED,
  NODE_CREATE_STATEMENTS,
  NODE_STATEMENTS,
  RELATIONSHIP_CREATE_STATEMENTS,
  RELATIONSHIP_STATEMENTS,
} from './cypher.ts';
import { IssueList } from './issues.ts';
import { prepareSeedFile } from './validate.ts';

/** Rows per UNWIND statement. */
export const DEFAULT_BATCH_ROWS = 5_000;

export type Outcome = 'created' | 'updated' | 'unchanged';

export type Batch =
  | { kind: 'nodes'; label: NodeKind; rows: NodeRow[] }
  | { kind: 'relationships'; type: RelationshipType; rows: RelRow[] };

/** Created, updated and unchanged counts per label and per relationship type. */
export class WriteStats {
  readonly nodes = new Map<NodeKind, Record<Outcome, number>>();
  readonly relationships = new Map<RelationshipType, Record<Outcome, number>>();

  add(batch: Batch, outcome: Outcome, count: number): void {
    const table = (batch.kind === 'nodes' ? this.nodes : this.relationships) as Map<
      string,
      Record<Outcome, number>
    >;
    const key = batch.kind === 'nodes' ? batch.label : batch.type;
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
  }

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

const OUTCOMES: Outcome[] = ['created', 'updated', 'unchanged'];

/** Thrown inside a write transaction, so that the transaction rolls back. */
export class SeedWriteError extends Error {
  override name = 'SeedWriteError';
}

/**
 * Pass two of a load: reads the (validated) files again, one at a time, and yields batches of at most
 * `batchRows` rows in an order the database accepts: a relationship batch only once the nodes at both of its
 * ends have been yielded.
 */
export async function* seedBatches(files: string[], batchRows = DEFAULT_BATCH_ROWS): AsyncGenerator<Batch> {
  const nodeBuffers = new Map<NodeKind, NodeRow[]>();
  const relBuffers = new Map<RelationshipType, RelRow[]>();
  const emitted = new Set<string>();
  let waiting: RelRow[] = [];
  const ready: Batch[] = [];

  const flushNodes = () => {
    for (const [label, rows] of nodeBuffers) {
      if (rows.length) ready.push({ kind: 'nodes', label, rows: rows.splice(0) });
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

  for (const file of files) {
    const issues = new IssueList(5);
    const prepared = await prepareSeedFile(file, issues);
    if (!prepared || issues.count > 0 || !prepared.read.complete) {
      throw new SeedWriteError(`${file} changed since it was validated:\n${issues.format()}`);
    }
    const fileRels: RelRow[] = [];
    compileSeedFile(prepared.read.data, prepared.sentenceOrder, {
      node(row) {
        const rows = nodeBuffers.get(row.label) ?? [];
        nodeBuffers.set(row.label, rows);
        rows.push(toDatabaseRow(row));
        emitted.add(row.id);
        if (rows.length >= batchRows) ready.push({ kind: 'nodes', label: row.label, rows: rows.splice(0) });
      },
      rel(row) {
        fileRels.push({ ...row, props: toDatabaseProps(row.props) });
      },
    });
    // Relationships wait until the nodes at both ends are known (a later file may define one of them).
    const pending = waiting.concat(fileRels);
    waiting = [];
    for (const row of pending) {
      if (emitted.has(row.from) && emitted.has(row.to)) queueRel(row);
      else waiting.push(row);
    }
    yield* ready.splice(0);
  }
  if (waiting.length) {
    const sample = waiting[0] as RelRow;
    throw new SeedWriteError(
      `${waiting.length} relationships reference unknown ids, e.g. ${sample.from} → ${sample.to}`,
    );
  }
  flushNodes();
  for (const [type, rows] of relBuffers) {
    if (rows.length) ready.push({ kind: 'relationships', type, rows: rows.splice(0) });
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
 * Runs one batch in the given transaction and adds its outcomes to `stats`. With a `load` id (a
 * multi-transaction load), the batch journals what it creates and the old state of what it updates, in the
 * same transaction, so the whole load can be undone. With `fresh` (the graph held no entities when the load
 * began) every row is new, since the validator makes ids and relationships unique across the files: the batch
 * is created without comparing it with the graph.
 */
export async function runBatch(
  tx: ManagedTransaction,
  batch: Batch,
  stats: WriteStats,
  load: string | null = null,
  fresh = false,
): Promise<void> {
  const statements = fresh ? CREATE_STATEMENTS : UPSERT_STATEMENTS;
  const statement =
    batch.kind === 'nodes' ? statements.nodes.get(batch.label) : statements.relationships.get(batch.type);
  if (!statement)
    throw new SeedWriteError(`no statement for ${batch.kind === 'nodes' ? batch.label : batch.type}`);
  const result = await tx.run(statement.text, { rows: batch.rows, load });
  let seen = 0;
  let created: string[] = [];
  for (const record of result.records) {
    const outcome = record.get('outcome') as Outcome | 'conflict';
    const count = Number(record.get('count'));
    seen += count;
    if (outcome === 'conflict') {
      const ids = (record.get('conflicts') as string[]).join(', ');
      throw new SeedWriteError(
        `${count} ${batch.kind === 'nodes' ? batch.label : ''} id(s) already exist in the database with another kind: ${ids}. ` +
          'Change the id, or load with --reset.',
      );
    }
    stats.add(batch, outcome, count);
    created = created.concat(record.get('created') as string[]);
  }
  if (seen !== batch.rows.length) {
    throw new SeedWriteError(
      `${batch.rows.length - seen} of ${batch.rows.length} ${batch.kind === 'nodes' ? batch.label : batch.type} rows were not written (an end node is missing from the database)`,
    );
  }
  if (load && created.length) await tx.run(JOURNAL_CREATED.text, { load, ids: created });
}

const UPSERT_STATEMENTS = { nodes: NODE_STATEMENTS, relationships: RELATIONSHIP_STATEMENTS };
const CREATE_STATEMENTS = { nodes: NODE_CREATE_STATEMENTS, relationships: RELATIONSHIP_CREATE_STATEMENTS };

export const batchSize = (batch: Batch) => batch.rows.length;

function toDatabaseRow(row: NodeRow): NodeRow {
  return { ...row, props: toDatabaseProps(row.props) };
}

/** Integers go as Neo4j integers (the driver sends JS numbers as floats) and sortDate as a Neo4j date. */
function toDatabaseProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'number' && Number.isInteger(value)) out[key] = neo4j.int(value);
    else if (key === 'sortDate' && typeof value === 'string') {
      const [year, month, day] = value.split('-').map(Number) as [number, number, number];
      out[key] = new neo4j.types.Date(year, month, day);
    } else out[key] = value;
  }
  return out;
}
