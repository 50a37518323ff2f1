import type { Cypher } from '../../db/executor.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../model/kinds.ts';

/*
 * One count per label and per type, so each reads Neo4j's count store instead of scanning. The labels and
 * types are spliced from the allowlist in server/model/kinds.ts, never from user input.
 */
const nodeCounts = NODE_KINDS.map((kind) => `MATCH (n:${kind}) RETURN '${kind}' AS kind, count(n) AS count`);
const relationshipCounts = RELATIONSHIP_TYPES.map(
  (type) => `MATCH ()-[r:${type}]->() RETURN '${type}' AS kind, count(r) AS count`,
);

export const COUNT_NODES_BY_KIND: Cypher = {
  name: 'stats.nodesByKind',
  text: nodeCounts.join('\nUNION ALL\n'),
};

export const COUNT_RELATIONSHIPS_BY_TYPE: Cypher = {
  name: 'stats.relationshipsByType',
  text: relationshipCounts.join('\nUNION ALL\n'),
};
