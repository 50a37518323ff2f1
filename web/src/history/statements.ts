import { foldStatements, META_PROPERTIES, propertyChanges } from '../../../server/model/fold.ts';
import type { Properties, Statement } from '../api/types.ts';
import { countOf, formatValue } from '../graph/format.ts';

/*
 * An element's history as the explorer shows it. What a statement changes is the server's fold
 * (server/model/fold.ts, docs/model.md "History and provenance"), imported, never restated here: the History
 * section and the `changes` list follow one rule.
 */

export { META_PROPERTIES };

/** Values worth no line of their own: ids and kinds, and sort keys and precisions, which follow the values shown. */
const UNLISTED_VALUES: ReadonlySet<string> = new Set(['id', 'kind', 'entityId', 'sortDate', 'datePrecision']);

/** One value a statement states, against what was known before it. */
export interface ValueChange {
  property: string;
  before: unknown;
  after: unknown;
  /** `first`: no earlier statement gave it; `changed`: the fold says it changed; `same`: it changes nothing. */
  kind: 'first' | 'changed' | 'same';
}

export interface StatementDiff {
  statement: Statement;
  values: ValueChange[];
}

/** Whether a statement's value is one to show (not bookkeeping, provenance or a machine's, not empty). */
export function isShownValue(property: string, value: unknown): boolean {
  return (
    !META_PROPERTIES.has(property) &&
    !UNLISTED_VALUES.has(property) &&
    !property.startsWith('_') &&
    value !== undefined
  );
}

/**
 * Each statement (oldest first, as the API gives them) with the values it states, each compared with the fold of
 * the statements before it: what that document added, changed or only stated again. A value the server's
 * `propertyChanges` does not count as a change (the same value, or a coarser form of a date: `2013` after
 * `2013-02-22`) is `same`; for `aliases`, `after` is the new union.
 */
export function statementDiffs(history: readonly Statement[]): StatementDiff[] {
  return history.map((statement, index) => {
    const earlier = history.slice(0, index).map((s) => s.values);
    const known = foldStatements(earlier);
    const changes = new Map(propertyChanges(earlier, statement.values).map((c) => [c.property, c]));
    const values: ValueChange[] = [];
    for (const [property, stated] of Object.entries(statement.values ?? {})) {
      if (!isShownValue(property, stated)) continue;
      const change = changes.get(property);
      if (!change) values.push({ property, before: known[property], after: stated, kind: 'same' });
      else values.push({ ...change, kind: property in known ? 'changed' : 'first' });
    }
    return { statement, values };
  });
}

/** A value as the history shows it ("none" when there is nothing). */
export function formatStatedValue(value: unknown): string {
  return formatValue(value) ?? 'none';
}

/** "status: PENDING → TRIGGERED", "status: PENDING" (first stated), "status: PENDING (unchanged)". */
export function formatValueChange(change: ValueChange): string {
  const after = formatStatedValue(change.after);
  if (change.kind === 'first') return `${change.property}: ${after}`;
  if (change.kind === 'same') return `${change.property}: ${after} (unchanged)`;
  return `${change.property}: ${formatStatedValue(change.before)} → ${after}`;
}

/**
 * "Stated by 2 documents, 2013-09-20 to 2013-11-20", "Stated by 1 document, 2013-09-20": an element's provenance
 * from its `statedIn`, `since` and `lastStated`; null when it carries none.
 */
export function formatProvenance(properties: Properties): string | null {
  const { statedIn, since, lastStated } = properties;
  const count = Array.isArray(statedIn) ? statedIn.length : 0;
  const first = typeof since === 'string' ? since : null;
  const last = typeof lastStated === 'string' ? lastStated : null;
  if (!count && !first) return null;
  const span = first && last && last !== first ? `${first} to ${last}` : (first ?? last);
  return [count ? `Stated by ${countOf(count, 'document')}` : 'Stated', span].filter(Boolean).join(', ');
}

/** Whether a change touches a value worth listing (not a sort key, precision or provenance). */
export function isShownProperty(property: string | null): boolean {
  return property === null || isShownValue(property, true);
}
