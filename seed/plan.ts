import type { ManagedTransaction } from 'neo4j-driver';
import { type Cypher, runRows } from '../server/db/executor.ts';
import type { StatementProps } from '../server/model/fold.ts';
import { type NodeKind, RELATIONSHIP_TYPES, type RelationshipType } from '../server/model/kinds.ts';
import { statedValues, statementOfElement, statementOfNode } from '../server/model/statements.ts';
import {
  isRelationshipKey,
  type NodeRow,
  parseRelationshipKey,
  type RelRow,
  relationshipKey,
} from './compile.ts';
import { INCOMPLETE_ENTITIES } from './cypher.ts';
import {
  byDocumentOrder,
  fold,
  type History,
  readHistory,
  type Statement,
  warnDisagreements,
} from './history.ts';
import { type IssueList, SeedWriteError } from './issues.ts';
import type { SeedFilesInMemory } from './validate.ts';

/**
 * What a load writes beyond each file's own rows: the subjects whose stored element is the fold of statements of
 * several documents (docs/model.md, "History and provenance"). A subject goes this way when two or more of the
 * files state it, when the graph holds a statement of it by a document outside the load, when the graph keeps a
 * history of it, or when a document of the load stated it before and no longer does. Every other subject is
 * written straight from the one file that states it. Removing a document is loading it with nothing in it.
 */

export interface HistoryPlan {
  /** Subjects written from their fold here, not from the files' rows. */
  subjects: Set<string>;
  nodes: NodeRow[];
  relationships: RelRow[];
  /** `:Statement` nodes to write (subjects with two or more statements). */
  statements: StatementRow[];
  /** Ids of the graph's `:Statement` nodes of these subjects that `statements` no longer holds. */
  staleStatements: string[];
  /** Subjects no document states any more, and sentences a reloaded document no longer has. */
  deleted: { nodes: string[]; relationships: DeletedRelationship[]; sentences: string[] };
}

export interface DeletedRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  /** The identity value (MARKETS' region) from the subject key. */
  identity?: string;
}

export interface StatementRow {
  id: string;
  props: Record<string, unknown>;
}

export const emptyPlan = (): HistoryPlan => ({
  subjects: new Set(),
  nodes: [],
  relationships: [],
  statements: [],
  staleStatements: [],
  deleted: { nodes: [], relationships: [], sentences: [] },
});

type Run = (cypher: Cypher, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Runs a statement in a transaction the loader holds, rows as plain values. */
export const runIn =
  (tx: ManagedTransaction): Run =>
  (cypher, params) =>
    runRows(tx, cypher, params);

export interface PlanInput {
  files: readonly string[];
  /** The documents of the load (to be written, or removed when they have no file). */
  documents: ReadonlySet<string>;
  subjects: { nodes: ReadonlyMap<string, NodeKind>; relationships: ReadonlySet<string> };
  /** Statements of subjects two or more files state (from validation). */
  history: History;
  warnings: IssueList;
  /** The sentence ids of each document of the load (a new version's sentences replace the old ones). */
  sentences?: ReadonlyMap<string, readonly string[]>;
  /** The graph had no entities: nothing to read. */
  empty: boolean;
  /**
   * The ids of the load's documents and entities the graph held when validated: only these (and relationships
   * between two of them) are read. Anything else the graph held meanwhile fails the load on Entity.id's uniqueness.
   */
  held?: ReadonlySet<string> | null;
  inMemory?: SeedFilesInMemory;
}

const BATCH = 2_000;

export async function planHistory(run: Run, input: PlanInput): Promise<HistoryPlan> {
  const plan = emptyPlan();
  const statedIn = input.empty ? new Map<string, string[]>() : await readStatedIn(run, input);
  const oldFacts = input.empty ? [] : await readFacts(run, [...input.documents].filter(mayHold(input)));
  for (const key of input.history.keys()) plan.subjects.add(key);
  for (const [key, documents] of statedIn) {
    if (documents.length > 1 || documents.some((document) => !input.documents.has(document))) {
      plan.subjects.add(key);
    }
  }
  // What a reloaded or removed document stated before and the load does not state at all.
  for (const key of oldFacts) if (!isInLoad(input, key)) plan.subjects.add(key);
  if (!input.empty && input.sentences)
    plan.deleted.sentences = await readStaleSentences(
      run,
      new Map([...input.sentences].filter(([id]) => mayHold(input)(id))),
    );
  if (plan.subjects.size === 0) return plan;

  // Statements of the graph by documents outside the load, and of the files for the subjects not read yet.
  const { history: graphStatements, stored } = await readStatements(run, [...plan.subjects], input.documents);
  const unread = new Set([...plan.subjects].filter((key) => !input.history.has(key)));
  const fileStatements = unread.size
    ? await readHistory(input.files, unread, input.warnings, input.inMemory)
    : new Map();
  const merged: History = new Map();
  for (const key of plan.subjects) {
    const statements = [
      ...(graphStatements.get(key) ?? []),
      ...(input.history.get(key) ?? fileStatements.get(key) ?? []),
    ].sort(byDocumentOrder);
    merged.set(key, statements);
    addToPlan(plan, key, statements);
  }
  if (graphStatements.size) {
    warnDisagreements(mixedOnly(merged, graphStatements), input.warnings);
    await input.warnings.resolveLines();
  }
  const kept = new Set(plan.statements.map((row) => row.id));
  plan.staleStatements = stored.filter((id) => !kept.has(id));
  return plan;
}

/** Whether the graph may hold this id (every id, when validation did not ask the graph). */
const mayHold = (input: PlanInput) => (id: string) => !input.held || input.held.has(id);

const isInLoad = (input: PlanInput, key: string) =>
  isRelationshipKey(key) ? input.subjects.relationships.has(key) : input.subjects.nodes.has(key);

/** Whether writing the plan deletes anything (a journalled load can undo writes, not deletions). */
export function deletesAnything(plan: HistoryPlan): boolean {
  const { deleted } = plan;
  return (
    deleted.nodes.length +
      deleted.relationships.length +
      deleted.sentences.length +
      plan.staleStatements.length >
    0
  );
}

/** Only the histories that mix the graph's statements with the files' (the files' alone were warned of already). */
function mixedOnly(merged: History, graph: History): History {
  return new Map([...merged].filter(([key]) => graph.has(key)));
}

function addToPlan(plan: HistoryPlan, key: string, statements: Statement[]) {
  const first = statements[0];
  const other = statements.find((statement) => statement.label !== first?.label);
  if (first && other) {
    throw new SeedWriteError(
      `"${key}" is a ${first.label} in ${first.document} and a ${other.label} in ${other.document}: one id is one entity`,
    );
  }
  const isNode = !isRelationshipKey(key);
  if (!first) {
    if (isNode) plan.deleted.nodes.push(key);
    else plan.deleted.relationships.push(parseRelationshipKey(key));
    return;
  }
  const props = fold(statements);
  if (isNode) plan.nodes.push({ label: first.label as NodeKind, id: key, props: { id: key, ...props } });
  else {
    const { type, from, to } = parseRelationshipKey(key);
    plan.relationships.push({ type, from, to, props });
  }
  if (statements.length < 2) return;
  for (const statement of statements) {
    plan.statements.push({
      id: `${statement.document}|${key}`,
      props: {
        ...statement.values,
        citedIn: statement.citedIn,
        _id: `${statement.document}|${key}`,
        _subject: key,
        _document: statement.document,
        _date: statement.date,
        _kind: isNode ? 'node' : 'relationship',
        _label: statement.label,
      },
    });
  }
}

// Reading what the graph holds of the load's subjects.

const STATED_IN_NODES: Cypher = {
  name: 'seed.plan.statedInNodes',
  text: `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id AS key, n.statedIn AS statedIn`,
};

/** The relationships of one type between given ends, with their properties (MARKETS: one per region). */
const RELATIONSHIPS_BETWEEN = new Map(
  RELATIONSHIP_TYPES.map((type) => [
    type,
    {
      name: `seed.plan.relationships.${type}`,
      text: `UNWIND range(0, size($rows) - 1) AS index
WITH index, $rows[index] AS row
MATCH (:Entity {id: row.from})-[r:${type}]->(:Entity {id: row.to})
RETURN index, properties(r) AS props`,
    } satisfies Cypher,
  ]),
);

async function readStatedIn(run: Run, input: PlanInput): Promise<Map<string, string[]>> {
  const statedIn = new Map<string, string[]>();
  const held = mayHold(input);
  const ids = [...input.subjects.nodes.keys()].filter(held);
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const row of await run(STATED_IN_NODES, { ids: ids.slice(i, i + BATCH) })) {
      statedIn.set(row.key as string, (row.statedIn as string[] | null) ?? []);
    }
  }
  const keys = [...input.subjects.relationships].filter((key) => {
    if (key.startsWith('IN_DOCUMENT:')) return false;
    const { from, to } = parseRelationshipKey(key);
    return held(from) && held(to);
  });
  for (const [key, props] of await readRelationships(run, keys)) {
    statedIn.set(key, (props.statedIn as string[] | undefined) ?? []);
  }
  return statedIn;
}

/** The properties of the relationships the graph holds with these subject keys. */
async function readRelationships(
  run: Run,
  keys: Iterable<string>,
): Promise<Map<string, Record<string, unknown>>> {
  const byType = new Map<RelationshipType, { key: string; from: string; to: string }[]>();
  for (const key of keys) {
    const { type, from, to } = parseRelationshipKey(key);
    byType.set(type, [...(byType.get(type) ?? []), { key, from, to }]);
  }
  const found = new Map<string, Record<string, unknown>>();
  for (const [type, rows] of byType) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      for (const row of await run(RELATIONSHIPS_BETWEEN.get(type) as Cypher, { rows: batch })) {
        const props = row.props as Record<string, unknown>;
        const between = batch[Number(row.index)] as { key: string; from: string; to: string };
        // MARKETS is one relationship per region: only the one whose key this is.
        if (relationshipKey({ type, from: between.from, to: between.to, props }) === between.key) {
          found.set(between.key, props);
        }
      }
    }
  }
  return found;
}

const STALE_SENTENCES: Cypher = {
  name: 'seed.plan.staleSentences',
  text: `UNWIND $documents AS document
MATCH (s:Sentence)-[:IN_DOCUMENT]->(:Entity:SourceDocument {id: document.id})
WHERE NOT s.id IN document.sentences
RETURN s.id AS id`,
};

async function readStaleSentences(
  run: Run,
  sentences: ReadonlyMap<string, readonly string[]>,
): Promise<string[]> {
  const documents = [...sentences].map(([id, kept]) => ({ id, sentences: kept }));
  return (await run(STALE_SENTENCES, { documents })).map((row) => row.id as string);
}

/**
 * After the writes, in the same transaction: each of these entities must still have what a new entity needs (a
 * name …), or the load or removal stops, naming it. Validation cannot see it when the graph or a fold gives it.
 */
export async function refuseIncomplete(run: Run, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const [row] = await run(INCOMPLETE_ENTITIES, { ids: ids.slice(i, i + BATCH) });
    if (row) {
      const by = ((row.statedIn as string[] | null) ?? []).join(', ');
      throw new SeedWriteError(
        `${row.label} ${row.id} would lack ${(row.missing as string[]).join(' and ')}: no document that states it (${by}) gives ${(row.missing as string[]).length > 1 ? 'them' : 'it'}. Add it to one of them, or keep the document that gave it`,
      );
    }
  }
}

const FACTS: Cypher = {
  name: 'seed.plan.facts',
  text: `UNWIND $documents AS id MATCH (d:Entity:SourceDocument {id: id}) UNWIND coalesce(d.facts, []) AS fact RETURN DISTINCT fact`,
};

async function readFacts(run: Run, documents: string[]): Promise<string[]> {
  const rows = await run(FACTS, { documents });
  return rows.map((row) => row.fact as string);
}

/** Every statement the graph holds of these subjects, by documents other than `except`. */
const STATEMENTS: Cypher = {
  name: 'seed.plan.statements',
  text: `UNWIND $keys AS key
CALL (key) {
  MATCH (s:Statement {_subject: key})
  RETURN collect(properties(s)) AS statements
}
OPTIONAL MATCH (n:Entity {id: key})
RETURN key, statements, CASE WHEN n IS NULL THEN null
  ELSE {props: properties(n), label: [label IN labels(n) WHERE label <> 'Entity'][0]} END AS node`,
};

async function readStatements(
  run: Run,
  keys: readonly string[],
  except: ReadonlySet<string>,
): Promise<{ history: History; stored: string[] }> {
  const history: History = new Map();
  const stored: string[] = [];
  const keep = (statement: Statement) => {
    if (except.has(statement.document)) return;
    const list = history.get(statement.subject) ?? [];
    list.push(statement);
    history.set(statement.subject, list);
  };
  const lone: string[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    for (const row of await run(STATEMENTS, { keys: keys.slice(i, i + BATCH) })) {
      const key = row.key as string;
      const statements = row.statements as Record<string, unknown>[];
      if (statements.length) {
        for (const props of statements) {
          stored.push(props._id as string);
          keep(fromStatementNode(props));
        }
        continue;
      }
      const node = row.node as { props: Record<string, unknown>; label: NodeKind } | null;
      if (node) keep(fromElement(key, 'node', node.label, node.props));
      else if (isRelationshipKey(key)) lone.push(key);
    }
  }
  for (const [key, props] of await readRelationships(run, lone)) {
    keep(fromElement(key, 'relationship', parseRelationshipKey(key).type, props));
  }
  return { history, stored };
}

/** The loader's form of a statement in the one stored form (server/model/statements.ts). */
function fromStored(stored: StatementProps): Statement {
  return {
    subject: stored._subject as string,
    kind: stored._kind as Statement['kind'],
    label: stored._label as Statement['label'],
    document: stored._document as string,
    date: stored._date as string,
    values: statedValues(stored),
    citedIn: stored.citedIn as string[],
  };
}

/** A subject stated by one document is its own statement. */
const fromElement = (
  subject: string,
  kind: Statement['kind'],
  label: Statement['label'],
  props: Record<string, unknown>,
) => fromStored(statementOfElement(props, { subject, kind, label }));

const fromStatementNode = (props: Record<string, unknown>) => fromStored(statementOfNode(props));
