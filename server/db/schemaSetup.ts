import type { Cypher, Executor } from './executor.ts';

/**
 * The constraints and indexes the loader and the API rely on, created idempotently (`IF NOT EXISTS`). Schema
 * commands cannot share a transaction with data writes, so each runs in its own.
 */
export const SCHEMA_STATEMENTS: readonly Cypher[] = [
  {
    name: 'schema.entityId',
    text: 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  },
  // Full-text search over names, aliases (LIST<STRING> is indexed element by element) and generic names;
  // `standard-folding` lower-cases and strips accents, so "kadcyla" and "Kadcýla" both find Kadcyla.
  {
    name: 'schema.entitySearch',
    text: `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.genericName]
OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false}}`,
  },
  ...rangeIndex('RegulatoryEvent', 'sortDate'),
  ...rangeIndex('RegulatoryEvent', 'agency'),
  ...rangeIndex('RegulatoryEvent', 'eventType'),
  ...rangeIndex('Drug', 'modality'),
  ...rangeIndex('Partnership', 'status'),
  ...rangeIndex('Milestone', 'status'),
  ...rangeIndex('Company', 'name'),
  ...rangeIndex('Sentence', 'index'),
  // History (docs/model.md): when each element was first stated, and the statements of subjects with a history.
  ...rangeIndex('Entity', 'since'),
  // The documents dated in a `changes` window (a SourceDocument's `since` is its date).
  ...rangeIndex('SourceDocument', 'since'),
  {
    name: 'schema.statementId',
    text: 'CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n._id IS UNIQUE',
  },
  {
    name: 'schema.statementSubject',
    text: 'CREATE INDEX statement_subject IF NOT EXISTS FOR (n:Statement) ON (n._subject)',
  },
  {
    name: 'schema.statementDocument',
    text: 'CREATE INDEX statement_document IF NOT EXISTS FOR (n:Statement) ON (n._document)',
  },
  {
    name: 'schema.statementDate',
    text: 'CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n._date)',
  },
  // The seed loader's journal (seed/journal.ts).
  {
    name: 'schema.seedLoad',
    text: 'CREATE CONSTRAINT seed_load_id IF NOT EXISTS FOR (n:SeedLoad) REQUIRE n.id IS UNIQUE',
  },
  {
    name: 'schema.seedLease',
    text: 'CREATE CONSTRAINT seed_lease_id IF NOT EXISTS FOR (n:SeedLease) REQUIRE n.id IS UNIQUE',
  },
  {
    name: 'schema.seedUndo',
    text: 'CREATE INDEX seed_undo_step IF NOT EXISTS FOR (n:SeedUndo) ON (n._load, n._step)',
  },
];

function rangeIndex(label: string, property: string): Cypher[] {
  const name = `${label.toLowerCase()}_${property.toLowerCase()}`;
  return [
    {
      name: `schema.${name}`,
      text: `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
    },
  ];
}

export const AWAIT_INDEXES: Cypher = { name: 'schema.awaitIndexes', text: 'CALL db.awaitIndexes($seconds)' };

export const DEFAULT_INDEX_WAIT_SECONDS = 60;

/** Creates what is missing and waits until every index is online. */
export async function ensureSchema(
  executor: Executor,
  waitSeconds = DEFAULT_INDEX_WAIT_SECONDS,
): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await executor.write(statement);
  // A procedure that only reads schema state: a read transaction is enough.
  await executor.read(AWAIT_INDEXES, { seconds: waitSeconds });
}
