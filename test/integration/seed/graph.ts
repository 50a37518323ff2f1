import { createHash } from 'node:crypto';
import { Executor } from '../../../server/db/executor.ts';
import type { TestDatabase } from '../../support/database.ts';

/** An executor for loads: a cold load plans some 50 statements, longer than one API query may take. */
export function loadExecutor(db: TestDatabase): Executor {
  return new Executor(db.driver, { timeoutMs: 10 * 60 * 1000, logger: db.logger });
}

/** Counts and a checksum of every label, type and property of the graph (bookkeeping nodes included). */
export async function graphChecksum(
  executor: Executor,
): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await executor.read({
    name: 'test.checksum.nodes',
    text: `MATCH (n) WITH n ORDER BY n.id, elementId(n)
RETURN labels(n) AS labels, properties(n) AS props`,
  });
  const relationships = await executor.read({
    name: 'test.checksum.relationships',
    text: `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
  });
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  const lines = [
    ...nodes.map((row) =>
      JSON.stringify(canonical({ ...row, labels: [...(row.labels as string[])].sort() })),
    ),
    ...relationships.map((row) => JSON.stringify(canonical(row))),
  ].sort();
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    hash: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

/** The texts of the cited sentences, in source order. */
export async function sentenceTexts(executor: Executor, ids: unknown): Promise<string[]> {
  const rows = await executor.read(
    {
      name: 'test.sentences',
      text: 'MATCH (s:Sentence) WHERE s.id IN $ids RETURN s.text AS text ORDER BY s.index, s.id',
    },
    { ids },
  );
  return rows.map((row) => row.text as string);
}
