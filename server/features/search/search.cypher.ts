import { nodeMap } from '../../core/index.ts';
import type { Cypher } from '../../db/executor.ts';

/*
 * Full-text candidates from the `entity_search` index (Entity name, aliases, genericName), then the kinds filter,
 * then a rank that puts exact names and aliases first and names starting with the text next, Lucene's score
 * within each rank, and the id to break ties so results are stable. Hits carry the properties the operation reads.
 */
export const SEARCH: Cypher = {
  name: 'search.fulltext',
  text: `
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($candidates)}) YIELD node, score
WHERE NOT node:Sentence AND ($kinds IS NULL OR any(label IN labels(node) WHERE label IN $kinds))
WITH node, score, toLower(coalesce(node.name, '')) AS name,
  [alias IN coalesce(node.aliases, []) + coalesce(node.genericName, []) | toLower(alias)] AS aliases
WITH node, score,
  CASE
    WHEN name = $text OR $text IN aliases THEN 0
    WHEN name STARTS WITH $text OR any(alias IN aliases WHERE alias STARTS WITH $text) THEN 1
    ELSE 2
  END AS rank
RETURN ${nodeMap('node', true)} AS node, score, rank
ORDER BY rank, score DESC, node.id
LIMIT toInteger($first)`,
};
