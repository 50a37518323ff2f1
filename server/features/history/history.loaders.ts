import DataLoader from 'dataloader';
import type { Executor } from '../../db/executor.ts';
import { parseSubject } from '../../model/subjects.ts';
import type { AsOf } from '../entities/loaders.ts';
import { NODE_HISTORY, RELATIONSHIP_HISTORY } from './history.cypher.ts';
import type { StatementModel } from './history.model.ts';
import { historyOf } from './statements.ts';

interface SubjectKey {
  /** An entity id or a relationship subject key. */
  readonly key: string;
  readonly asOf: AsOf;
}

const cacheKey = (key: SubjectKey) => `${key.asOf ?? ''}\u0000${key.key}`;

/** Histories of every entity and relationship asked for in one tick, in one round trip per kind and day. */
export function createHistoryLoaders(executor: Executor) {
  const nodes = new DataLoader<SubjectKey, StatementModel[], string>(
    async (keys) => {
      const results = new Map<string, StatementModel[]>();
      for (const [asOf, group] of byAsOf(keys)) {
        const rows = await executor.read(NODE_HISTORY, { ids: group.map((key) => key.key), asOf });
        for (const row of rows) {
          results.set(cacheKey({ key: String(row.id), asOf }), historyOf(row.statements, row.element));
        }
      }
      return keys.map((key) => results.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );

  const relationships = new DataLoader<SubjectKey, StatementModel[], string>(
    async (keys) => {
      const results = new Map<string, StatementModel[]>();
      for (const [asOf, group] of byAsOf(keys)) {
        const subjects = group.flatMap(({ key }) => {
          const subject = parseSubject(key);
          return subject?.kind === 'relationship' ? [{ key, ...subject }] : [];
        });
        if (subjects.length === 0) continue;
        const rows = await executor.read(RELATIONSHIP_HISTORY, { subjects, asOf });
        for (const row of rows) {
          results.set(cacheKey({ key: String(row.key), asOf }), historyOf(row.statements, row.element));
        }
      }
      return keys.map((key) => results.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );

  return {
    /** An entity's statements, oldest first (up to `asOf` when given). */
    node: (id: string, asOf: AsOf = null) => nodes.load({ key: id, asOf }),
    /** A relationship's statements by subject key, oldest first (up to `asOf` when given). */
    relationship: (key: string, asOf: AsOf = null) => relationships.load({ key, asOf }),
  };
}

function byAsOf(keys: readonly SubjectKey[]): Map<AsOf, SubjectKey[]> {
  const groups = new Map<AsOf, SubjectKey[]>();
  for (const key of keys) groups.set(key.asOf, [...(groups.get(key.asOf) ?? []), key]);
  return groups;
}
