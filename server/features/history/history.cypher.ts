import type { Cypher } from '../../db/executor.ts';
import { STATEMENT_LABEL } from '../../model/subjects.ts';

/*
 * The statements of subjects (docs/model.md, "History and provenance"): `:Statement` nodes for a subject stated by
 * two or more documents, found through the `statement_subject` index; otherwise the element itself, its own single
 * statement. As of a day (`$asOf`, null for today), only statements of documents dated on or before it.
 */

const STATEMENTS = (subject: string) => `COLLECT {
  MATCH (statement:${STATEMENT_LABEL} {_subject: ${subject}})
  WHERE $asOf IS NULL OR statement._date <= date($asOf)
  WITH statement ORDER BY statement._date, statement._document LIMIT toInteger($first)
  RETURN properties(statement)
}`;

/** Whether a subject keeps its statements as nodes. */
const HAS_STATEMENTS = (subject: string) => `EXISTS { MATCH (:${STATEMENT_LABEL} {_subject: ${subject}}) }`;

/** Each entity's statements; `element` (its stored properties) when it has no Statement nodes. */
export const NODE_HISTORY: Cypher = {
  name: 'history.nodes',
  text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Sentence
RETURN id AS key, ${STATEMENTS('id')} AS statements,
  CASE WHEN NOT ${HAS_STATEMENTS('id')} AND ($asOf IS NULL OR n.since <= date($asOf))
    THEN n {.*, text: null, facts: null} END AS element`,
};

/**
 * Each relationship's statements, by subject key taken apart (`$subjects`: {key, type, from, to, identity}); the
 * type and identity values are compared, never spliced into the text.
 */
export const RELATIONSHIP_HISTORY: Cypher = {
  name: 'history.relationships',
  text: `
UNWIND $subjects AS subject
CALL (subject) {
  MATCH (:Entity {id: subject.from})-[r]->(:Entity {id: subject.to})
  WHERE type(r) = subject.type AND all(name IN keys(subject.identity) WHERE toString(r[name]) = subject.identity[name])
  RETURN r LIMIT 1
}
RETURN subject.key AS key, ${STATEMENTS('subject.key')} AS statements,
  CASE WHEN NOT ${HAS_STATEMENTS('subject.key')} AND ($asOf IS NULL OR r.since <= date($asOf))
    THEN properties(r) END AS element`,
};
