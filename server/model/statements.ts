import { META_PROPERTIES, type StatementProps } from './fold.ts';

/*
 * Statements in one form (docs/model.md, "History and provenance"): the properties of a `:Statement` node, as the
 * fold (fold.ts) takes them. A subject stated by two or more documents has its statements as nodes; a subject stated
 * by one document is its own single statement, made here from the element. Pure functions, for the API's history
 * and changes and for the seed loader's plan.
 */

/** What a statement is about: its subject key, entity or relationship, and (when known) its label or type. */
export interface StatementSubject {
  readonly subject: string;
  readonly kind: 'node' | 'relationship';
  readonly label?: string;
}

/** A Neo4j date (or its string) as `YYYY-MM-DD`. */
const day = (value: unknown): string => String(value ?? '').slice(0, 10);

/** A list of ids; anything that is not a string left out. */
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * A `:Statement` node's properties as a statement: the values it states, `citedIn` as a list of ids, `_document`
 * and `_date` (`YYYY-MM-DD`), and `_subject`, `_kind`, `_label` as stored.
 */
export function statementOfNode(props: Readonly<Record<string, unknown>>): StatementProps {
  const statement: Record<string, unknown> = {};
  for (const key in props) if (!key.startsWith('_') && key !== 'citedIn') statement[key] = props[key];
  return {
    ...statement,
    citedIn: ids(props.citedIn),
    _document: String(props._document ?? ''),
    _date: day(props._date),
    _subject: props._subject,
    _kind: props._kind,
    _label: props._label,
  };
}

/**
 * The single statement of an element stated by one document (its stored properties, `subject` saying what it is):
 * its document is the first of `statedIn` (`''` when it has none), its date `since`, its values the domain
 * properties (not `citedIn`, `statedIn`, `since`, `lastStated`, nor an entity's `id`; null values left out), its
 * citations `citedIn`.
 */
export function statementOfElement(
  props: Readonly<Record<string, unknown>>,
  subject: StatementSubject,
): StatementProps {
  const statement: Record<string, unknown> = {};
  for (const key in props) {
    if (META_PROPERTIES.has(key) || (subject.kind === 'node' && key === 'id')) continue;
    if (props[key] !== null && props[key] !== undefined) statement[key] = props[key];
  }
  return {
    ...statement,
    citedIn: ids(props.citedIn),
    _document: ids(props.statedIn)[0] ?? '',
    _date: day(props.since),
    _subject: subject.subject,
    _kind: subject.kind,
    ...(subject.label !== undefined && { _label: subject.label }),
  };
}

/** What a statement states: its properties without `citedIn` and the bookkeeping (`_…`). */
export function statedValues(statement: StatementProps): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key in statement) if (!key.startsWith('_') && key !== 'citedIn') values[key] = statement[key];
  return values;
}
