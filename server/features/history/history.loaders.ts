import DataLoader from 'dataloader';
import { type AsOf, LIMITS } from '../../core/index.ts';
import type { Cypher, Executor } from '../../db/executor.ts';
import type { StatementSubject } from '../../model/statements.ts';
import { parseSubject } from '../../model/subjects.ts';
import { NODE_HISTORY, RELATIONSHIP_HISTORY } from './history.cypher.ts';
import type { StatementModel } from './history.model.ts';
import { historyOf } from './statements.ts';

interface SubjectKey {
  /** An entity id or a relationship subject key. */
  readonly key: string;
  readonly asOf: AsOf;
  /** The most statements to read, the oldest. */
  readonly first: number;
}

/** Keys asked for with the same day and the same `first` share one round trip. */
const groupKey = (key: Omit<SubjectKey, 'key'>) => `${key.asOf ?? ''}\u0000${key.first}`;
const cacheKey = (key: SubjectKey) => `${groupKey(key)}\u0000${key.key}`;

/** Histories of every entity and relationship asked for in one tick, in one round trip per kind and day. */
export function createHistoryLoaders(executor: Executor) {
  const nodes = historyLoader(
    executor,
    NODE_HISTORY,
    (group) => ({ ids: group.map((key) => key.key) }),
    'node',
  );
  const relationships = historyLoader(
    executor,
    RELATIONSHIP_HISTORY,
    (group) => {
      const subjects = group.flatMap(({ key }) => {
        const subject = parseSubject(key);
        return subject?.kind === 'relationship' ? [{ key, ...subject }] : [];
      });
      return subjects.length === 0 ? null : { subjects };
    },
    'relationship',
  );

  return {
    /** An entity's statements, oldest first (up to `asOf` when given), at most `first`. */
    node: (id: string, asOf: AsOf = null, first: number = LIMITS.maxHistory) =>
      nodes.load({ key: id, asOf, first }),
    /** A relationship's statements by subject key, oldest first (up to `asOf` when given), at most `first`. */
    relationship: (key: string, asOf: AsOf = null, first: number = LIMITS.maxHistory) =>
      relationships.load({ key, asOf, first }),
  };
}

function byDayAndSize(keys: readonly SubjectKey[]) {
  const groups = new Map<string, { asOf: AsOf; first: number; group: SubjectKey[] }>();
  for (const key of keys) {
    const found = groups.get(groupKey(key));
    if (found) found.group.push(key);
    else groups.set(groupKey(key), { asOf: key.asOf, first: key.first, group: [key] });
  }
  return groups.values();
}

/**
 * A loader of one kind of subject's histories: `statement` read once per day and size with the parameters of that
 * group (`paramsOf`, null when nothing in it is worth reading), its rows keyed by their `key` column.
 */
function historyLoader(
  executor: Executor,
  statement: Cypher,
  paramsOf: (group: readonly SubjectKey[]) => Record<string, unknown> | null,
  kind: StatementSubject['kind'],
) {
  return new DataLoader<SubjectKey, StatementModel[], string>(
    async (keys) => {
      const results = new Map<string, StatementModel[]>();
      for (const { asOf, first, group } of byDayAndSize(keys)) {
        const params = paramsOf(group);
        if (!params) continue;
        const rows = await executor.read(statement, { ...params, asOf, first });
        for (const row of rows) {
          const subject = String(row.key);
          results.set(
            cacheKey({ key: subject, asOf, first }),
            historyOf(row.statements, row.element, { subject, kind }),
          );
        }
      }
      return keys.map((key) => results.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}
