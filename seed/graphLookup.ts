import type { Cypher, Executor } from '../server/db/executor.ts';
import type { NodeKind } from '../server/model/kinds.ts';
import { COUNT_ENTITIES } from './cypher.ts';
import { nameKey } from './names.ts';

/** What validation asks of the graph a load goes into: ids the files refer to, and names they repeat. */
export interface GraphLookup {
  isEmpty(): Promise<boolean>;
  /** The label of each id the graph holds. */
  labelsOf(ids: readonly string[]): Promise<Map<string, NodeKind>>;
  /** Which of these sentence ids (`<document id>#<key>`) the graph holds as `Sentence` nodes. */
  sentencesIn(ids: readonly string[]): Promise<Set<string>>;
  /** For each name, the entities of its kind whose name or alias equals it (case- and accent-insensitive). */
  entitiesNamed(
    names: readonly { label: NodeKind; name: string }[],
  ): Promise<{ id: string; name: string }[][]>;
  /** Some entities of `label` with a name or alias holding `word` (full-text, at most 10): look-alike candidates. */
  entitiesWith(label: NodeKind, word: string): Promise<{ id: string; name: string }[]>;
}

const LABELS_OF: Cypher = {
  name: 'seed.lookup.labels',
  text: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label`,
};

/** Sentences carry the `Entity` label too (its id constraint is their index); labelsOf would name them. */
const SENTENCES_IN: Cypher = {
  name: 'seed.lookup.sentences',
  text: `UNWIND $ids AS id
MATCH (s:Entity {id: id}) WHERE s:Sentence
RETURN id`,
};

/** Candidates from the full-text index (case- and accent-folding); the exact comparison is nameKey's. */
const ENTITIES_NAMED: Cypher = {
  name: 'seed.lookup.names',
  text: `UNWIND $rows AS row
CALL (row) {
  CALL db.index.fulltext.queryNodes('entity_search', row.query) YIELD node
  WHERE row.label IN labels(node)
  RETURN node LIMIT 10
}
RETURN row.index AS index, node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases`,
};

const BATCH = 1_000;

/** A phrase for the full-text index: quoted, its quotes and backslashes escaped. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** Whether the graph holds no entities: the server then seeds it at start, and a journalled load takes the CREATE path. */
export async function isGraphEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.read(COUNT_ENTITIES);
  return Number(rows[0]?.count ?? 0) === 0;
}

export function graphLookup(executor: Executor): GraphLookup {
  let empty: Promise<boolean> | undefined;
  return {
    isEmpty() {
      empty ??= isGraphEmpty(executor);
      return empty;
    },
    async labelsOf(ids) {
      const labels = new Map<string, NodeKind>();
      if (!ids.length || (await this.isEmpty())) return labels;
      for (let i = 0; i < ids.length; i += BATCH) {
        const rows = await executor.read(LABELS_OF, { ids: ids.slice(i, i + BATCH) });
        for (const row of rows) labels.set(row.id as string, row.label as NodeKind);
      }
      return labels;
    },
    async sentencesIn(ids) {
      const found = new Set<string>();
      if (!ids.length || (await this.isEmpty())) return found;
      for (let i = 0; i < ids.length; i += BATCH) {
        const rows = await executor.read(SENTENCES_IN, { ids: ids.slice(i, i + BATCH) });
        for (const row of rows) found.add(row.id as string);
      }
      return found;
    },
    async entitiesWith(label, word) {
      const rows = [{ index: 0, label, query: quoted(word) }];
      return (await executor.read(ENTITIES_NAMED, { rows })).map((row) => ({
        id: row.id as string,
        name: String(row.name),
      }));
    },
    async entitiesNamed(names) {
      const found: { id: string; name: string }[][] = names.map(() => []);
      for (let i = 0; i < names.length; i += BATCH) {
        const rows = names.slice(i, i + BATCH).map(({ label, name }, offset) => ({
          index: i + offset,
          label,
          query: quoted(name),
        }));
        for (const row of await executor.read(ENTITIES_NAMED, { rows })) {
          const index = Number(row.index);
          const wanted = nameKey((names[index] as { name: string }).name);
          const all = [row.name, ...(row.aliases as string[])].filter(
            (n): n is string => typeof n === 'string',
          );
          const match = all.find((name) => nameKey(name) === wanted);
          if (match) found[index]?.push({ id: row.id as string, name: match });
        }
      }
      return found;
    },
  };
}
