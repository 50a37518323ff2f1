import type { GraphQLResolveInfo } from 'graphql';
import type { NodeKind } from '../model/kinds.ts';
import { pagesParam } from './cypher.ts';
import { FIELD_RELATIONS } from './entityTypes.ts';
import { pageSize } from './limits.ts';
import type { CoreContext } from './loaders.ts';
import type { ConnectionModel, EntityModel } from './model.ts';
import { cursorParams, decodeCursor, type PageRow, toConnection } from './paging.ts';
import type { Prefetch } from './relations.ts';
import { nodeQuery, type RootQuery, rootQuery } from './rootQuery.ts';
import { projectionOf, selectionPrefetch } from './selection.ts';
import { attachStatements } from './statements.ts';
import { requireEntity } from './toEntity.ts';

/**
 * Runs a root connection query: one round trip for the page, its total and the relations its selection reads (see
 * selection.ts; only the properties the operation reads, see selection.ts), which are primed into the request's
 * loaders so nested fields resolve without further queries.
 */
export async function runRootQuery(
  context: CoreContext,
  query: RootQuery,
  params: Record<string, unknown>,
  args: { first?: number | null; after?: string | null; asOf?: string | null },
  info: GraphQLResolveInfo,
): Promise<ConnectionModel> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after);
  const asOf = args.asOf ?? null;
  const prefetch = selectionPrefetch(info, FIELD_RELATIONS, query.kind, 'connection');
  const rows = await context.executor.read(rootQuery(query, prefetch, asOf !== null), {
    ...params,
    ...cursorParams(after),
    asOf,
    limit: first + 1,
    fields: projectionOf(info),
    pages: pagesParam(prefetch),
  });
  await attachStatements(context.executor, rows, asOf);
  const [row] = rows;
  const page = (row?.page ?? []) as (PageRow & { links?: unknown })[];
  primePage(context, page, prefetch, asOf);
  return toConnection(row?.total, page, first, after, asOf);
}

function primePage(
  context: CoreContext,
  page: readonly (PageRow & { links?: unknown })[],
  prefetch: readonly Prefetch[],
  asOf: string | null,
) {
  for (const item of page) {
    const entity = requireEntity(item.node, asOf);
    context.loaders.primeNode(entity);
    if (prefetch.length) context.loaders.prime(entity.id, prefetch, item.links, asOf);
  }
}

/**
 * A root field that returns one entity of a kind by id: with the relations its selection reads, fetched in one
 * round trip and primed into the loaders (see selection.ts); null when no entity of that kind has the id.
 */
export async function runNodeQuery(
  context: CoreContext,
  kind: NodeKind,
  id: string,
  asOf: string | null,
  info: GraphQLResolveInfo,
): Promise<EntityModel | null> {
  const prefetch = selectionPrefetch(info, FIELD_RELATIONS, kind);
  if (!prefetch.length) {
    const entity = await context.loaders.node(id, asOf);
    return entity?.kind === kind ? entity : null;
  }
  const rows = await context.executor.read(nodeQuery(kind, prefetch, asOf !== null), {
    id,
    asOf,
    fields: projectionOf(info),
    pages: pagesParam(prefetch),
  });
  await attachStatements(context.executor, rows, asOf);
  const [row] = rows;
  if (!row) return null;
  const entity = requireEntity(row.node, asOf);
  context.loaders.primeNode(entity);
  context.loaders.prime(entity.id, prefetch, row.links, asOf);
  return entity;
}
