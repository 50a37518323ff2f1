import { type CursorPosition, encodeCursor } from './cursor.ts';
import type { ConnectionModel } from './entity.model.ts';
import { requireEntity } from './toEntity.ts';

/** A page item as the Cypher returns it: the node and its sort key. */
export interface PageRow {
  node: unknown;
  key: string;
}

/**
 * Shapes a page fetched with `LIMIT first + 1` into a connection: the extra item only tells that a next page
 * exists.
 */
export function toConnection(
  total: unknown,
  page: readonly PageRow[] | null | undefined,
  first: number,
  after: CursorPosition | null,
  asOf: string | null = null,
): ConnectionModel {
  const rows = page ?? [];
  const items = rows.slice(0, first).map((row) => {
    const node = requireEntity(row.node, asOf);
    return { cursor: encodeCursor({ key: row.key, id: node.id }), node };
  });
  return {
    totalCount: Number(total ?? 0),
    items,
    hasNextPage: rows.length > first,
    hasPreviousPage: after !== null,
  };
}
