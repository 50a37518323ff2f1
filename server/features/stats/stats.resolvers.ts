import type { Row } from '../../db/executor.ts';
import type { KindCount, QueryResolvers } from '../../generated/graphql.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../model/kinds.ts';
import { COUNT_NODES_BY_KIND, COUNT_RELATIONSHIPS_BY_TYPE } from './stats.cypher.ts';

const total = (counts: KindCount[]) => counts.reduce((sum, { count }) => sum + count, 0);

/** A count for every name in `names`, in that order: a label or type the store has never seen has no row. */
function countsOf(names: readonly string[], rows: Row[]): KindCount[] {
  const found = new Map(rows.map((row) => [String(row.kind), Number(row.count)]));
  return names.map((kind) => ({ kind, count: found.get(kind) ?? 0 }));
}

export const statsQuery: Pick<QueryResolvers, 'stats'> = {
  stats: async (_parent, _args, { executor }) => {
    const [nodeRows, relationshipRows] = await Promise.all([
      executor.read(COUNT_NODES_BY_KIND),
      executor.read(COUNT_RELATIONSHIPS_BY_TYPE),
    ]);
    const nodes = countsOf(NODE_KINDS, nodeRows);
    const relationships = countsOf(RELATIONSHIP_TYPES, relationshipRows);
    return { nodes, relationships, totalNodes: total(nodes), totalRelationships: total(relationships) };
  },
};
