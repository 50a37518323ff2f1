import { type CursorPosition, encodeCursor, LIMITS, toEntity } from '../../core/index.ts';
import type { Executor, Row } from '../../db/executor.ts';
import { badInput } from '../../errors.ts';
import { type EdgeRow, toGraphEdge } from '../graph/index.ts';
import { ELEMENTS_BY_SUBJECT, STATEMENTS_IN_WINDOW } from './changes.cypher.ts';
import { type ChangeDraft, changesOf, completeSingle, type WindowRow } from './changes.ts';
import type { ChangeConnectionModel, ChangeModel } from './history.model.ts';

/**
 * One page of the changes stated by the documents dated in (`from`, `to`]: the window's statements in one round
 * trip (at most `maxStatements`; a window that holds more is refused) (no elements: they are small), every change of the window found from them (for the total and the order),
 * then the elements of the page's changes only, in a second round trip.
 */
export async function changesPage(
  executor: Executor,
  window: { from: string; to: string },
  size: number,
  after: CursorPosition | null,
  maxStatements: number = LIMITS.maxChangesStatements,
): Promise<ChangeConnectionModel> {
  const rows = (await executor.read(STATEMENTS_IN_WINDOW, {
    ...window,
    limit: maxStatements + 1,
  })) as unknown as WindowRow[];
  if (statementsRead(rows) > maxStatements) {
    throw badInput(
      `"changes" reads at most ${maxStatements} statements; the window from ${window.from} to ${window.to} holds more: narrow it (a later "from" or an earlier "to").`,
    );
  }
  const all = changesOf(rows);
  const start = after ? firstAfter(all, after.key) : 0;
  const page = all.slice(start, start + size);
  const keys = [...new Set(page.map((draft) => draft.key))];
  const elements = keys.length ? await executor.read(ELEMENTS_BY_SUBJECT, { keys }) : [];
  const byKey = new Map(elements.map((row) => [String(row.key), row]));
  return {
    totalCount: all.length,
    items: page.flatMap((draft) => toChangeModel(draft, byKey.get(draft.key))),
    hasNextPage: start + size < all.length,
    hasPreviousPage: after !== null,
  };
}

/** How many statements the window's rows hold, a subject without statement nodes counting as one. */
const statementsRead = (rows: readonly WindowRow[]) =>
  rows.reduce((sum, row) => sum + Math.max(1, row.statements.length), 0);

/** The index of the first change after `order` (binary search: the list is sorted by order). */
function firstAfter(changes: readonly ChangeDraft[], order: string): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((changes[middle] as ChangeDraft).order <= order) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A change with its element; none when the element is not in the graph any more. */
function toChangeModel(draft: ChangeDraft, element: Row | undefined): ChangeModel[] {
  const node = element?.node as Record<string, unknown> | null | undefined;
  const edge = element?.edge as EdgeRow | null | undefined;
  const stated = node ?? edge?.properties;
  if (!stated) return [];
  const {
    key: _key,
    single: _single,
    order,
    ...change
  } = draft.single ? completeSingle(draft, stated) : draft;
  return [
    {
      ...change,
      entity: node ? toEntity(node) : null,
      relationship: edge ? toGraphEdge(edge) : null,
      cursor: encodeCursor({ key: order, id: change.entityId }),
    },
  ];
}
