import { elementOfSubject } from '../../core/index.ts';
import type { Cypher } from '../../db/executor.ts';
import { STATEMENT_LABEL } from '../../model/subjects.ts';

/**
 * Everything the documents dated in (`$from`, `$to`] state, one row per (document, subject): the documents come
 * from their dates (the `SourceDocument.since` range index finds them, whatever the planner's statistics), the
 * subjects from each document's `facts` (its subject keys), so the cost follows what the window holds, not the size
 * of the graph. Each row carries the subject's statements up to and including that document's, oldest first (none
 * for a subject stated by one document, which that document therefore added). Rows are kept small (no element):
 * changes.ts finds the changes of the whole window from them, and only the page shown fetches its elements
 * (ELEMENTS_BY_SUBJECT).
 *
 * What it reads is bounded: at most `$limit` statements, counting a subject without statement nodes as one, are
 * read before grouping (the caller asks for one more than it accepts, to tell a window that holds more).
 */
export const STATEMENTS_IN_WINDOW: Cypher = {
  name: 'history.changes',
  text: `
MATCH (d:SourceDocument) USING INDEX d:SourceDocument(since)
WHERE d.since > date($from) AND d.since <= date($to)
UNWIND coalesce(d.facts, []) AS key
OPTIONAL MATCH (statement:${STATEMENT_LABEL} {_subject: key}) USING INDEX statement:${STATEMENT_LABEL}(_subject)
WHERE statement._date < d.since OR (statement._date = d.since AND statement._document <= d.id)
WITH d, key, statement LIMIT toInteger($limit)
WITH d, key, statement ORDER BY statement._date, statement._document
RETURN d.id AS document, d.since AS date, key, collect(properties(statement)) AS statements`,
};

/** The elements subject keys name (`$keys`): entities as `node`, relationships as `edge` (see elementOfSubject). */
export const ELEMENTS_BY_SUBJECT: Cypher = {
  name: 'history.elements',
  text: `
UNWIND $keys AS key
${elementOfSubject('key')}
RETURN key, node, edge`,
};
