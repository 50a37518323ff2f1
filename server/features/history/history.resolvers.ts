import type { Context } from '../../context.ts';
import {
  checkRange,
  citationsOf,
  decodeCursor,
  type EntityModel,
  historySize,
  LIMITS,
} from '../../core/index.ts';
import { badInput } from '../../errors.ts';
import type {
  ChangeConnectionResolvers,
  ChangeResolvers,
  QueryResolvers,
  StatementResolvers,
} from '../../generated/graphql.ts';
import { changesPage } from './changes.page.ts';
import type { ChangeConnectionModel, ChangeModel, StatementModel } from './history.model.ts';

/** The `history` field of every entity type: its statements, one per document, oldest first. */
export const entityHistory = {
  history: (entity: EntityModel, args: { first?: number | null }, context: Context) =>
    context.loaders.history.node(entity.id, entity.asOf ?? null, historySize(args.first)),
};

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

export const historyQuery: Pick<QueryResolvers, 'changes'> = {
  changes: (_parent, { from, to, first, after }, context) => {
    if (from > to) throw badInput('"from" must not be after "to".');
    const size = checkRange('first', first, 1, LIMITS.maxChangesPage);
    return changesPage(context.executor, { from, to }, size, decodeCursor(after));
  },
};

async function requireDocument(context: Context, id: string) {
  const document = await context.loaders.node(id);
  if (document?.kind !== 'SourceDocument') throw new Error(`no source document ${id}`);
  return document;
}
