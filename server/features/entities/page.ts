import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import { type PageRow, toConnection } from './connection.ts';
import { cursorParams, decodeCursor } from './cursor.ts';
import type { ConnectionModel } from './entity.model.ts';
import { pageSize } from './limits.ts';
import { projectionOf } from './projection.ts';
import type { Prefetch } from './relations.ts';
import { type RootQuery, rootQuery } from './rootQuery.ts';
import { attachStatements } from './statements.ts';
import { requireEntity } from './toEntity.ts';

/**
 * Runs a root connection query: one round trip for the page, its total and the prefetched relations (only the
 * properties the operation reads, see projection.ts), which are primed into the request's loaders so nested fields resolve without further queries.
 */
export async function runRootQuery(
  context: Context,
  query: RootQuery,
  params: Record<string, unknown>,
  args: { first?: number | null; after?: string | null; asOf?: string | null },
  info: GraphQLResolveInfo,
): Promise<ConnectionModel> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after);
  const asOf = args.asOf ?? null;
  const rows = await context.executor.read(rootQuery(query, asOf !== null), {
    ...params,
    ...cursorParams(after),
    asOf,
    limit: first + 1,
    fields: projectionOf(info),
  });
  await attachStatements(context.executor, rows, asOf);
  const [row] = rows;
  const page = (row?.page ?? []) as (PageRow & { links?: unknown })[];
  primePage(context, page, query.prefetch ?? [], asOf);
  return toConnection(row?.total, page, first, after, asOf);
}

function primePage(
  context: Context,
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
