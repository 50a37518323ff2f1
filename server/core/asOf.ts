import type { Cypher } from '../db/executor.ts';
import { IDENTITY_PROPERTIES, STATEMENT_LABEL } from '../model/subjects.ts';

/*
 * Cypher fragments for answers "as of a day" (docs/model.md, "History and provenance"). Each statement that can
 * answer as of a day comes in two texts, built from the same code: today's, exactly as without history, and the
 * as-of one, which these fragments extend and which takes the day as the parameter `$asOf` (`YYYY-MM-DD`; never
 * spliced into the text, so one text per shape serves every day and stays in Neo4j's query cache; `date($asOf)`
 * is a runtime constant). Questions about today thus plan and run as before, and the as-of text is planned only
 * by those who ask for it. In the as-of text, an element last stated on or before the day (the usual case) costs
 * one property comparison more. An element stated again after the day comes flagged with its subject key
 * (`restated`), and its statements up to the day are read for the whole answer at once, in a second round trip
 * (statements.ts): the big texts stay free of subqueries, which would double their planning time.
 */

/** Whether an element (node or relationship) was known on the day: first stated on or before it. */
export const existsAsOf = (variable: string): string => `${variable}.since <= date($asOf)`;

/** `conditions` joined by AND, with the existence of `variables` on the day when `asOf`. */
export function whereAsOf(
  asOf: boolean,
  variables: readonly string[],
  conditions: readonly string[],
): string {
  return [...conditions, ...(asOf ? variables.map(existsAsOf) : [])].join(' AND ');
}

/** Whether an element's stored values are not what it held on the day (it was stated again after it). */
const restatedAfter = (variable: string): string => `${variable}.lastStated > date($asOf)`;

/**
 * An element's subject key when it was stated again after the day, so its stored values are not that day's (null
 * in the usual case): the answer's statements are then read for all such elements at once (statements.ts).
 * `subject` is its subject key as a Cypher expression.
 */
export function restatedSubject(variable: string, subject: string): string {
  return `CASE WHEN ${restatedAfter(variable)} THEN ${subject} END`;
}

/** Every statement of `$subjects` up to `$asOf`, oldest first per subject. */
export const STATEMENTS_AS_OF: Cypher = {
  name: 'entities.statementsAsOf',
  text: `
UNWIND $subjects AS subject
RETURN subject, COLLECT {
  MATCH (statement:${STATEMENT_LABEL} {_subject: subject}) WHERE statement._date <= date($asOf)
  WITH statement ORDER BY statement._date, statement._document
  RETURN properties(statement)
} AS statements`,
};

/**
 * One property's value on the day, for filters and sort keys: the stored value, or the latest statement's up to the
 * day that states it. (A coarser date stated later does replace a finer one here; the fold of a whole element,
 * which the answers show, keeps the finer: schema.graphql says so where `RegulatoryEventWhere.from`/`to` are
 * described. Filters and orders by name or alias compare today's values, also said in the schema.)
 */
function valueAsOf(variable: string, property: string, subject = `${variable}.id`): string {
  return `CASE WHEN ${restatedAfter(variable)} THEN COLLECT {
    MATCH (statement:${STATEMENT_LABEL} {_subject: ${subject}})
    WHERE statement._date <= date($asOf) AND statement.${property} IS NOT NULL
    WITH statement ORDER BY statement._date DESC, statement._document DESC LIMIT 1
    RETURN statement.${property}
  }[0] ELSE ${variable}.${property} END`;
}

/** A property of an entity: stored (today), or its value on the day (`asOf`). */
export const propertyOf = (variable: string, property: string, asOf: boolean): string =>
  asOf ? valueAsOf(variable, property) : `${variable}.${property}`;

/** A property of a relationship: stored (today), or its value on the day (`asOf`). */
export const relationshipValueOf = (rel: string, property: string, asOf: boolean): string =>
  asOf ? valueAsOf(rel, property, relationshipSubjectOf(rel)) : `${rel}.${property}`;

/**
 * The subject key of relationship `rel` from `start` to `end` (node expressions: variables where the pattern binds
 * them), as a Cypher expression.
 */
export function relationshipSubjectOf(
  rel: string,
  start = `startNode(${rel})`,
  end = `endNode(${rel})`,
): string {
  const identities = Object.entries(IDENTITY_PROPERTIES).map(
    ([type, names]) =>
      `WHEN '${type}' THEN ${(names ?? []).map((name) => `'@' + coalesce(toString(${rel}.${name}), '')`).join(' + ')}`,
  );
  const identity = identities.length ? ` + CASE type(${rel}) ${identities.join(' ')} ELSE '' END` : '';
  return `type(${rel}) + ':' + ${start}.id + '>' + ${end}.id${identity}`;
}
