import { badInput } from '../errors.ts';
import type { ConnectionModel } from './model.ts';
import { requireEntity } from './toEntity.ts';

/**
 * Keyset cursors: the sort key and id of the last item seen, so a page starts right after it even when items are
 * added or removed elsewhere. Opaque to clients (base64url of a JSON pair).
 */
export interface CursorPosition {
  readonly key: string;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): CursorPosition | null {
  if (cursor === null || cursor === undefined) return null;
  if (cursor.length > 1000) throw badInput('"after" is not a cursor this API returned.');
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw badInput('"after" is not a cursor this API returned.');
}

/** The Cypher parameters of a cursor position. */
export const cursorParams = (position: CursorPosition | null) => ({
  afterKey: position?.key ?? null,
  afterId: position?.id ?? null,
});

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
