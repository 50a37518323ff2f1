import type { Cypher } from '../../db/executor.ts';

/*
 * One count per label or type in a single round trip. The labels and types are parameters (Cypher 5.26
 * dynamic labels), always taken from the allowlist in server/model/kinds.ts, never from user input.
 */
export const COUNT_NODES_BY_KIND: Cypher = {
  name: 'stats.nodesByKind',
  text: 'UNWIND $kinds AS kind CALL (kind) { MATCH (n:$(kind)) RETURN count(n) AS count } RETURN kind, count',
};

export const COUNT_RELATIONSHIPS_BY_TYPE: Cypher = {
  name: 'stats.relationshipsByType',
  text: 'UNWIND $types AS kind CALL (kind) { MATCH ()-[r:$(kind)]->() RETURN count(r) AS count } RETURN kind, count',
};
