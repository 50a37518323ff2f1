import { elementOfSubject } from '../../core/index.ts';
import type { Cypher } from '../../db/executor.ts';

/*
 * A source document's own fields: its whole text, its sentences with their places in it, and what it states (its
 * `facts`, subject keys resolved to the entities and relationships they name). Each is read only when asked for,
 * for a whole batch of documents in one round trip, starting from the unique index on Entity.id; sentences and
 * facts at most `$first` (LIMITS.maxDocumentSentences, maxDocumentFacts).
 */

/** Each document of `$ids` (as `d`), by the unique index on Entity.id; ids of anything else are left out. */
const DOCUMENTS = `
UNWIND $ids AS id
MATCH (d:Entity {id: id}) WHERE d:SourceDocument`;

export const DOCUMENT_TEXTS: Cypher = {
  name: 'documents.text',
  text: `${DOCUMENTS}
RETURN id, d.text AS text`,
};

export const DOCUMENT_SENTENCES: Cypher = {
  name: 'documents.sentences',
  text: `${DOCUMENTS}
RETURN id, COLLECT {
  MATCH (s:Sentence)-[:IN_DOCUMENT]->(d)
  WITH s ORDER BY s.index, s.id LIMIT toInteger($first)
  RETURN s {.id, .text, .start, .end}
} AS sentences`,
};

/**
 * What a document states, in the order of its `facts`, the first `$first` of them (`truncated` when there are more);
 * keys that name nothing any more are left out.
 */
export const DOCUMENT_FACTS: Cypher = {
  name: 'documents.facts',
  text: `${DOCUMENTS}
RETURN id, COLLECT {
  UNWIND range(0, size(coalesce(d.facts, [])[..toInteger($first)]) - 1) AS position
  WITH position, d.facts[position] AS key
  ${elementOfSubject('key').replaceAll('\n', '\n  ')}
  WITH position, node, edge ORDER BY position
  RETURN {node: node, edge: edge}
} AS facts, size(coalesce(d.facts, [])) > toInteger($first) AS truncated`,
};
