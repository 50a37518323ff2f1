import type { Cypher, Executor } from '../server/db/executor.ts';
import type { RelationshipType } from '../server/model/kinds.ts';
import { relationshipKey } from './compile.ts';
import {
  DELETE_CREATED,
  DELETE_ENTITIES_BY_ID,
  DELETE_JOURNAL,
  DELETE_OTHER_STATEMENTS,
  DELETE_RELATIONSHIPS_BY_ELEMENT_ID,
  END_LOAD,
  FIND_LOADS,
  LIST_ENTITY_IDS,
  LIST_RELATIONSHIPS,
  RESTORE_NODES,
  RESTORE_RELATIONSHIPS,
} from './cypher.ts';

/**
 * A load too large for one transaction runs as many, and stays all-or-nothing through a journal:
 * - a `(:SeedLoad {id, status: 'RUNNING'})` marker is written first;
 * - each batch transaction also writes, in the same transaction, the element ids it created and a copy of the
 *   old properties of everything it updated (`:SeedUndo` nodes);
 * - setting the marker to `COMMITTED` is the commit point; the journal is then deleted.
 * A load that stops before its commit point (killed loader, Neo4j crash) is rolled back from the journal by
 * the next load or the next server start: the database is again exactly as before. After the commit point the
 * only work left is deleting the journal (and the prune of a `--reset`), which is safe to repeat.
 */

const STEP_ROWS = 10_000;

export interface RecoveredLoad {
  id: string;
  status: 'RUNNING' | 'COMMITTED';
}

/** Rolls back every load that did not reach its commit point; tidies the journal of those that did. */
export async function recoverInterruptedLoads(executor: Executor): Promise<RecoveredLoad[]> {
  const loads = (await executor.read(FIND_LOADS)) as unknown as RecoveredLoad[];
  for (const load of loads) {
    if (load.status === 'RUNNING') await rollbackLoad(executor, load.id);
    else await finishLoad(executor, load.id);
  }
  return loads;
}

/** Undoes a load from its journal: old properties back, created elements deleted, marker removed. */
export async function rollbackLoad(executor: Executor, load: string): Promise<void> {
  await repeat(executor, RESTORE_NODES, { load, limit: STEP_ROWS });
  await repeat(executor, RESTORE_RELATIONSHIPS, { load, limit: STEP_ROWS });
  await repeat(executor, DELETE_CREATED, { load });
  await executor.write(END_LOAD, { load });
}

/** After the commit point: the journal is no longer needed. */
export async function finishLoad(executor: Executor, load: string): Promise<void> {
  await repeat(executor, DELETE_JOURNAL, { load, limit: STEP_ROWS });
  await executor.write(END_LOAD, { load });
}

/**
 * The `--reset` of a multi-transaction load, run after its commit point: deletes the entities whose ids the
 * load does not hold and the relationships it does not state. Safe to repeat.
 */
export async function pruneToLoad(
  executor: Executor,
  keep: { ids: ReadonlySet<string>; relationships: ReadonlySet<string>; statements: ReadonlySet<string> },
): Promise<{ nodes: number; relationships: number }> {
  await repeat(executor, DELETE_OTHER_STATEMENTS, { keep: [...keep.statements], limit: STEP_ROWS });
  let nodes = 0;
  let relationships = 0;
  let after = '';
  for (;;) {
    const page = (await executor.read(LIST_ENTITY_IDS, { after, limit: STEP_ROWS })).map(
      (row) => row.id as string,
    );
    if (page.length === 0) break;
    after = page[page.length - 1] as string;
    const doomed = page.filter((id) => !keep.ids.has(id));
    if (doomed.length)
      nodes += Number((await executor.write(DELETE_ENTITIES_BY_ID, { ids: doomed }))[0]?.deleted);
  }
  after = '';
  for (;;) {
    const fromIds = (await executor.read(LIST_ENTITY_IDS, { after, limit: 1_000 })).map(
      (row) => row.id as string,
    );
    if (fromIds.length === 0) break;
    const rows = await executor.read(LIST_RELATIONSHIPS, { after, limit: 1_000 });
    after = fromIds[fromIds.length - 1] as string;
    const doomed = rows
      .filter((row) => {
        const key = relationshipKey({
          type: row.type as RelationshipType,
          from: row.from as string,
          to: row.to as string,
          props: row.props as Record<string, unknown>,
        });
        return !keep.relationships.has(key);
      })
      .map((row) => row.elementId as string);
    if (doomed.length) {
      relationships += Number(
        (await executor.write(DELETE_RELATIONSHIPS_BY_ELEMENT_ID, { ids: doomed }))[0]?.deleted,
      );
    }
  }
  return { nodes, relationships };
}

async function repeat(executor: Executor, cypher: Cypher, params: Record<string, unknown>): Promise<void> {
  for (;;) {
    const rows = await executor.write(cypher, params);
    if (Number(rows[0]?.done ?? 0) === 0) return;
  }
}
