import type { GraphEdgeModel } from '../entities/entity.model.ts';
import { propertyChanges, type StatementProps } from '../entities/fold.ts';
import type { ChangeKind } from './history.model.ts';
import { fromElement, fromStatementNode } from './statements.ts';

/*
 * Changes from what one document states about one subject (pure; the rows come from STATEMENTS_IN_WINDOW): the
 * subject was added when this document is its first, otherwise each property its statement gives a value other than
 * the fold of the earlier statements changed. Changes are ordered by document date, document id, entities before
 * relationships, subject key and property, and that order, as one string, is each change's cursor.
 */

/** One (document, subject) row of the window. */
export interface WindowRow {
  readonly document: string;
  readonly date: string;
  readonly key: string;
  /** The entity, when the subject is one. */
  readonly node: Readonly<Record<string, unknown>> | null;
  /** The relationship, when the subject is one (null when it is not in the graph any more). */
  readonly edge: (Omit<GraphEdgeModel, 'label'> & { properties: Record<string, unknown> | null }) | null;
  /** The subject's statements up to and including this document's, oldest first; empty when it has none. */
  readonly statements: readonly StatementProps[];
}

/** A change before its entity and relationship are resolved. */
export interface ChangeDraft {
  readonly kind: ChangeKind;
  /** The entity added or changed, or the relationship's start. */
  readonly entityId: string;
  readonly node: Readonly<Record<string, unknown>> | null;
  readonly edge: WindowRow['edge'];
  readonly property: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly date: string;
  readonly document: string;
  readonly citedIn: readonly string[];
  /** Its place in the order of all changes: compares as a string. */
  readonly order: string;
}

const SEPARATOR = '\u0000';

/** The changes one row states (none when the row is not this document's statement, which the data never has). */
export function changesOfRow(row: WindowRow): ChangeDraft[] {
  const isRelationship = row.edge !== null;
  const element = row.edge ? row.edge.properties : withoutLabels(row.node);
  const entityId = row.edge ? row.edge.source : typeof row.node?.id === 'string' ? row.node.id : null;
  if (!element || !entityId) return [];
  const date = row.date.slice(0, 10);
  const base = { entityId, node: row.node, edge: row.edge, date, document: row.document };
  const order = (property: string) =>
    [date, row.document, isRelationship ? '1' : '0', row.key, property].join(SEPARATOR);

  const current = row.statements.at(-1);
  if (!current) {
    // Stated by one document: the element is its statement, and this document added it.
    const single = fromElement(element);
    if (!single || single.document !== row.document) return [];
    return [added(base, isRelationship, single.values, single.citedIn, order(''))];
  }
  if (current._document !== row.document) return [];
  const statement = fromStatementNode(current);
  if (row.statements.length === 1) {
    return [added(base, isRelationship, statement.values, statement.citedIn, order(''))];
  }
  return propertyChanges(row.statements.slice(0, -1), current).map((change) => ({
    ...base,
    kind: isRelationship ? 'RELATIONSHIP_CHANGED' : 'PROPERTY_CHANGED',
    property: change.property,
    before: change.before,
    after: change.after,
    citedIn: statement.citedIn,
    order: order(change.property),
  }));
}

function withoutLabels(node: WindowRow['node']) {
  if (!node) return null;
  const { labels: _labels, ...properties } = node;
  return properties;
}

function added(
  base: Pick<ChangeDraft, 'entityId' | 'node' | 'edge' | 'date' | 'document'>,
  isRelationship: boolean,
  values: Readonly<Record<string, unknown>>,
  citedIn: readonly string[],
  order: string,
): ChangeDraft {
  return {
    ...base,
    kind: isRelationship ? 'RELATIONSHIP_ADDED' : 'ENTITY_ADDED',
    property: null,
    before: null,
    after: values,
    citedIn,
    order,
  };
}

/** Every change of the window's rows, in order. */
export function changesOf(rows: readonly WindowRow[]): ChangeDraft[] {
  return rows.flatMap(changesOfRow).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}
