import { LIMITS } from '../../../server/core/limits.ts';
import { gql } from '../generated/gql.ts';
import type { EntityKind } from '../generated/graphql.ts';
import { request } from './client.ts';
import {
  type Change,
  type DrugInfo,
  type Graph,
  type GraphEdge,
  type PartnershipInfo,
  type PathResult,
  type RegulatoryEventInfo,
  type SearchHit,
  type SourceDocumentInfo,
  type Statement,
  withProperties,
} from './types.ts';

/**
 * Every GraphQL document the explorer sends, each with a typed function. The documents are checked against the
 * contract and typed from it by `npm run codegen` (web/src/generated); the functions hand the views the shapes of
 * types.ts. `asOf` (an ISO day, or null for today) asks the server for what was known on that day: only entities
 * known by then, with that day's values.
 */

// Fragments the operations below spread (codegen copies each into the documents that use it).
gql(`fragment DocumentRef on SourceDocument { id name date publisher url }`);
gql(`fragment CitationFields on Citation { id sentence document { ...DocumentRef } }`);
gql(
  `fragment StatementFields on Statement { date values document { ...DocumentRef } citations { ...CitationFields } }`,
);
gql(`fragment EdgeFields on GraphEdge { id source target type label }`);

/*
 * The API's caps (seeds, nodes, page sizes, path length) are the server's LIMITS, imported: the explorer asks for
 * at most what the server allows, and follows it when a cap changes.
 */

/** Pages fetched at most for the list views. */
const MAX_PAGES = 20;

export async function searchEntities(
  text: string,
  signal?: AbortSignal,
  kinds: readonly EntityKind[] | null = null,
): Promise<SearchHit[]> {
  const data = await request(
    gql(
      `query Search($text: String!, $first: Int, $kinds: [EntityKind!]) { search(text: $text, first: $first, kinds: $kinds) { id kind name score } }`,
    ),
    { text, first: 10, kinds: kinds ? [...kinds] : null },
    signal,
  );
  return data.search;
}

export interface GraphRequest {
  depth?: number;
  limit?: number;
  kinds?: readonly EntityKind[];
  asOf?: string | null;
}

export async function fetchGraph(
  ids: readonly string[],
  { depth = 1, limit = 300, kinds, asOf = null }: GraphRequest = {},
): Promise<Graph> {
  const data = await request(
    gql(`query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $asOf: Date) {
      graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, asOf: $asOf) {
        truncated
        nodes { id kind label properties }
        edges { ...EdgeFields properties }
      }
    }`),
    {
      ids: ids.slice(0, LIMITS.maxGraphSeeds),
      depth,
      limit: Math.min(limit, LIMITS.maxGraphLimit),
      kinds: kinds?.length ? [...kinds] : null,
      asOf,
    },
  );
  return withProperties(data.graph);
}

/** What the side panel shows of an entity. */
export interface EntityDetails {
  /** The entity, its neighbours and the relationships to them, each with citations. */
  graph: Graph;
  /** Its statements, oldest first; null when nothing was known about it (on `asOf`). */
  history: Statement[] | null;
}

export async function fetchDetails(id: string, asOf: string | null = null): Promise<EntityDetails> {
  const data = await request(
    gql(`query Details($ids: [ID!]!, $id: ID!, $asOf: Date) {
      graph(ids: $ids, depth: 1, limit: 300, asOf: $asOf) {
        truncated
        nodes { id kind label properties citations { ...CitationFields } }
        edges { ...EdgeFields properties citations { ...CitationFields } }
      }
      node(id: $id, asOf: $asOf) { id history { ...StatementFields } }
    }`),
    { ids: [id], id, asOf },
  );
  return {
    graph: withProperties(data.graph),
    history: data.node?.history ? withProperties(data.node.history) : null,
  };
}

/** What the side panel shows of a relationship: the edge with citations and history, and its two ends. */
export interface EdgeDetails {
  edge: GraphEdge | null;
  graph: Graph;
}

/**
 * A relationship, found by its id or (for the edges a view draws itself) by its type and ends: the graph of its
 * two ends holds every relationship between them.
 */
export async function fetchEdge(
  edge: Pick<GraphEdge, 'id' | 'source' | 'target' | 'type'>,
  asOf: string | null = null,
): Promise<EdgeDetails> {
  const data = await request(
    gql(`query Edge($ids: [ID!]!, $asOf: Date) {
      graph(ids: $ids, depth: 0, limit: 2, asOf: $asOf) {
        nodes { id kind label properties }
        edges { ...EdgeFields properties citations { ...CitationFields } history { ...StatementFields } }
      }
    }`),
    { ids: [edge.source, edge.target], asOf },
  );
  const graph = withProperties(data.graph);
  const { edges } = graph;
  const found =
    edges.find((e) => e.id === edge.id) ??
    edges.find((e) => e.type === edge.type && e.source === edge.source && e.target === edge.target) ??
    null;
  return { edge: found, graph };
}

/** A source document: its metadata, whole text, the places of its cited sentences, and what it states. */
export async function fetchDocument(id: string): Promise<SourceDocumentInfo | null> {
  const data = await request(
    gql(`query Document($id: ID!) {
      document(id: $id) {
        id title date publisher distributor place url text
        publishedBy { id name }
        sentences { id text start end }
        facts { nodes { id kind label } edges { ...EdgeFields } }
      }
    }`),
    { id },
  );
  return data.document;
}

export async function fetchPath(from: string, to: string): Promise<PathResult | null> {
  const data = await request(
    gql(`query Path($from: ID!, $to: ID!, $maxLength: Int) {
      path(from: $from, to: $to, maxLength: $maxLength) {
        length
        nodes { id kind label properties }
        edges { ...EdgeFields properties }
      }
    }`),
    { from, to, maxLength: LIMITS.maxPathLength },
  );
  return data.path && withProperties(data.path);
}

interface Page<T> {
  nodes: T[];
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Up to MAX_PAGES pages of a connection, and how many items it has in all (when it says). */
async function pages<T>(
  page: (after: string | null) => Promise<Page<T>>,
): Promise<{ items: T[]; totalCount: number }> {
  const items: T[] = [];
  let totalCount = 0;
  let after: string | null = null;
  for (let count = 0; count < MAX_PAGES; count++) {
    const connection: Page<T> = await page(after);
    items.push(...connection.nodes);
    totalCount = connection.totalCount ?? items.length;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return { items, totalCount };
}

const allPages = async <T>(page: (after: string | null) => Promise<Page<T>>) => (await pages(page)).items;

const PARTNERSHIPS = gql(`query Partnerships($after: String, $asOf: Date) {
  partnerships(first: 50, after: $after, asOf: $asOf) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name rights territory status summary
      startDate { date precision sortDate }
      parties { company { id name } role }
      drugs { id name }
      technologies { id name }
      milestones {
        id name status description
        amount { amount currency }
        payer { id name } payee { id name }
        trigger { id name date { date precision sortDate } }
      }
      royalties { id name basis rate description payer { id name } payee { id name } }
      citations { ...CitationFields }
    }
  }
}`);

export function fetchPartnerships(asOf: string | null = null): Promise<PartnershipInfo[]> {
  return allPages(async (after) => (await request(PARTNERSHIPS, { after, asOf })).partnerships);
}

const DRUGS = gql(`query Drugs($first: Int, $after: String, $asOf: Date) {
  drugs(first: $first, after: $after, asOf: $asOf) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name genericName modality highestPhase
      targets { id name } payload { id name } linker { id name } antibody { id name }
      companies { company { id name } relation }
      partnerships { id name parties { company { id name } role } }
    }
  }
}`);

export function fetchDrugs(asOf: string | null = null): Promise<DrugInfo[]> {
  return allPages(async (after) => (await request(DRUGS, { first: LIMITS.maxPageSize, after, asOf })).drugs);
}

const TIMELINE = gql(`query Timeline($first: Int, $after: String, $asOf: Date) {
  regulatoryEvents(first: $first, after: $after, asOf: $asOf) {
    pageInfo { hasNextPage endCursor }
    nodes { id name agency region eventType status date { date precision sortDate } drug { id name } regions { id name } }
  }
}`);

export function fetchRegulatoryEvents(asOf: string | null = null): Promise<RegulatoryEventInfo[]> {
  return allPages(
    async (after) => (await request(TIMELINE, { first: LIMITS.maxPageSize, after, asOf })).regulatoryEvents,
  );
}

const CHANGES = gql(`query Changes($from: Date!, $to: Date!, $first: Int, $after: String) {
  changes(from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      kind property before after date
      entity { id kind name }
      relationship { ...EdgeFields }
      document { ...DocumentRef }
      citations { ...CitationFields }
    }
  }
}`);

/** The changes stated after `from` and up to `to` (ISO days), oldest first, and how many there are in all. */
export async function fetchChanges(
  from: string,
  to: string,
): Promise<{ changes: Change[]; totalCount: number }> {
  const { items, totalCount } = await pages(
    async (after) => (await request(CHANGES, { from, to, first: LIMITS.maxChangesPage, after })).changes,
  );
  return { changes: items, totalCount };
}

export async function fetchStats(): Promise<{ totalNodes: number; totalRelationships: number }> {
  const data = await request(gql(`query Stats { stats { totalNodes totalRelationships } }`), {});
  return data.stats;
}
