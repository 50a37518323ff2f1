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

/**
 * One breadth-first step: the distinct new neighbours of the frontier, of the allowed kinds, at most `$budget`
 * (the LIMIT stops the expansion as soon as enough are found, so a hub does not expand in full).
 */
export const GRAPH_EXPAND: Cypher = {
  name: 'graph.expand',
  text: `
UNWIND $frontier AS id
MATCH (n:Entity {id: id})-[:${TYPES}]-(m:Entity)
WHERE NOT m.id IN $visited AND ($kinds IS NULL OR any(label IN labels(m) WHERE label IN $kinds))
RETURN DISTINCT m.id AS id
LIMIT toInteger($budget)`,
};

const EDGE = (r: string, a: string, b: string) =>
  `{id: elementId(${r}), source: ${a}.id, target: ${b}.id, type: type(${r}), properties: properties(${r})}`;

/** The chosen entities and every walked relationship between them. */
export const GRAPH_FETCH: Cypher = {
  name: 'graph.fetch',
  text: `
MATCH (n:Entity) WHERE n.id IN $ids AND NOT n:Sentence
WITH collect(n) AS nodes
RETURN nodes, COLLECT {
  UNWIND nodes AS a
  MATCH (a)-[r:${TYPES}]->(b:Entity) WHERE b.id IN $ids
  RETURN ${EDGE('r', 'a', 'b')}
  LIMIT ${MAX_GRAPH_EDGES + 1}
} AS edges`,
};

/** Shortest paths, one text per maximum length (a variable-length bound cannot be a parameter). */
export const PATH_BY_LENGTH: readonly Cypher[] = Array.from({ length: LIMITS.maxPathLength }, (_, index) => ({
  name: `graph.path${index + 1}`,
  text: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE NOT a:Sentence AND NOT b:Sentence
MATCH p = shortestPath((a)-[:${TYPES}*..${index + 1}]-(b))
RETURN nodes(p) AS nodes, [r IN relationships(p) | ${EDGE('r', 'startNode(r)', 'endNode(r)')}] AS edges`,
}));
