import { badInput } from '../../errors.ts';

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
