import DataLoader from 'dataloader';
import type { Executor, Row } from '../../db/executor.ts';
import type { CitationModel } from './citations.ts';
import { type PageRow, toConnection } from './connection.ts';
import { type CursorPosition, cursorParams } from './cursor.ts';
import { CITATIONS_BY_SENTENCE_ID, NODES_BY_ID, pagedQuery, relatedQuery } from './entities.cypher.ts';
import type { ConnectionModel, EntityModel } from './entity.model.ts';
import type { Prefetch, RelationSpec } from './relations.ts';
import { requireEntity, toEntity } from './toEntity.ts';

/** A relationship as a loader returns it, before the resolver adds the entity it started from. */
export interface RawLink {
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly node: EntityModel;
}

interface RelatedKey {
  readonly spec: RelationSpec;
  readonly id: string;
}

interface PageKey extends RelatedKey {
  readonly first: number;
  readonly after: CursorPosition | null;
}

/** The raw shape of a link map in a result (see linksCollect). */
interface LinkRow {
  type: string;
  properties: Record<string, unknown> | null;
  node: unknown;
  links?: Record<string, LinkRow[]>;
}

/**
 * Per-request batching: every relationship list, page and citation asked for in one tick of GraphQL execution is
 * fetched in one Cypher round trip per relation spec, so the number of round trips follows the shape of the query,
 * never the size of the result. Built per request, so nothing is cached across requests.
 */
export function createLoaders(executor: Executor) {
  const node = new DataLoader<string, EntityModel | null>(async (ids) => {
    const rows = await executor.read(NODES_BY_ID, { ids });
    const byId = new Map(rows.map((row) => [String(row.id), toEntity(row.n)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const citation = new DataLoader<string, CitationModel | null>(async (ids) => {
    const rows = await executor.read(CITATIONS_BY_SENTENCE_ID, { ids });
    const byId = new Map<string, CitationModel>();
    for (const row of rows) {
      const document = toEntity(row.document);
      if (!document) continue;
      const index = typeof row.index === 'number' ? row.index : null;
      byId.set(String(row.id), { id: String(row.id), sentence: String(row.sentence ?? ''), index, document });
    }
    return ids.map((id) => byId.get(id) ?? null);
  });

  const related = new DataLoader<RelatedKey, RawLink[], string>(
    async (keys) => {
      const results = new Map<string, RawLink[]>();
      await Promise.all(
        groupBy(keys, (key) => key.spec.key).map(async (group) => {
          const spec = group[0].spec;
          const rows = await executor.read(relatedQuery(spec), { ids: group.map((key) => key.id) });
          for (const row of rows) results.set(relatedKey(spec, String(row.id)), toLinks(row.links));
        }),
      );
      return keys.map((key) => results.get(relatedKey(key.spec, key.id)) ?? []);
    },
    { cacheKeyFn: (key) => relatedKey(key.spec, key.id) },
  );

  const page = new DataLoader<PageKey, ConnectionModel, string>(
    async (keys) => {
      const results = new Map<string, ConnectionModel>();
      await Promise.all(
        groupBy(keys, (key) => pageGroupKey(key)).map(async (group) => {
          const { spec, first, after } = group[0];
          const rows: Row[] = await executor.read(pagedQuery(spec), {
            ids: group.map((key) => key.id),
            limit: first + 1,
            ...cursorParams(after),
          });
          for (const row of rows) {
            const connection = toConnection(row.total, row.page as PageRow[], first, after);
            results.set(`${pageGroupKey(group[0])}\u0000${String(row.id)}`, connection);
          }
        }),
      );
      return keys.map(
        (key) =>
          results.get(`${pageGroupKey(key)}\u0000${key.id}`) ?? {
            totalCount: 0,
            items: [],
            hasNextPage: false,
            hasPreviousPage: key.after !== null,
          },
      );
    },
    { cacheKeyFn: (key) => `${pageGroupKey(key)}\u0000${key.id}` },
  );

  /** Stores links a root query fetched already, so resolvers below it find them without a round trip. */
  const prime = (entityId: string, prefetch: readonly Prefetch[], links: unknown) => {
    const bySpec = (links ?? {}) as Record<string, LinkRow[] | undefined>;
    for (const { spec, children = [] } of prefetch) {
      const rows = bySpec[spec.key];
      if (!rows) continue;
      related.prime({ spec, id: entityId }, toLinks(rows));
      for (const row of rows) {
        const entity = toEntity(row.node);
        if (entity && children.length) prime(entity.id, children, row.links);
        if (entity) node.prime(entity.id, entity);
      }
    }
  };

  return {
    /** Any entity by id. */
    node,
    /** Cited sentences by id, with their documents. */
    citation,
    /** An entity's links of one spec. */
    related: (spec: RelationSpec, id: string) => related.load({ spec, id }),
    /** A page of an entity's related entities of one spec. */
    page: (spec: RelationSpec, id: string, first: number, after: CursorPosition | null) =>
      page.load({ spec, id, first, after }),
    prime,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

const relatedKey = (spec: RelationSpec, id: string) => `${spec.key}\u0000${id}`;
const pageGroupKey = (key: PageKey) =>
  `${key.spec.key}\u0000${key.first}\u0000${key.after?.key ?? ''}\u0000${key.after?.id ?? ''}`;

function toLinks(value: unknown): RawLink[] {
  if (!Array.isArray(value)) return [];
  return (value as LinkRow[]).map((row) => ({
    type: row.type,
    properties: row.properties ?? {},
    node: requireEntity(row.node),
  }));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [T, ...T[]][] {
  const groups = new Map<string, [T, ...T[]]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}
