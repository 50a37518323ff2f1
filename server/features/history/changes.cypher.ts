import type { Cypher } from '../../db/executor.ts';
import { STATEMENT_LABEL } from '../../model/subjects.ts';
import { elementOfSubject } from '../entities/entities.cypher.ts';

/**
 * Everything the documents dated in (`$from`, `$to`] state, one row per (document, subject): the documents come
 * from their dates, the subjects from each document's `facts` (its subject keys), so the cost follows what the
 * window holds, not the size of the graph. Each row carries the element (an entity, or a relationship found from
 * its key: type and endpoints split off, then the key compared whole, identity included) and the subject's
 * statements up to and including that document's, oldest first (none for a subject stated by one document).
 * changes.ts turns them into changes.
 */
export const STATEMENTS_IN_WINDOW: Cypher = {
  name: 'history.changes',
  text: `
MATCH (d:SourceDocument)
WHERE d.since > date($from) AND d.since <= date($to)
UNWIND coalesce(d.facts, []) AS key
${elementOfSubject('key')}
RETURN d.id AS document, d.since AS date, key, node, edge, COLLECT {
  MATCH (statement:${STATEMENT_LABEL} {_subject: key})
  WHERE statement._date < d.since OR (statement._date = d.since AND statement._document <= d.id)
  WITH statement ORDER BY statement._date, statement._document
  RETURN properties(statement)
} AS statements`,
};
