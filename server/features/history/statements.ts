import { META_PROPERTIES } from '../../model/fold.ts';
import type { StatementModel } from './history.model.ts';

/*
 * Statements as the API shows them: what one document says about a subject. A `:Statement` node holds the values
 * under their own names plus `citedIn` and `_`-prefixed bookkeeping; a subject stated by one document is its own
 * single statement, made here from the element.
 */

/** Properties that are never a value a document states: the entity's id (the subject itself), and meta ones. */
const NOT_VALUES = new Set([...META_PROPERTIES, 'id']);

const day = (value: unknown): string => String(value ?? '').slice(0, 10);
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** A `:Statement` node's properties as a statement. */
export function fromStatementNode(props: Readonly<Record<string, unknown>>): StatementModel {
  const values: Record<string, unknown> = {};
  for (const key in props) if (!key.startsWith('_') && !NOT_VALUES.has(key)) values[key] = props[key];
  return {
    document: String(props._document ?? ''),
    date: day(props._date),
    values,
    citedIn: ids(props.citedIn),
  };
}

/**
 * The single statement of an element stated by one document: its document is the first of `statedIn`, its date
 * `since`, its values the domain properties. Null for an element that does not say where it comes from.
 */
export function fromElement(props: Readonly<Record<string, unknown>>): StatementModel | null {
  const [document] = ids(props.statedIn);
  if (!document) return null;
  const values: Record<string, unknown> = {};
  for (const key in props) {
    if (!NOT_VALUES.has(key) && props[key] !== null && props[key] !== undefined) values[key] = props[key];
  }
  return { document, date: day(props.since), values, citedIn: ids(props.citedIn) };
}

/** A subject's history from what the history queries return: its statement nodes, or else the element. */
export function historyOf(statements: unknown, element: unknown): StatementModel[] {
  if (Array.isArray(statements) && statements.length > 0) {
    return (statements as Record<string, unknown>[]).map(fromStatementNode);
  }
  if (element && typeof element === 'object') {
    const single = fromElement(element as Record<string, unknown>);
    return single ? [single] : [];
  }
  return [];
}
