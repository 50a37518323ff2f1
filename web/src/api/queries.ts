import { graphql } from './client.ts';
import type {
  DrugInfo,
  Graph,
  PartnershipInfo,
  PathResult,
  RegulatoryEventInfo,
  SearchHit,
} from './types.ts';

/** Every GraphQL document the explorer sends, each with a typed function. */

const CITATION = 'citations { id sentence document { id name date publisher url } }';
const REF = 'id name';
const FUZZY_DATE = 'date { date precision sortDate }';

/** The most nodes one `graph` call may return (the API's own ceiling). */
export const GRAPH_LIMIT = 2000;
/** Pages of 100 fetched at most for the list views. */
const MAX_PAGES = 20;

export async function searchEntities(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await graphql<{ search: SearchHit[] }>(
    'query Search($text: String!, $first: Int) { search(text: $text, first: $first) { id kind name score } }',
    { text, first: 10 },
    signal,
  );
  return data.search;
}

export async function fetchGraph(
  ids: readonly string[],
  depth = 1,
  limit = 300,
  kinds?: readonly string[],
): Promise<Graph> {
  const data = await graphql<{ graph: Graph }>(
    `query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!]) {
      graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds) {
        truncated
        nodes { id kind label properties }
        edges { id source target type label properties }
      }
    }`,
    {
      ids: ids.slice(0, 50),
      depth,
      limit: Math.min(limit, GRAPH_LIMIT),
      kinds: kinds?.length ? kinds : null,
    },
  );
  return data.graph;
}

/** An entity, its neighbours and the relationships to them, each with citations: what the side panel shows. */
export async function fetchDetails(id: string): Promise<Graph> {
  const data = await graphql<{ graph: Graph }>(
    `query Details($ids: [ID!]!) {
      graph(ids: $ids, depth: 1, limit: 300) {
        truncated
        nodes { id kind label properties ${CITATION} }
        edges { id source target type label properties ${CITATION} }
      }
    }`,
    { ids: [id] },
  );
  return data.graph;
}

export async function fetchPath(from: string, to: string): Promise<PathResult | null> {
  const data = await graphql<{ path: PathResult | null }>(
    `query Path($from: ID!, $to: ID!) {
      path(from: $from, to: $to, maxLength: 6) {
        length
        nodes { id kind label properties }
        edges { id source target type label properties }
      }
    }`,
    { from, to },
  );
  return data.path;
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function allPages<T>(
  query: string,
  field: string,
  variables: Record<string, unknown> = {},
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: Record<string, Page<T>> = await graphql<Record<string, Page<T>>>(query, {
      ...variables,
      after,
    });
    const connection = data[field] as Page<T>;
    out.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return out;
}

export function fetchPartnerships(): Promise<PartnershipInfo[]> {
  return allPages<PartnershipInfo>(
    `query Partnerships($after: String) {
      partnerships(first: 50, after: $after) {
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
  );
}

export function fetchDrugs(): Promise<DrugInfo[]> {
  return allPages<DrugInfo>(
    `query Drugs($after: String) {
      drugs(first: 100, after: $after) {
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
  );
}

export function fetchRegulatoryEvents(): Promise<RegulatoryEventInfo[]> {
  return allPages<RegulatoryEventInfo>(
    `query Timeline($after: String) {
      regulatoryEvents(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id name agency region eventType status ${FUZZY_DATE} drug { ${REF} } regions { ${REF} } }
      }
    }`,
    'regulatoryEvents',
  );
}

export async function fetchStats(): Promise<{ totalNodes: number; totalRelationships: number }> {
  const data = await graphql<{ stats: { totalNodes: number; totalRelationships: number } }>(
    'query Stats { stats { totalNodes totalRelationships } }',
  );
  return data.stats;
}
