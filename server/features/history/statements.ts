import type { StatementProps } from '../../model/fold.ts';
import {
  type StatementSubject,
  statedValues,
  statementOfElement,
  statementOfNode,
} from '../../model/statements.ts';
import type { StatementModel } from './history.model.ts';

/*
 * Statements as the API shows them: what one document says about a subject, from the shared statement form
 * (server/model/statements.ts): a `:Statement` node, or the element itself for a subject stated by one document.
 */

/** A statement as the `Statement` type shows it: an entity's `id` is the subject, not a value it states. */
function toModel(statement: StatementProps): StatementModel {
  const { id: _id, ...values } = statedValues(statement);
  return {
    document: String(statement._document),
    date: String(statement._date),
    values: statement._kind === 'relationship' ? statedValues(statement) : values,
    citedIn: statement.citedIn as string[],
  };
}

/** A `:Statement` node's properties as a statement. */
export const fromStatementNode = (props: Readonly<Record<string, unknown>>): StatementModel =>
  toModel(statementOfNode(props));

/**
 * The single statement of an element stated by one document (see statementOfElement); null for an element that
 * does not say where it comes from.
 */
export function fromElement(
  props: Readonly<Record<string, unknown>>,
  subject: StatementSubject,
): StatementModel | null {
  const statement = statementOfElement(props, subject);
  return statement._document ? toModel(statement) : null;
}

/** A subject's history from what the history queries return: its statement nodes, or else the element. */
export function historyOf(
  statements: unknown,
  element: unknown,
  subject: StatementSubject,
): StatementModel[] {
  if (Array.isArray(statements) && statements.length > 0) {
    return (statements as Record<string, unknown>[]).map(fromStatementNode);
  }
  if (element && typeof element === 'object') {
    const single = fromElement(element as Record<string, unknown>, subject);
    return single ? [single] : [];
  }
  return [];
}
