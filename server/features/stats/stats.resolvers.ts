import type { KindCount, QueryResolvers } from '../../generated/graphql.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../model/kinds.ts';
import { COUNT_NODES_BY_KIND, COUNT_RELATIONSHIPS_BY_TYPE } from './stats.cypher.ts';

const total = (counts: KindCount[]) => counts.reduce((sum, { count }) => sum + count, 0);

export const statsQuery: Pick<QueryResolvers, 'stats'> = {
  stats: async (_parent, _args, { executor }) => {
    const [nodes, relationships] = await Promise.all([
      executor.read(COUNT_NODES_BY_KIND, { kinds: NODE_KINDS }),
      executor.read(COUNT_RELATIONSHIPS_BY_TYPE, { types: RELATIONSHIP_TYPES }),
    ]);
    const asCounts = (rows: typeof nodes) =>
      rows.map((row) => ({ kind: String(row.kind), count: Number(row.count) }));
    return {
      nodes: asCounts(nodes),
      relationships: asCounts(relationships),
      totalNodes: total(asCounts(nodes)),
      totalRelationships: total(asCounts(relationships)),
    };
  },
};
