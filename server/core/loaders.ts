import DataLoader from 'dataloader';
import type { Executor, Row } from '../db/executor.ts';
import {
  CITATIONS_BY_SENTENCE_ID,
  NODES_BY_ID,
  NODES_BY_ID_AS_OF,
  pagedQuery,
  relatedQuery,
} from './cypher.ts';
import type { CitationModel, ConnectionModel, EntityModel } from './model.ts';
import { type CursorPosition, cursorParams, type PageRow, toConnection } from './paging.ts';
import type { Prefetch, RelationSpec } from './relations.ts';
import { attachStatements } from './statements.ts';
import { relationshipProperties, requireEntity, toEntity } from './toEntity.ts';

/** A relationship as a loader returns it, before the resolver adds the entity it started from. */
export interface RawLink {
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly node: EntityModel;
  /** The day the answer is about, null for today. */
  readonly asOf: string | null;
}

/** The day an answer is about (`YYYY-MM-DD`), null for today. Part of every loader key. */
export type AsOf = string | null;

interface NodeKey {
  readonly id: string;
  readonly asOf: AsOf;
}

interface RelatedKey extends NodeKey {
  readonly spec: RelationSpec;
}

interface PageKey extends RelatedKey {
  readonly first: number;
  readonly after: CursorPosition | null;
}

/** The raw shape of a link map in a result (see linksCollect). */
interface LinkRow {
  type: string;
  properties: Record<string, unknown> | null;
  statements?: unknown;
  node: unknown;
  links?: Record<string, LinkRow[]>;
}

/**
 * Per-request batching: every relationship list, page and citation asked for in one tick of GraphQL execution is
 * fetched in one Cypher round trip per relation spec (and day asked about), so the number of round trips follows
 * the shape of the query, never the size of the result. Built per request, so nothing is cached across requests.
 */
export function createLoaders(executor: Executor) {
  const node = new DataLoader<NodeKey, EntityModel | null, string>(
    async (keys) => {
      const results = new Map<string, EntityModel | null>();
      await Promise.all(
        groupBy(keys, (key) => key.asOf ?? '').map(async (group) => {
          const asOf = group[0].asOf;
          const cypher = asOf === null ? NODES_BY_ID : NODES_BY_ID_AS_OF;
          const rows = await executor.read(cypher, { ids: group.map((key) => key.id), asOf });
          await attachStatements(executor, rows, asOf);
          for (const row of rows) results.set(nodeKey({ id: String(row.id), asOf }), toEntity(row.n, asOf));
        }),
      );
      return keys.map((key) => results.get(nodeKey(key)) ?? null);
    },
    { cacheKeyFn: nodeKey },
  );

  const citation = new DataLoader<string, CitationModel | null>(async (ids) => {
    const rows = await executor.read(CITATIONS_BY_SENTENCE_ID, { ids });
    const byId = new Map<string, CitationModel>();
    for (const row of rows) {
      const document = toEntity(row.document);
      if (!document) continue;
      const index = typeof row.index === 'number' ? row.index : null;
      const since = typeof row.since === 'string' ? row.since.slice(0, 10) : null;
      byId.set(String(row.id), {
        id: String(row.id),
        sentence: String(row.sentence ?? ''),
        index,
        since,
        document,
      });
    }
    return ids.map((id) => byId.get(id) ?? null);
  });

  const related = new DataLoader<RelatedKey, RawLink[], string>(
    async (keys) => {
      const results = new Map<string, RawLink[]>();
      await Promise.all(
        groupBy(keys, (key) => `${key.spec.key}\u0000${key.asOf ?? ''}`).map(async (group) => {
          const { spec, asOf } = group[0];
          const cypher = relatedQuery(spec, asOf !== null);
          const rows = await executor.read(cypher, { ids: group.map((key) => key.id), asOf });
          await attachStatements(executor, rows, asOf);
          for (const row of rows) {
            results.set(relatedKey({ spec, id: String(row.id), asOf }), toLinks(row.links, asOf));
          }
        }),
      );
      return keys.map((key) => results.get(relatedKey(key)) ?? []);
    },
    { cacheKeyFn: relatedKey },
  );

  const page = new DataLoader<PageKey, ConnectionModel, string>(
    async (keys) => {
      const results = new Map<string, ConnectionModel>();
      await Promise.all(
        groupBy(keys, pageGroupKey).map(async (group) => {
          const { spec, first, after, asOf } = group[0];
          const rows: Row[] = await executor.read(pagedQuery(spec, asOf !== null), {
            ids: group.map((key) => key.id),
            limit: first + 1,
            asOf,
            ...cursorParams(after),
          });
          await attachStatements(executor, rows, asOf);
          for (const row of rows) {
            const connection = toConnection(row.total, row.page as PageRow[], first, after, asOf);
            results.set(`${pageGroupKey(group[0])}\u0000${String(row.id)}`, connection);
          }
        }),
      );
      return keys.map(
        (key) =>
          results.get(pageKey(key)) ?? {
            totalCount: 0,
            items: [],
            hasNextPage: false,
            hasPreviousPage: key.after !== null,
          },
      );
    },
    { cacheKeyFn: pageKey },
  );

  /**
   * Stores what a query fetched already (see prefetchedField), so resolvers below it find it without a round
   * trip: the links of each prefetched list, the first page of each paged field, and the entities in them.
   */
  const prime = (entityId: string, prefetch: readonly Prefetch[], links: unknown, asOf: AsOf) => {
    const bySpec = (links ?? {}) as Record<string, unknown>;
    for (const { spec, children = [], page: first } of prefetch) {
      const fetched = bySpec[spec.key];
      if (!fetched) continue;
      let rows: { node: unknown; links?: unknown }[];
      if (first === undefined) {
        rows = fetched as LinkRow[];
        related.prime({ spec, id: entityId, asOf }, toLinks(rows, asOf));
      } else {
        const { total, page: pageRows } = fetched as {
          total: unknown;
          page: (PageRow & { links?: unknown })[];
        };
        rows = pageRows;
        page.prime(
          { spec, id: entityId, first, after: null, asOf },
          toConnection(total, pageRows, first, null, asOf),
        );
      }
      for (const row of rows) {
        const entity = toEntity(row.node, asOf);
        if (entity && children.length) prime(entity.id, children, row.links, asOf);
        if (entity) node.prime({ id: entity.id, asOf }, entity);
      }
    }
  };

  return {
    /** Any entity by id, as it was on `asOf` (null: today); null when it did not exist then. */
    node: (id: string, asOf: AsOf = null) => node.load({ id, asOf }),
    /** Several entities by id, as `node` gives them. */
    nodes: async (ids: readonly string[], asOf: AsOf = null) =>
      (await node.loadMany(ids.map((id) => ({ id, asOf })))).map((item) =>
        item instanceof Error ? null : item,
      ),
    /** Stores an entity a query fetched already (under the day it was fetched for). */
    primeNode: (entity: EntityModel) => {
      node.prime({ id: entity.id, asOf: entity.asOf ?? null }, entity);
    },
    /** Cited sentences by id, with their documents. */
    citation,
    /** An entity's links of one spec. */
    related: (spec: RelationSpec, id: string, asOf: AsOf = null) => related.load({ spec, id, asOf }),
    /** A page of an entity's related entities of one spec. */
    page: (spec: RelationSpec, id: string, first: number, after: CursorPosition | null, asOf: AsOf = null) =>
      page.load({ spec, id, first, after, asOf }),
    prime,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the core's resolvers need of a request's context; the server's Context (server/context.ts) has more. */
export interface CoreContext {
  readonly executor: Executor;
  readonly loaders: Loaders;
}

const nodeKey = (key: NodeKey) => `${key.asOf ?? ''}\u0000${key.id}`;
const relatedKey = (key: RelatedKey) => `${key.spec.key}\u0000${nodeKey(key)}`;
const pageGroupKey = (key: PageKey) =>
  `${key.spec.key}\u0000${key.asOf ?? ''}\u0000${key.first}\u0000${key.after?.key ?? ''}\u0000${key.after?.id ?? ''}`;
const pageKey = (key: PageKey) => `${pageGroupKey(key)}\u0000${key.id}`;

function toLinks(value: unknown, asOf: AsOf): RawLink[] {
  if (!Array.isArray(value)) return [];
  return (value as LinkRow[]).map((row) => ({
    type: row.type,
    properties: relationshipProperties(row.properties, row.statements),
    node: requireEntity(row.node, asOf),
    asOf,
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
