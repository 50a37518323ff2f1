import type { GraphQLResolveInfo } from 'graphql';
import { pageSize } from './limits.ts';
import type { CoreContext } from './loaders.ts';
import type { CitationModel, ConnectionModel, EntityModel, FuzzyDateModel, LinkModel } from './model.ts';
import { decodeCursor } from './paging.ts';
import type { RelationSpec } from './relations.ts';
import { namedType } from './selection.ts';

/** Helpers that field resolvers share: relationship lists through the loaders, and property conversions. */

export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : String(value);

export const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * A stored value if the field's enum in schema.graphql has it, else null: the schema is the one list of values
 * (read with its own methods: `instanceof` checks fail when another copy of graphql built the schema).
 */
export function schemaEnum<T extends string>(value: unknown, info: GraphQLResolveInfo): T | null {
  const enumType = namedType(info.returnType) as { getValue?: (name: string) => unknown };
  return typeof value === 'string' && enumType.getValue?.(value) ? (value as T) : null;
}

/**
 * The cited sentences of a fact, in the order its `citedIn` lists them; unknown ids are skipped, and so, as of a
 * day (`asOf`), are sentences of documents dated after it.
 */
export async function citationsOf(
  context: CoreContext,
  citedIn: unknown,
  asOf: string | null | undefined = null,
): Promise<CitationModel[]> {
  const ids = strings(citedIn);
  if (ids.length === 0) return [];
  const found = await context.loaders.citation.loadMany(ids);
  return found.filter(
    (item): item is CitationModel =>
      item !== null && !(item instanceof Error) && (!asOf || (item.since !== null && item.since <= asOf)),
  );
}

/** An entity's links of one spec, each knowing the entity it starts from. */
export async function linksOf(
  context: CoreContext,
  spec: RelationSpec,
  from: EntityModel,
): Promise<LinkModel[]> {
  const links = await context.loaders.related(spec, from.id, from.asOf ?? null);
  return links.map((link) => ({ ...link, from }));
}

/** The distinct entities at the other end of an entity's links of one spec. */
export async function entitiesOf(
  context: CoreContext,
  spec: RelationSpec,
  from: EntityModel,
): Promise<EntityModel[]> {
  const links = await context.loaders.related(spec, from.id, from.asOf ?? null);
  const seen = new Set<string>();
  return links
    .map((link) => link.node)
    .filter((node) => {
      if (seen.has(node.id)) return false;
      seen.add(node.id);
      return true;
    });
}

/** The first entity at the other end, or null. */
export async function entityOf(
  context: CoreContext,
  spec: RelationSpec,
  from: EntityModel,
): Promise<EntityModel | null> {
  return (await entitiesOf(context, spec, from))[0] ?? null;
}

/** A page of related entities. */
export function pageOf(
  context: CoreContext,
  spec: RelationSpec,
  from: EntityModel,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionModel> {
  return context.loaders.page(
    spec,
    from.id,
    pageSize(args.first),
    decodeCursor(args.after),
    from.asOf ?? null,
  );
}

const PRECISIONS: readonly string[] = ['DAY', 'MONTH', 'QUARTER', 'YEAR', 'BY_YEAR_END', 'ON_OR_BEFORE'];

/** A loose date from its three properties; the precision is inferred from the ISO prefix when missing. */
export function fuzzyDate(date: unknown, precision: unknown, sortDate: unknown): FuzzyDateModel | null {
  const iso = text(date);
  if (!iso) return null;
  const inferred = iso.length >= 10 ? 'DAY' : iso.length >= 7 ? 'MONTH' : 'YEAR';
  return {
    date: iso,
    precision: typeof precision === 'string' && PRECISIONS.includes(precision) ? precision : inferred,
    sortDate: text(sortDate)?.slice(0, 10) ?? null,
  };
}
