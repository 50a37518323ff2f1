import { createHash } from 'node:crypto';
import type { Executor } from '../../../server/db/executor.ts';

export interface GraphState {
  nodes: number;
  relationships: number;
  /** SHA-256 over every node and relationship: element id, labels or type, endpoints, every property. */
  checksum: string;
}

/**
 * The whole graph, byte for byte: counts from Cypher, and a checksum over what Cypher returns for every node and
 * relationship (Neo4j Community has no hash function, so the digest itself is taken here). Element ids are part of
 * it, so even a delete-and-recreate of identical data shows. Not the seed lease (seed/lease.ts): a loader killed
 * while holding it leaves it behind until it ends, and it holds no data.
 */
export async function graphState(executor: Executor): Promise<GraphState> {
  const [counts] = await executor.read({
    name: 'test.state.counts',
    text: `CALL { MATCH (n) WHERE NOT n:SeedLease RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`,
  });
  const hash = createHash('sha256');
  const rows = await executor.read({
    name: 'test.state.dump',
    text: `CALL {
  MATCH (n) WHERE NOT n:SeedLease RETURN elementId(n) AS id, labels(n) AS kind, properties(n) AS props, null AS ends
  UNION ALL
  MATCH (a)-[r]->(b) RETURN elementId(r) AS id, [type(r)] AS kind, properties(r) AS props, [elementId(a), elementId(b)] AS ends
}
RETURN id, kind, props, ends ORDER BY id`,
  });
  for (const row of rows) hash.update(`${canonicalJson(row)}\n`);
  return {
    nodes: Number(counts?.nodes),
    relationships: Number(counts?.relationships),
    checksum: hash.digest('hex'),
  };
}

/** JSON with keys sorted and list elements kept in order (labels sorted: their order is not data). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (key, inner) => {
    if (key === 'kind' && Array.isArray(inner)) return [...inner].sort();
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.keys(inner)
          .sort()
          .map((k) => [k, (inner as Record<string, unknown>)[k]]),
      );
    }
    return inner;
  });
}
