import { propertyChanges, type StatementProps } from '../../model/fold.ts';
import { parseSubject } from '../../model/subjects.ts';
import type { ChangeKind } from './history.model.ts';
import { fromElement, fromStatementNode } from './statements.ts';

/*
 * Changes from what one document states about one subject (pure; the rows come from STATEMENTS_IN_WINDOW): the
 * subject was added when this document is its first (or its only one: a subject without statement nodes), otherwise
 * each property its statement gives a value other than the fold of the earlier statements changed. Changes are
 * ordered by document date, document id, entities before relationships, subject key and property, and that order,
 * as one string, is each change's cursor.
 */

/** One (document, subject) row of the window. */
export interface WindowRow {
  readonly document: string;
  readonly date: string;
  readonly key: string;
  /** The subject's statements up to and including this document's, oldest first; empty when it has none. */
  readonly statements: readonly StatementProps[];
}

/** A change before its elements are fetched. */
export interface ChangeDraft {
  readonly kind: ChangeKind;
  /** The subject key of what was added or changed. */
  readonly key: string;
  /** The entity added or changed, or the relationship's start. */
  readonly entityId: string;
  readonly property: string | null;
  readonly before: unknown;
  /** The value after; for an addition, what the document states (null until the element is read, see `single`). */
  readonly after: unknown;
  readonly date: string;
  readonly document: string;
  readonly citedIn: readonly string[];
  /** An addition of a subject stated by this document only: its values and citations are the element's. */
  readonly single: boolean;
  /** Its place in the order of all changes: compares as a string. */
  readonly order: string;
}

const SEPARATOR = '\u0000';

/** The changes one row states (none for a key that names nothing, or a row that is not this document's statement). */
function changesOfRow(row: WindowRow): ChangeDraft[] {
  const subject = parseSubject(row.key);
  if (!subject) return [];
  const isRelationship = subject.kind === 'relationship';
  const date = row.date.slice(0, 10);
  const base = {
    key: row.key,
    entityId: subject.kind === 'node' ? subject.id : subject.from,
    date,
    document: row.document,
  };
  const order = (property: string) =>
    [date, row.document, isRelationship ? '1' : '0', row.key, property].join(SEPARATOR);
  const kind = (added: boolean): ChangeKind =>
    isRelationship
      ? added
        ? 'RELATIONSHIP_ADDED'
        : 'RELATIONSHIP_CHANGED'
      : added
        ? 'ENTITY_ADDED'
        : 'PROPERTY_CHANGED';
  const added = { ...base, kind: kind(true), property: null, before: null, order: order('') };

  const current = row.statements.at(-1);
  if (!current) return [{ ...added, after: null, citedIn: [], single: true }];
  if (current._document !== row.document) return [];
  const statement = fromStatementNode(current);
  if (row.statements.length === 1) {
    return [{ ...added, after: statement.values, citedIn: statement.citedIn, single: false }];
  }
  return propertyChanges(row.statements.slice(0, -1), current).map((change) => ({
    ...base,
    kind: kind(false),
    property: change.property,
    before: change.before,
    after: change.after,
    citedIn: statement.citedIn,
    single: false,
    order: order(change.property),
  }));
}

/** Every change of the window's rows, in order. */
export function changesOf(rows: readonly WindowRow[]): ChangeDraft[] {
  return rows.flatMap(changesOfRow).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

/** What an addition of a subject stated by one document states: the element's values and citations. */
export function completeSingle(draft: ChangeDraft, element: Readonly<Record<string, unknown>>): ChangeDraft {
  const { labels: _labels, ...properties } = element;
  const kind = parseSubject(draft.key)?.kind ?? 'node';
  const statement = fromElement(properties, { subject: draft.key, kind });
  return statement ? { ...draft, after: statement.values, citedIn: statement.citedIn } : draft;
}
