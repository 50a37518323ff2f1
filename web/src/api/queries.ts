import { LIMITS } from '../../../server/features/entities/limits.ts';
import { graphql } from './client.ts';
import type {
  Change,
  DrugInfo,
  Graph,
  GraphEdge,
  PartnershipInfo,
  PathResult,
  RegulatoryEventInfo,
  SearchHit,
  SourceDocumentInfo,
  Statement,
} from './types.ts';

/**
 * Every GraphQL document the explorer sends, each with a typed function. `asOf` (an ISO day, or null for today)
 * asks the server for what was known on that day: only entities known by then, with that day's values.
 */

const DOCUMENT_REF = 'document { id name date publisher url }';
const CITATION = `citations { id sentence ${DOCUMENT_REF} }`;
const HISTORY = `history { date values ${DOCUMENT_REF} ${CITATION} }`;
const REF = 'id name';
const FUZZY_DATE = 'date { date precision sortDate }';
const EDGE_FIELDS = 'id source target type label';

/*
 * The API's caps (seeds, nodes, page sizes, path length) are the server's LIMITS, imported: the explorer asks for
 * at most what the server allows, and follows it when a cap changes.
 */

/** Pages fetched at most for the list views. */
const MAX_PAGES = 20;

export async function searchEntities(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await graphql<{ search: SearchHit[] }>(
    'query Search($text: String!, $first: Int) { search(text: $text, first: $first) { id kind name score } }',
    { text, first: 10 },
    signal,
  );
  return data.search;
}

export interface GraphRequest {
  depth?: number;
  limit?: number;
  kinds?: readonly string[];
  asOf?: string | null;
}

export async function fetchGraph(
  ids: readonly string[],
  { depth = 1, limit = 300, kinds, asOf = null }: GraphRequest = {},
): Promise<Graph> {
  const data = await graphql<{ graph: Graph }>(
    `query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $asOf: Date) {
      graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, asOf: $asOf) {
        truncated
        nodes { id kind label properties }
        edges { ${EDGE_FIELDS} properties }
      }
    }`,
    {
      ids: ids.slice(0, LIMITS.maxGraphSeeds),
      depth,
      limit: Math.min(limit, LIMITS.maxGraphLimit),
      kinds: kinds?.length ? kinds : null,
      asOf,
    },
  );
  return data.graph;
}

/** What the side panel shows of an entity. */
export interface EntityDetails {
  /** The entity, its neighbours and the relationships to them, each with citations. */
  graph: Graph;
  /** Its statements, oldest first; null when nothing was known about it (on `asOf`). */
  history: Statement[] | null;
}

export async function fetchDetails(id: string, asOf: string | null = null): Promise<EntityDetails> {
  const data = await graphql<{ graph: Graph; node: { history: Statement[] } | null }>(
    `query Details($ids: [ID!]!, $id: ID!, $asOf: Date) {
      graph(ids: $ids, depth: 1, limit: 300, asOf: $asOf) {
        truncated
        nodes { id kind label properties ${CITATION} }
        edges { ${EDGE_FIELDS} properties ${CITATION} }
      }
      node(id: $id, asOf: $asOf) { id ${HISTORY} }
    }`,
    { ids: [id], id, asOf },
  );
  return { graph: data.graph, history: data.node?.history ?? null };
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
  const data = await graphql<{ graph: Graph }>(
    `query Edge($ids: [ID!]!, $asOf: Date) {
      graph(ids: $ids, depth: 0, limit: 2, asOf: $asOf) {
        nodes { id kind label properties }
        edges { ${EDGE_FIELDS} properties ${CITATION} ${HISTORY} }
      }
    }`,
    { ids: [edge.source, edge.target], asOf },
  );
  const { edges } = data.graph;
  const found =
    edges.find((e) => e.id === edge.id) ??
    edges.find((e) => e.type === edge.type && e.source === edge.source && e.target === edge.target) ??
    null;
  return { edge: found, graph: data.graph };
}

/** A source document: its metadata, whole text, the places of its cited sentences, and what it states. */
export async function fetchDocument(id: string): Promise<SourceDocumentInfo | null> {
  const data = await graphql<{ document: SourceDocumentInfo | null }>(
    `query Document($id: ID!) {
      document(id: $id) {
        id title date publisher distributor place url text
        publishedBy { ${REF} }
        sentences { id text start end }
        facts { nodes { id kind label } edges { ${EDGE_FIELDS} } }
      }
    }`,
    { id },
  );
  return data.document;
}

export async function fetchPath(from: string, to: string): Promise<PathResult | null> {
  const data = await graphql<{ path: PathResult | null }>(
    `query Path($from: ID!, $to: ID!, $maxLength: Int) {
      path(from: $from, to: $to, maxLength: $maxLength) {
        length
        nodes { id kind label properties }
        edges { id source target type label properties }
      }
    }`,
    { from, to, maxLength: LIMITS.maxPathLength },
  );
  return data.path;
}

interface Page<T> {
  nodes: T[];
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Up to MAX_PAGES pages of a connection, and how many items it has in all (when it says). */
async function pages<T>(
  query: string,
  field: string,
  variables: Record<string, unknown> = {},
): Promise<{ items: T[]; totalCount: number }> {
  const items: T[] = [];
  let totalCount = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: Record<string, Page<T>> = await graphql<Record<string, Page<T>>>(query, {
      ...variables,
      after,
    });
    const connection = data[field] as Page<T>;
    items.push(...connection.nodes);
    totalCount = connection.totalCount ?? items.length;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return { items, totalCount };
}

async function allPages<T>(query: string, field: string, variables: Record<string, unknown> = {}) {
  return (await pages<T>(query, field, variables)).items;
}

export function fetchPartnerships(asOf: string | null = null): Promise<PartnershipInfo[]> {
  return allPages<PartnershipInfo>(
    `query Partnerships($after: String, $asOf: Date) {
      partnerships(first: 50, after: $after, asOf: $asOf) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id name rights territory status summary
          startDate { date precision sortDate }
          parties { company { ${REF} } role }
          drugs { ${REF} }
          technologies { ${REF} }
          milestones {
            id name status description
            amount { amount currency }
            payer { ${REF} } payee { ${REF} }
            trigger { ${REF} ${FUZZY_DATE} }
          }
          royalties { id name basis rate description payer { ${REF} } payee { ${REF} } }
          ${CITATION}
        }
      }
    }`,
    'partnerships',
    { asOf },
  );
}

export function fetchDrugs(asOf: string | null = null): Promise<DrugInfo[]> {
  return allPages<DrugInfo>(
    `query Drugs($first: Int, $after: String, $asOf: Date) {
      drugs(first: $first, after: $after, asOf: $asOf) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id name genericName modality highestPhase
          targets { ${REF} } payload { ${REF} } linker { ${REF} } antibody { ${REF} }
          companies { company { ${REF} } relation }
          partnerships { id name parties { company { ${REF} } role } }
        }
      }
    }`,
    'drugs',
    { first: LIMITS.maxPageSize, asOf },
  );
}

export function fetchRegulatoryEvents(asOf: string | null = null): Promise<RegulatoryEventInfo[]> {
  return allPages<RegulatoryEventInfo>(
    `query Timeline($first: Int, $after: String, $asOf: Date) {
      regulatoryEvents(first: $first, after: $after, asOf: $asOf) {
        pageInfo { hasNextPage endCursor }
        nodes { id name agency region eventType status ${FUZZY_DATE} drug { ${REF} } regions { ${REF} } }
      }
    }`,
    'regulatoryEvents',
    { first: LIMITS.maxPageSize, asOf },
  );
}

/** The changes stated after `from` and up to `to` (ISO days), oldest first, and how many there are in all. */
export async function fetchChanges(
  from: string,
  to: string,
): Promise<{ changes: Change[]; totalCount: number }> {
  const { items, totalCount } = await pages<Change>(
    `query Changes($from: Date!, $to: Date!, $first: Int, $after: String) {
      changes(from: $from, to: $to, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          kind property before after date
          entity { id kind name }
          relationship { ${EDGE_FIELDS} }
          ${DOCUMENT_REF}
          ${CITATION}
        }
      }
    }`,
    'changes',
    { from, to, first: LIMITS.maxChangesPage },
  );
  return { changes: items, totalCount };
}

export async function fetchStats(): Promise<{ totalNodes: number; totalRelationships: number }> {
  const data = await graphql<{ stats: { totalNodes: number; totalRelationships: number } }>(
    'query Stats { stats { totalNodes totalRelationships } }',
  );
  return data.stats;
}
