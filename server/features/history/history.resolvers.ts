import type { Context } from '../../context.ts';
import type { Row } from '../../db/executor.ts';
import { badInput } from '../../errors.ts';
import type {
  ChangeConnectionResolvers,
  ChangeResolvers,
  QueryResolvers,
  StatementResolvers,
} from '../../generated/graphql.ts';
import { decodeCursor, encodeCursor } from '../entities/cursor.ts';
import { citationsOf } from '../entities/fields.ts';
import { checkRange, LIMITS } from '../entities/limits.ts';
import { toEntity } from '../entities/toEntity.ts';
import { type EdgeRow, toGraphEdge } from '../graph/index.ts';
import { ELEMENTS_BY_SUBJECT, STATEMENTS_IN_WINDOW } from './changes.cypher.ts';
import { type ChangeDraft, changesOf, completeSingle, type WindowRow } from './changes.ts';
import type { ChangeConnectionModel, ChangeModel, StatementModel } from './history.model.ts';

export const statement: StatementResolvers = {
  document: async (item: StatementModel, _args, context) => requireDocument(context, item.document),
  date: (item) => item.date,
  values: (item) => item.values,
  citations: (item, _args, context) => citationsOf(context, item.citedIn),
};

export const change: ChangeResolvers = {
  kind: (item) => item.kind,
  entity: async (item: ChangeModel, _args, context) => {
    const entity = item.entity ?? (await context.loaders.node(item.entityId));
    if (!entity) throw new Error(`change of ${item.entityId}: no such entity`);
    return entity;
  },
  relationship: (item) => item.relationship,
  property: (item) => item.property,
  before: (item) => item.before,
  after: (item) => item.after,
  date: (item) => item.date,
  document: (item, _args, context) => requireDocument(context, item.document),
  citations: (item, _args, context) => citationsOf(context, item.citedIn),
};

export const changeConnection: ChangeConnectionResolvers = {
  totalCount: (page: ChangeConnectionModel) => page.totalCount,
  nodes: (page) => [...page.items],
  pageInfo: (page) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.items[0]?.cursor ?? null,
    endCursor: page.items.at(-1)?.cursor ?? null,
  }),
};

/** How many changes a page holds when `first` is not given (the schema's default). */
const DEFAULT_CHANGES_PAGE = 50;

export const historyQuery: Pick<QueryResolvers, 'changes'> = {
  changes: async (_parent, { from, to, first, after }, context) => {
    if (from > to) throw badInput('"from" must not be after "to".');
    const size = checkRange('first', first, 1, LIMITS.maxChangesPage, DEFAULT_CHANGES_PAGE);
    const position = decodeCursor(after);
    const rows = await context.executor.read(STATEMENTS_IN_WINDOW, { from, to });
    const all = changesOf(rows as unknown as WindowRow[]);
    const start = position ? firstAfter(all, position.key) : 0;
    const page = all.slice(start, start + size);
    // Only the page's elements are read: the window's rows carry none.
    const keys = [...new Set(page.map((draft) => draft.key))];
    const elements = keys.length ? await context.executor.read(ELEMENTS_BY_SUBJECT, { keys }) : [];
    const byKey = new Map(elements.map((row) => [String(row.key), row]));
    return {
      totalCount: all.length,
      items: page.flatMap((draft) => toChangeModel(draft, byKey.get(draft.key))),
      hasNextPage: start + size < all.length,
      hasPreviousPage: position !== null,
    };
  },
};

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
  const change = draft.single ? completeSingle(draft, stated) : draft;
  return [
    {
      kind: change.kind,
      entityId: change.entityId,
      entity: node ? toEntity(node) : null,
      relationship: edge ? toGraphEdge(edge) : null,
      property: change.property,
      before: change.before,
      after: change.after,
      date: change.date,
      document: change.document,
      citedIn: change.citedIn,
      cursor: encodeCursor({ key: change.order, id: change.entityId }),
    },
  ];
}

async function requireDocument(context: Context, id: string) {
  const document = await context.loaders.node(id);
  if (document?.kind !== 'SourceDocument') throw new Error(`no source document ${id}`);
  return document;
}
