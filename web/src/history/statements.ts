import type { Properties, Statement } from '../api/types.ts';
import { countOf, formatValue } from '../graph/format.ts';

/** Values a statement carries for machines (ids, provenance, sort keys), not worth a line in its history. */
const MACHINE_VALUES: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'citedIn',
  'sortDate',
  'datePrecision',
  'statedIn',
  'since',
  'lastStated',
  'entityId',
]);

/** One value a statement states, against what was known before it. */
export interface ValueChange {
  property: string;
  before: unknown;
  after: unknown;
  /** `first`: no earlier statement gave it; `changed`: it differs from before; `same`: stated again. */
  kind: 'first' | 'changed' | 'same';
}

export interface StatementDiff {
  statement: Statement;
  values: ValueChange[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a statement's value is one to show (not a machine's, not empty). */
export function isShownValue(property: string, value: unknown): boolean {
  return !MACHINE_VALUES.has(property) && !property.startsWith('_') && value !== undefined;
}

/**
 * Each statement (oldest first, as the API gives them) with the values it states, each compared with the value
 * the statements before it had folded to: what that document added, changed or confirmed.
 */
export function statementDiffs(history: readonly Statement[]): StatementDiff[] {
  const known = new Map<string, unknown>();
  return history.map((statement) => {
    const values: ValueChange[] = [];
    for (const [property, after] of Object.entries(statement.values ?? {})) {
      if (!isShownValue(property, after)) continue;
      const before = known.get(property);
      const kind = !known.has(property) ? 'first' : same(before, after) ? 'same' : 'changed';
      values.push({ property, before, after, kind });
      known.set(property, after);
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

/** Properties every element carries about its own statements (docs/model.md, "History and provenance"). */
export const PROVENANCE_PROPERTIES: ReadonlySet<string> = new Set(['statedIn', 'since', 'lastStated']);

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
  return property === null || (isShownValue(property, true) && !PROVENANCE_PROPERTIES.has(property));
}
