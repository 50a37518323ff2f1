import type { Cypher } from '../server/db/executor.ts';
import {
  NODE_KINDS,
  type NodeKind,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../server/model/kinds.ts';
import { identityOf } from './compile.ts';
import { RELATIONSHIP_FIELDS, REQUIRED_FIELDS } from './format.ts';

/**
 * The loader's Cypher. Labels and types come from the allowlist (server/model/kinds.ts) only: one statement
 * per label and per relationship type, built once. Every statement takes `$rows` and `$load` (the journal id
 * of a multi-transaction load, or null) and returns one row per outcome: created, updated, unchanged or
 * conflict, with the element ids it created when there is a load id (its undo journal needs them).
 */

const OUTCOME_RETURN = `RETURN outcome, count(*) AS count,
  collect(CASE WHEN $load IS NOT NULL AND outcome = 'created' THEN elementId(x) END) AS created,
  collect(CASE WHEN outcome = 'conflict' THEN row.id END)[..5] AS conflicts`;

/** The same result for rows that can only be new. */
const CREATED_RETURN = `RETURN 'created' AS outcome, count(*) AS count,
  collect(CASE WHEN $load IS NOT NULL THEN elementId(x) END) AS created, [] AS conflicts`;

/** Before an update of a multi-transaction load, the old properties are kept in a SeedUndo node. */
const JOURNAL_PRE_IMAGE = (old: string, kind: 'node' | 'rel') => `CALL (row, ${old}, outcome) {
  WITH * WHERE $load IS NOT NULL AND outcome = 'updated'
  CREATE (u:SeedUndo {_load: $load, _step: '${kind}', _target: elementId(${old})})
  SET u += properties(${old})
}`;

/**
 * An upsert of nodes keyed by one property: `created`, `updated`, `unchanged` (or `conflict` when the node exists
 * with another label) per row, the old properties journalled before an update.
 */
function nodeUpsert(name: string, node: string, key: string, label?: NodeKind): Cypher {
  return {
    name,
    text: `UNWIND $rows AS row
OPTIONAL MATCH (old:${node} {${key}: row.id})
WITH row, old, CASE
  WHEN old IS NULL THEN 'created'
  ${label ? `WHEN NOT old:${label} THEN 'conflict'` : ''}
  WHEN properties(old) = row.props THEN 'unchanged'
  ELSE 'updated' END AS outcome
${JOURNAL_PRE_IMAGE('old', 'node')}
MERGE (x:${node} {${key}: row.id})
WITH x, row, outcome
CALL (x, row, outcome) {
  WITH * WHERE outcome IN ['created', 'updated']
  SET x = row.props${label ? `, x:${label}` : ''}
}
${OUTCOME_RETURN}`,
  };
}

const nodeStatement = (label: NodeKind) => nodeUpsert(`seed.nodes.${label}`, 'Entity', 'id', label);

function relationshipStatement(type: RelationshipType): Cypher {
  const identity = identityOf(type);
  const pattern = identity.length
    ? ` {${identity.map((name) => `${name}: row.props.${name}`).join(', ')}}`
    : '';
  return {
    name: `seed.relationships.${type}`,
    text: `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:${type}${pattern}]->(b)
WITH a, b, row, old, CASE
  WHEN old IS NULL THEN 'created'
  WHEN properties(old) = row.props THEN 'unchanged'
  ELSE 'updated' END AS outcome
${JOURNAL_PRE_IMAGE('old', 'rel')}
MERGE (a)-[x:${type}${pattern}]->(b)
WITH x, row, outcome
CALL (x, row, outcome) {
  WITH * WHERE outcome IN ['created', 'updated']
  SET x = row.props
}
${OUTCOME_RETURN}`,
  };
}

/*
 * The fast path, for a load into a graph without entities (seed/write.ts runBatch): a plain CREATE. Comparing
 * each row with what is there, MERGE's second look-up and its locks cost about 60% more Neo4j CPU (36 against
 * 22 CPU seconds for 100,000 elements).
 */

function nodeCreateStatement(label: NodeKind): Cypher {
  return {
    name: `seed.create.${label}`,
    text: `UNWIND $rows AS row
CREATE (x:Entity:${label})
SET x = row.props
${CREATED_RETURN}`,
  };
}

function relationshipCreateStatement(type: RelationshipType): Cypher {
  return {
    name: `seed.create.${type}`,
    text: `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[x:${type}]->(b)
SET x = row.props
${CREATED_RETURN}`,
  };
}

/**
 * New sentences with their `IN_DOCUMENT` relationships, grouped by document: one look-up of the document for all
 * its sentences instead of two per relationship, and one row instead of two per sentence (about 40% less time
 * for the elements most documents are made of).
 */
export const SENTENCES_CREATE: Cypher = {
  name: 'seed.create.sentences',
  text: `UNWIND $documents AS document
MATCH (d:Entity:SourceDocument {id: document.id})
UNWIND document.rows AS row
CREATE (x:Entity:Sentence)-[link:IN_DOCUMENT]->(d)
SET x = row.props, link = document.link
${CREATED_RETURN}`,
};

/** A `:Statement` node of a subject with a history (docs/model.md), upserted on `_id` like an entity. */
export const STATEMENT_UPSERT = nodeUpsert('seed.statements', 'Statement', '_id');

export const STATEMENT_CREATE: Cypher = {
  name: 'seed.create.statements',
  text: `UNWIND $rows AS row
CREATE (x:Statement)
SET x = row.props
${CREATED_RETURN}`,
};

/** History statements no longer held (their document dropped the subject, or it has one statement left). */
export const DELETE_SENTENCES: Cypher = {
  name: 'seed.history.deleteSentences',
  text: `UNWIND $ids AS id MATCH (s:Entity {id: id}) WHERE s:Sentence DETACH DELETE s RETURN count(*) AS deleted`,
};

export const DELETE_STATEMENTS: Cypher = {
  name: 'seed.history.deleteStatements',
  text: `UNWIND $ids AS id MATCH (s:Statement {_id: id}) DELETE s RETURN count(*) AS deleted`,
};

/** Relationships no document states any more (`identity`: MARKETS' region, from the subject key). */
function relationshipDeleteStatement(type: RelationshipType): Cypher {
  const [identity] = identityOf(type);
  return {
    name: `seed.history.delete.${type}`,
    text: `UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:${type}]->(:Entity {id: row.to})
${identity ? `WHERE r.${identity} = row.identity` : ''}
DELETE r
RETURN count(*) AS deleted`,
  };
}

/** A relationship still on an entity about to go, with the documents that state it. */
export const REMAINING_RELATIONSHIPS: Cypher = {
  name: 'seed.history.remaining',
  text: `UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(other)
WHERE type(r) <> 'IN_DOCUMENT'
RETURN id, type(r) AS type, other.id AS other, r.statedIn AS statedIn
LIMIT 5`,
};

/** The Cypher test of one required field: a property, or a relationship field (a Partnership's parties). */
function requiredTest(label: NodeKind | undefined, field: string): string {
  const spec = label && RELATIONSHIP_FIELDS[label]?.[field];
  if (!spec) return `n.${field} IS NULL`;
  return spec.direction === 'out'
    ? `NOT EXISTS { (n)-[:${spec.type}]->() }`
    : `NOT EXISTS { (n)<-[:${spec.type}]-() }`;
}

/** Entities among `$ids` without what a new entity needs (REQUIRED_FIELDS), with the fields they lack. */
export const INCOMPLETE_ENTITIES: Cypher = {
  name: 'seed.history.incomplete',
  text: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, [${[
    ...REQUIRED_FIELDS.all.map((field) => `CASE WHEN ${requiredTest(undefined, field)} THEN '${field}' END`),
    ...NODE_KINDS.flatMap((kind) =>
      (REQUIRED_FIELDS[kind] ?? []).map(
        (field) => `CASE WHEN n:${kind} AND ${requiredTest(kind, field)} THEN '${field}' END`,
      ),
    ),
  ].join(', ')}] AS checks
WITH n, label, [field IN checks WHERE field IS NOT NULL] AS missing
WHERE size(missing) > 0
RETURN n.id AS id, label, missing, n.statedIn AS statedIn
LIMIT 1`,
};

/** A removed document: its sentences and itself. */
export const DELETE_DOCUMENTS: Cypher = {
  name: 'seed.history.deleteDocuments',
  text: `UNWIND $ids AS id
MATCH (d:Entity:SourceDocument {id: id})
OPTIONAL MATCH (s:Sentence)-[:IN_DOCUMENT]->(d)
DETACH DELETE s, d
RETURN count(DISTINCT d) AS deleted`,
};

/** The `--reset` of a journalled load: the history statements the load does not hold. */
export const DELETE_OTHER_STATEMENTS: Cypher = {
  name: 'seed.prune.statements',
  text: `MATCH (s:Statement) WHERE NOT s._id IN $keep
WITH s LIMIT toInteger($limit) DELETE s RETURN count(*) AS done`,
};

/** Which of these document ids the graph holds (through the Entity id index). */
export const FIND_DOCUMENTS: Cypher = {
  name: 'seed.findDocuments',
  text: `UNWIND $ids AS id MATCH (d:Entity {id: id}) WHERE d:SourceDocument RETURN d.id AS id`,
};

const byKind = <K extends string>(kinds: readonly K[], statement: (kind: K) => Cypher) =>
  new Map(kinds.map((kind) => [kind, statement(kind)]));

export const NODE_STATEMENTS = byKind(NODE_KINDS, nodeStatement);
export const RELATIONSHIP_STATEMENTS = byKind(RELATIONSHIP_TYPES, relationshipStatement);
export const NODE_CREATE_STATEMENTS = byKind(NODE_KINDS, nodeCreateStatement);
export const RELATIONSHIP_CREATE_STATEMENTS = byKind(RELATIONSHIP_TYPES, relationshipCreateStatement);
export const RELATIONSHIP_DELETE_STATEMENTS = byKind(RELATIONSHIP_TYPES, relationshipDeleteStatement);

/** Deletes up to $limit entities (and their relationships); returns how many. Repeated until 0. */
export const DELETE_ENTITIES: Cypher = {
  name: 'seed.reset',
  text: `MATCH (n) WHERE n:Entity OR n:Statement
WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS deleted`,
};

export const COUNT_ENTITIES: Cypher = {
  name: 'seed.countEntities',
  text: 'MATCH (n:Entity) RETURN count(n) AS count',
};

// The journal of a multi-transaction load (seed/journal.ts).

export const JOURNAL_CREATED: Cypher = {
  name: 'seed.journal.created',
  text: `CREATE (:SeedUndo {_load: $load, _step: 'created', ids: $ids})`,
};

export const BEGIN_LOAD: Cypher = {
  name: 'seed.load.begin',
  text: `CREATE (:SeedLoad {id: $load, status: 'RUNNING', startedAt: datetime(), files: $files, reset: $reset})`,
};

export const COMMIT_LOAD: Cypher = {
  name: 'seed.load.commit',
  text: `MATCH (l:SeedLoad {id: $load, status: 'RUNNING'}) SET l.status = 'COMMITTED', l.committedAt = datetime()
RETURN count(l) AS committed`,
};

export const FIND_LOADS: Cypher = {
  name: 'seed.load.find',
  text: 'MATCH (l:SeedLoad) RETURN l.id AS id, l.status AS status, l.startedAt AS startedAt ORDER BY l.startedAt',
};

/** Undo step 1: put back the old properties of the nodes and relationships the load updated. */
export const RESTORE_NODES: Cypher = {
  name: 'seed.undo.restoreNodes',
  text: `MATCH (u:SeedUndo {_load: $load, _step: 'node'})
WITH u LIMIT toInteger($limit)
CALL (u) {
  MATCH (n) WHERE elementId(n) = u._target
  SET n = properties(u)
  REMOVE n._load, n._step, n._target
}
DELETE u
RETURN count(*) AS done`,
};

export const RESTORE_RELATIONSHIPS: Cypher = {
  name: 'seed.undo.restoreRelationships',
  text: `MATCH (u:SeedUndo {_load: $load, _step: 'rel'})
WITH u LIMIT toInteger($limit)
CALL (u) {
  MATCH ()-[r]->() WHERE elementId(r) = u._target
  SET r = properties(u)
  REMOVE r._load, r._step, r._target
}
DELETE u
RETURN count(*) AS done`,
};

/** Undo step 2: delete what the load created (relationships first, then nodes with whatever still hangs on them). */
export const DELETE_CREATED: Cypher = {
  name: 'seed.undo.deleteCreated',
  text: `MATCH (u:SeedUndo {_load: $load, _step: 'created'})
WITH u LIMIT 1
CALL (u) {
  UNWIND u.ids AS id
  MATCH ()-[r]->() WHERE elementId(r) = id
  DELETE r
}
CALL (u) {
  UNWIND u.ids AS id
  MATCH (n) WHERE elementId(n) = id
  DETACH DELETE n
}
DELETE u
RETURN count(*) AS done`,
};

export const END_LOAD: Cypher = {
  name: 'seed.load.end',
  text: `MATCH (l:SeedLoad {id: $load}) DELETE l`,
};

export const DELETE_JOURNAL: Cypher = {
  name: 'seed.journal.delete',
  text: `MATCH (u:SeedUndo {_load: $load}) WITH u LIMIT toInteger($limit) DELETE u RETURN count(*) AS done`,
};

/** Reset of a multi-transaction load, after its commit: what the new load does not hold goes. */
export const LIST_ENTITY_IDS: Cypher = {
  name: 'seed.prune.listNodes',
  text: `MATCH (n:Entity) WHERE n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)`,
};

export const DELETE_ENTITIES_BY_ID: Cypher = {
  name: 'seed.prune.deleteNodes',
  text: `UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n RETURN count(*) AS deleted`,
};

export const LIST_RELATIONSHIPS: Cypher = {
  name: 'seed.prune.listRelationships',
  text: `MATCH (a:Entity) WHERE a.id > $after WITH a ORDER BY a.id LIMIT toInteger($limit)
MATCH (a)-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props, elementId(r) AS elementId`,
};

export const DELETE_RELATIONSHIPS_BY_ELEMENT_ID: Cypher = {
  name: 'seed.prune.deleteRelationships',
  text: `UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r RETURN count(*) AS deleted`,
};
