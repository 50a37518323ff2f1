import type { Change } from '../api/types.ts';
import { humanize } from '../graph/format.ts';
import { formatStatedValue, isShownProperty } from './statements.ts';

/** The days `changes(from, to)` is asked for: after `from`, up to and including `to`. */
export interface ChangeWindow {
  from: string;
  to: string;
}

/** Today as an ISO day, in the user's time zone (what a date input shows). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * "Changes since `since`" as of `asOf` (today when null): the window to ask the server for, the earlier day
 * first whichever way round they were given; null without `since`.
 */
export function changeWindow(since: string | null, asOf: string | null, today: string): ChangeWindow | null {
  if (!since) return null;
  const to = asOf ?? today;
  return since <= to ? { from: since, to } : { from: to, to: since };
}

/** A relationship's identity on a canvas that draws its own edges: type and ends. */
export function edgeKey(edge: { type: string; source: string; target: string }): string {
  return `${edge.type}:${edge.source}>${edge.target}`;
}

/** What the changes touched, to mark on the canvas and in lists. */
export interface ChangedElements {
  /** Entities added or with a changed value. */
  nodes: Set<string>;
  /** Relationships added or changed, by id. */
  edgeIds: Set<string>;
  /** The same relationships by `edgeKey`, for views whose edges carry ids of their own. */
  edgeKeys: Set<string>;
}

export function changedElements(changes: readonly Change[]): ChangedElements {
  const out: ChangedElements = { nodes: new Set(), edgeIds: new Set(), edgeKeys: new Set() };
  for (const change of changes) {
    if (change.relationship) {
      out.edgeIds.add(change.relationship.id);
      out.edgeKeys.add(edgeKey(change.relationship));
    } else {
      out.nodes.add(change.entity.id);
    }
  }
  return out;
}

export const NO_CHANGES: Readonly<ChangedElements> = Object.freeze({
  nodes: new Set<string>(),
  edgeIds: new Set<string>(),
  edgeKeys: new Set<string>(),
});

/** "status: PENDING → TRIGGERED"; "status: none → TRIGGERED" when it had no value before. */
export function formatTransition(property: string, before: unknown, after: unknown): string {
  return `${property}: ${formatStatedValue(before)} → ${formatStatedValue(after)}`;
}

/**
 * One line for a change, after the entity's name: "added", "status: PENDING → TRIGGERED",
 * "new relationship: triggers → EU milestone", "party to → Deal: role: PARTNER → LICENSEE". `nameOf` names the
 * other end of a relationship when it can (else its id is shown).
 */
export function describeChange(change: Change, nameOf: (id: string) => string | undefined = () => undefined) {
  const rel = change.relationship;
  const relation = rel
    ? `${rel.label?.trim() || humanize(rel.type)} → ${nameOf(rel.target) ?? rel.target}`
    : '';
  switch (change.kind) {
    case 'ENTITY_ADDED':
      return 'added';
    case 'PROPERTY_CHANGED':
      return formatTransition(change.property ?? 'value', change.before, change.after);
    case 'RELATIONSHIP_ADDED':
      return `new relationship: ${relation}`;
    case 'RELATIONSHIP_CHANGED':
      return `${relation}: ${formatTransition(change.property ?? 'value', change.before, change.after)}`;
    default:
      return humanize(String(change.kind));
  }
}

/** The changes one document made to one entity or relationship, listed together. */
export interface ChangeGroup {
  /** The first change of the group (its date, document, entity and relationship are the group's). */
  first: Change;
  changes: Change[];
}

/** Changes worth listing: not those of sort keys, date precisions or provenance, which follow the values shown. */
export function shownChanges(changes: readonly Change[]): Change[] {
  return changes.filter((change) => isShownProperty(change.property));
}

/**
 * The changes grouped by document and element, in the order of each group's first change (the server's order:
 * oldest first), so that one document's changes to one entity read as one item.
 */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const key = `${change.document.id}|${change.entity.id}|${change.relationship?.id ?? ''}`;
    const group = groups.get(key);
    if (group) group.changes.push(change);
    else groups.set(key, { first: change, changes: [change] });
  }
  return [...groups.values()];
}
