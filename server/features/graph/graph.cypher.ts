import type { Cypher } from '../../db/executor.ts';
import { RELATIONSHIP_TYPES } from '../../model/kinds.ts';
import { whereAsOf } from '../entities/asOf.ts';
import { nodeMap, relationshipFields } from '../entities/entities.cypher.ts';
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

/** An edge map; as of a day, with the relationship's statements up to it when it was stated again after it. */
const EDGE = (r: string, a: string, b: string, asOf = false) =>
  `{id: elementId(${r}), source: ${a}.id, target: ${b}.id, type: type(${r}), ${relationshipFields(r, a, b, asOf)}}`;

/**
 * One breadth-first level: the frontier's distinct new neighbours of the allowed kinds, cut to the limit (as of a
 * day, only relationships and neighbours known then).
 */
const LEVEL = (asOf: boolean) => `
CALL (found, frontier) {
  UNWIND frontier AS a
  MATCH (a)-[${asOf ? 'r' : ''}:${TYPES}]-(m:Entity)
  WHERE ${whereAsOf(asOf, ['r', 'm'], ['NOT m IN found', '($kinds IS NULL OR any(label IN labels(m) WHERE label IN $kinds))'])}
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
 * nodes found, at most MAX_GRAPH_EDGES + 1 (one more says the edges were cut too). `asOf`: the as-of text (see
 * features/entities/asOf.ts): only seeds, relationships and nodes known on `$asOf`, as they were then.
 */
const graphByDepth = (asOf: boolean): readonly Cypher[] =>
  Array.from({ length: LIMITS.maxGraphDepth + 1 }, (_, depth) => ({
    name: `graph.depth${depth}${asOf ? '@asOf' : ''}`,
    text: `
MATCH (seed:Entity) WHERE ${whereAsOf(asOf, ['seed'], ['seed.id IN $ids', 'NOT seed:Sentence'])}
WITH collect(seed) AS found
WITH found, found AS frontier, false AS truncated${LEVEL(asOf).repeat(depth)}
RETURN truncated, [n IN found | ${nodeMap('n', false, undefined, asOf)}] AS nodes, COLLECT {
  UNWIND found AS a
  MATCH (a)-[r:${TYPES}]->(b) WHERE ${whereAsOf(asOf, ['r'], ['b IN found'])}
  RETURN ${EDGE('r', 'a', 'b', asOf)}
  LIMIT ${MAX_GRAPH_EDGES + 1}
} AS edges`,
  }));

export const GRAPH_BY_DEPTH: readonly Cypher[] = graphByDepth(false);
export const GRAPH_BY_DEPTH_AS_OF: readonly Cypher[] = graphByDepth(true);

/** Shortest paths, one text per maximum length (a variable-length bound cannot be a parameter). */
export const PATH_BY_LENGTH: readonly Cypher[] = Array.from({ length: LIMITS.maxPathLength }, (_, index) => ({
  name: `graph.path${index + 1}`,
  text: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE NOT a:Sentence AND NOT b:Sentence
MATCH p = shortestPath((a)-[:${TYPES}*..${index + 1}]-(b))
RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes, [r IN relationships(p) | ${EDGE('r', 'startNode(r)', 'endNode(r)')}] AS edges`,
}));
