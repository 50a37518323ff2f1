import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import {
  attachStatements,
  checkRange,
  citationsOf,
  type EntityModel,
  type GraphEdgeModel,
  type GraphNodeModel,
  historySize,
  idList,
  LIMITS,
  relationshipProperties,
  selectedFieldNames,
  toEntity,
} from '../../core/index.ts';
import type { Row } from '../../db/executor.ts';
import { badInput } from '../../errors.ts';
import type { GraphEdgeResolvers, GraphNodeResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { relationshipSubject } from '../../model/subjects.ts';
import { edgeLabel } from './edgeLabels.ts';
import { type GraphShape, graphStatement, MAX_GRAPH_EDGES, pathStatement } from './graph.cypher.ts';

/**
 * An edge as the graph Cypher returns it: as of a day, `restated` when it was stated again after the day, and then
 * `statements` (its statements up to the day, attached by attachStatements in entities/statements.ts) to fold.
 */
export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown> | null;
  restated?: unknown;
  statements?: unknown;
}

export const toGraphNode = (entity: EntityModel): GraphNodeModel => {
  const { kind, asOf, ...properties } = entity;
  return { id: entity.id, kind, label: entity.name, properties, ...(asOf ? { asOf } : {}) };
};

export const toGraphEdge = (row: EdgeRow, asOf: string | null = null): GraphEdgeModel => {
  const { statements, restated: _restated, ...edge } = row;
  const properties = { ...relationshipProperties(edge.properties, statements) };
  return { ...edge, properties, label: edgeLabel(row.type, properties), ...(asOf ? { asOf } : {}) };
};

/** Whether the selection reads every property of the nodes and of the edges (see GraphShape). */
function graphShape(info: GraphQLResolveInfo): GraphShape {
  const edgeFields = selectedFieldNames(info, ['edges']);
  return {
    nodeProperties: selectedFieldNames(info, ['nodes']).has('properties'),
    edgeProperties: edgeFields.has('properties') || edgeFields.has('history'),
  };
}

/** The subgraph around the seeds in one round trip (see graphStatement); seeds past the limit are dropped. */
async function subgraph(
  context: Context,
  seeds: string[],
  depth: number,
  kinds: string[] | null,
  limit: number,
  asOf: string | null,
  shape: GraphShape,
) {
  const cypher = graphStatement(depth, asOf !== null, shape);
  const rows = await context.executor.read(cypher, { ids: seeds.slice(0, limit), kinds, limit, asOf });
  await attachStatements(context.executor, rows, asOf);
  const [row] = rows;
  return {
    ...toGraph(row, asOf),
    truncated:
      seeds.length > limit ||
      row?.truncated === true ||
      ((row?.edges as unknown[]) ?? []).length > MAX_GRAPH_EDGES,
  };
}

function toGraph(row: Row | undefined, asOf: string | null = null) {
  const nodes = ((row?.nodes as unknown[]) ?? []).flatMap((value) => {
    const entity = toEntity(value, asOf);
    return entity ? [toGraphNode(entity)] : [];
  });
  const edges = ((row?.edges as EdgeRow[]) ?? [])
    .slice(0, MAX_GRAPH_EDGES)
    .map((edge) => toGraphEdge(edge, asOf));
  return { nodes, edges };
}

export const graphQuery: Pick<QueryResolvers, 'graph' | 'path'> = {
  graph: async (_parent, args, context, info) => {
    const seeds = idList('ids', args.ids, LIMITS.maxGraphSeeds);
    if (seeds.length === 0) throw badInput('"ids" must hold at least one id.');
    const depth = checkRange('depth', args.depth, 0, LIMITS.maxGraphDepth, 1);
    const limit = checkRange('limit', args.limit, 1, LIMITS.maxGraphLimit, 200);
    const kinds = args.kinds?.length ? args.kinds : null;
    return subgraph(context, seeds, depth, kinds, limit, args.asOf ?? null, graphShape(info));
  },
  path: async (_parent, args, context, info) => {
    const maxLength = checkRange('maxLength', args.maxLength, 1, LIMITS.maxPathLength, 4);
    idList('from', [args.from], 1);
    idList('to', [args.to], 1);
    if (args.from === args.to) {
      const entity = await context.loaders.node(args.from);
      return entity ? { length: 0, nodes: [toGraphNode(entity)], edges: [] } : null;
    }
    const cypher = pathStatement(maxLength, graphShape(info));
    const [row] = await context.executor.read(cypher, { from: args.from, to: args.to });
    if (!row) return null;
    const { nodes, edges } = toGraph(row);
    return { length: edges.length, nodes, edges };
  },
};

export const graphNode: GraphNodeResolvers = {
  citations: (node, _args, context) => citationsOf(context, node.properties.citedIn, node.asOf),
};

export const graphEdge: GraphEdgeResolvers = {
  type: (edge) => edge.type as GraphEdgeModel['type'] as 'OWNS',
  citations: (edge, _args, context) => citationsOf(context, edge.properties.citedIn, edge.asOf),
  history: (edge, { first }, context) =>
    context.loaders.history.relationship(
      relationshipSubject(edge.type, edge.source, edge.target, edge.properties),
      edge.asOf ?? null,
      historySize(first),
    ),
};
