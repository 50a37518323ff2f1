import type { Cypher } from '../../db/executor.ts';
import { RELATIONSHIP_TYPES } from '../../model/kinds.ts';
import { LIMITS } from '../entities/limits.ts';

/**
 * The relationships `graph` and `path` walk: all but the provenance links (sentences and the documents that hold
 * them come as citations; walking through a press release would connect everything it mentions).
 */
const PROVENANCE = new Set<string>(['IN_DOCUMENT', 'PUBLISHED', 'QUOTED_IN', 'CONTACT_FOR']);
export const WALKED_TYPES = RELATIONSHIP_TYPES.filter((type) => !PROVENANCE.has(type));
const TYPES = WALKED_TYPES.join('|');

/** The most edges one `graph` answer carries. */
export const MAX_GRAPH_EDGES = 10_000;

const EDGE = (r: string, a: string, b: string) =>
  `{id: elementId(${r}), source: ${a}.id, target: ${b}.id, type: type(${r}), properties: properties(${r})}`;

/** One breadth-first level: the frontier's distinct new neighbours of the allowed kinds, cut to the limit. */
const LEVEL = `
CALL (found, frontier) {
  UNWIND frontier AS a
  MATCH (a)-[:${TYPES}]-(m:Entity)
  WHERE NOT m IN found AND ($kinds IS NULL OR any(label IN labels(m) WHERE label IN $kinds))
  WITH DISTINCT m LIMIT toInteger($limit) + 1
  RETURN collect(m) AS next
}
WITH found + next[..$limit - size(found)] AS found,
  CASE WHEN size(next) > $limit - size(found) THEN [] ELSE next END AS frontier,
  truncated OR size(next) > $limit - size(found) AS truncated`;

/**
 * The subgraph within `depth` steps of the seeds, breadth first, in one statement (one text per depth): each level
 * stops matching as soon as it has more new neighbours than the limit allows (so a hub does not expand in full),
 * and a level that hits the limit ends the walk with `truncated`. Then every walked relationship between the
 * nodes found, at most MAX_GRAPH_EDGES + 1 (one more says the edges were cut too).
 */
export const GRAPH_BY_DEPTH: readonly Cypher[] = Array.from(
  { length: LIMITS.maxGraphDepth + 1 },
  (_, depth) => ({
    name: `graph.depth${depth}`,
    text: `
MATCH (seed:Entity) WHERE seed.id IN $ids AND NOT seed:Sentence
WITH collect(seed) AS found
WITH found, found AS frontier, false AS truncated${LEVEL.repeat(depth)}
RETURN truncated, [n IN found | n {.*, labels: labels(n)}] AS nodes, COLLECT {
  UNWIND found AS a
  MATCH (a)-[r:${TYPES}]->(b) WHERE b IN found
  RETURN ${EDGE('r', 'a', 'b')}
  LIMIT ${MAX_GRAPH_EDGES + 1}
} AS edges`,
  }),
);

/** Shortest paths, one text per maximum length (a variable-length bound cannot be a parameter). */
export const PATH_BY_LENGTH: readonly Cypher[] = Array.from({ length: LIMITS.maxPathLength }, (_, index) => ({
  name: `graph.path${index + 1}`,
  text: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE NOT a:Sentence AND NOT b:Sentence
MATCH p = shortestPath((a)-[:${TYPES}*..${index + 1}]-(b))
RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes, [r IN relationships(p) | ${EDGE('r', 'startNode(r)', 'endNode(r)')}] AS edges`,
}));
