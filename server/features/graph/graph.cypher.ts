import { cachedStatements, nodeMap, relationshipFields, whereAsOf } from '../../core/index.ts';
import type { Cypher } from '../../db/executor.ts';
import { RELATIONSHIP_TYPES } from '../../model/kinds.ts';
import { EDGE_LABEL_READS } from './edgeLabels.ts';

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
 * What a graph answer's nodes and edges carry: every property (when `properties` is asked for, or an edge's
 * `history`, which reads its identity), or only what their labels and citations read.
 */
export interface GraphShape {
  readonly nodeProperties: boolean;
  readonly edgeProperties: boolean;
}

const NODE_LABEL_PROPERTIES = ['name', 'citedIn'];
const EDGE_LABEL_PROPERTIES = [...EDGE_LABEL_READS, 'citedIn'];

/** A node map of the shape; as of a day, flagged when it was stated again after it (see nodeMap). */
const NODE = (n: string, shape: GraphShape, asOf = false) =>
  nodeMap(n, shape.nodeProperties ? false : NODE_LABEL_PROPERTIES, undefined, asOf);

/** An edge map of the shape; as of a day, with the relationship's statements up to it when it was stated again after it. */
const EDGE = (r: string, a: string, b: string, shape: GraphShape, asOf = false) =>
  `{id: elementId(${r}), source: ${a}.id, target: ${b}.id, type: type(${r}), ${relationshipFields(r, a, b, asOf, shape.edgeProperties ? undefined : EDGE_LABEL_PROPERTIES)}}`;

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
 * The subgraph within `depth` steps of the seeds, breadth first, in one statement (one text per depth, day and
 * shape): each level stops matching as soon as it has more new neighbours than the limit allows (so a hub does not
 * expand in full), and a level that hits the limit ends the walk with `truncated`. Then every walked relationship
 * between the nodes found, at most MAX_GRAPH_EDGES + 1 (one more says the edges were cut too). `asOf`: the as-of
 * text (see core/asOf.ts): only seeds, relationships and nodes known on `$asOf`, as they were then.
 */
export const graphStatement = cachedStatements(
  (depth: number, asOf: boolean, shape: GraphShape) => `${depth}${shapeName(shape)}${asOf ? '@asOf' : ''}`,
  (key, depth, asOf, shape): Cypher => ({
    name: `graph.depth${key}`,
    text: `
MATCH (seed:Entity) WHERE ${whereAsOf(asOf, ['seed'], ['seed.id IN $ids', 'NOT seed:Sentence'])}
WITH collect(seed) AS found
WITH found, found AS frontier, false AS truncated${LEVEL(asOf).repeat(depth)}
RETURN truncated, [n IN found | ${NODE('n', shape, asOf)}] AS nodes, COLLECT {
  UNWIND found AS a
  MATCH (a)-[r:${TYPES}]->(b) WHERE ${whereAsOf(asOf, ['r'], ['b IN found'])}
  RETURN ${EDGE('r', 'a', 'b', shape, asOf)}
  LIMIT ${MAX_GRAPH_EDGES + 1}
} AS edges`,
  }),
);

/** Shortest paths, one text per maximum length (a variable-length bound cannot be a parameter) and shape. */
export const pathStatement = cachedStatements(
  (maxLength: number, shape: GraphShape) => `${maxLength}${shapeName(shape)}`,
  (key, maxLength, shape): Cypher => ({
    name: `graph.path${key}`,
    text: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE NOT a:Sentence AND NOT b:Sentence
MATCH p = shortestPath((a)-[:${TYPES}*..${maxLength}]-(b))
RETURN [n IN nodes(p) | ${NODE('n', shape)}] AS nodes, [r IN relationships(p) | ${EDGE('r', 'startNode(r)', 'endNode(r)', shape)}] AS edges`,
  }),
);

/** `:nodes`/`:edges` for each kind of element whose properties the shape leaves out. */
const shapeName = (shape: GraphShape) =>
  `${shape.nodeProperties ? '' : ':nodes'}${shape.edgeProperties ? '' : ':edges'}`;
