/*
 * The fold of statements (docs/model.md, "History and provenance"): what an element holds after a sequence of
 * documents stated things about it. Pure functions, shared by the as-of answers (an element last stated after the
 * day asked about is folded from its statements up to that day) and by `changes` (a statement is compared with the
 * fold of the ones before it). It must agree with the loader's fold (seed/history.ts), which writes the current
 * state the graph stores.
 */

/** A statement as stored on a `:Statement` node: the values it states, `citedIn`, and `_`-prefixed bookkeeping. */
export type StatementProps = Readonly<Record<string, unknown>>;

/** Properties that accumulate over statements instead of being replaced. */
const UNIONS = new Set(['aliases', 'citedIn']);

/** Properties every stored element carries besides what its documents state. */
export const META_PROPERTIES: ReadonlySet<string> = new Set(['citedIn', 'statedIn', 'since', 'lastStated']);

/**
 * Properties elements store as Neo4j dates (ordering, range filters, "as of"); answers give them as `YYYY-MM-DD`.
 * A statement node's day is `_date`.
 */
export const ELEMENT_DATE_PROPERTIES: readonly string[] = ['sortDate', 'since', 'lastStated'];

/** Dates that may stand for a coarser form of themselves, with the properties that go with them. */
const LOOSE_DATES: Readonly<Record<string, readonly string[]>> = {
  date: ['date', 'datePrecision', 'sortDate'],
  // A partnership's start date; a trial's, with its sort date and whether it is actual or estimated.
  startDate: ['startDate', 'startSortDate', 'startDateType'],
  primaryCompletionDate: ['primaryCompletionDate', 'primaryCompletionSortDate', 'primaryCompletionDateType'],
  completionDate: ['completionDate', 'completionSortDate', 'completionDateType'],
};

/** `2013` after `2013-02-22`: a later, coarser form of the current date, which does not replace it. */
export function isCoarserForm(later: unknown, current: unknown): boolean {
  return (
    typeof later === 'string' &&
    typeof current === 'string' &&
    later.length < current.length &&
    current.startsWith(later)
  );
}

/** The properties a statement would not change in `current`: coarser forms of its loose dates. */
function keptByCoarserDates(statement: StatementProps, current: Readonly<Record<string, unknown>>) {
  const kept = new Set<string>();
  for (const [key, group] of Object.entries(LOOSE_DATES)) {
    if (isCoarserForm(statement[key], current[key])) for (const name of group) kept.add(name);
  }
  return kept;
}

/** Adds `values` not yet in `into`, in order. */
function addAll(into: unknown[], values: unknown) {
  if (!Array.isArray(values)) return;
  for (const value of values) if (!into.includes(value)) into.push(value);
}

/**
 * The element the statements (in document order) make: each property the value of the latest statement that
 * states it, except that a coarser form of a loose date does not replace a finer one; `aliases` and `citedIn` the
 * union of all of them. Bookkeeping (`_…`) is left out. Statement order is the caller's (Cypher sorts them).
 */
export function foldStatements(statements: readonly StatementProps[]): Record<string, unknown> {
  const folded: Record<string, unknown> = {};
  const unions = new Map<string, unknown[]>();
  for (const statement of statements) {
    const kept = keptByCoarserDates(statement, folded);
    for (const key in statement) {
      if (key.startsWith('_') || kept.has(key)) continue;
      if (UNIONS.has(key)) {
        const list = unions.get(key) ?? [];
        addAll(list, statement[key]);
        unions.set(key, list);
      } else {
        folded[key] = statement[key];
      }
    }
  }
  for (const [key, list] of unions) folded[key] = list;
  return folded;
}

/**
 * An element as it stood after `statements` (its statements up to a day, in document order): their fold, with
 * `statedIn`, `since` and `lastStated` of those statements, as the loader stores them for the latest day.
 */
export function foldElement(statements: readonly StatementProps[]): Record<string, unknown> {
  const first = statements[0];
  const last = statements.at(-1);
  return {
    ...foldStatements(statements),
    statedIn: statements.map((statement) => statement._document),
    ...(first && { since: first._date }),
    ...(last && { lastStated: last._date }),
  };
}

/** One property a statement changes, with its value before (the fold of the earlier statements) and after. */
export interface PropertyChange {
  readonly property: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * What `statement` changes in the element the `earlier` statements made: every property it states whose value
 * differs from the earlier fold (a coarser form of a loose date changes nothing; `aliases` changes when it adds an
 * alias, `after` being the new union). `citedIn` is where a change is stated, not a change, and `id` never
 * changes. Properties come in name order.
 */
export function propertyChanges(
  earlier: readonly StatementProps[],
  statement: StatementProps,
): PropertyChange[] {
  const before = foldStatements(earlier);
  const kept = keptByCoarserDates(statement, before);
  const changes: PropertyChange[] = [];
  for (const property of Object.keys(statement).sort()) {
    if (property.startsWith('_') || property === 'citedIn' || property === 'id' || kept.has(property))
      continue;
    const old = before[property] ?? null;
    if (property === 'aliases') {
      const union = [...((old as unknown[] | null) ?? [])];
      addAll(union, statement[property]);
      if (union.length > ((old as unknown[] | null)?.length ?? 0))
        changes.push({ property, before: old, after: union });
      continue;
    }
    const value = statement[property] ?? null;
    if (!sameValue(old, value)) changes.push({ property, before: old, after: value });
  }
  return changes;
}

/** Structural equality of stored values (strings, numbers, booleans, lists of them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  return false;
}
