import { ELEMENT_DATE_PROPERTIES, foldElement, type StatementProps } from '../model/fold.ts';
import { NODE_KINDS } from '../model/kinds.ts';
import type { EntityKind, EntityModel } from './model.ts';

export const ENTITY_KINDS = NODE_KINDS.filter((kind): kind is EntityKind => kind !== 'Sentence');

/** A node as the executor returns it (labels plus properties, made plain by server/db/values.ts). */
interface PlainNode {
  labels?: unknown;
  pairs?: unknown;
  statements?: unknown;
  restated?: unknown;
  id?: unknown;
  [property: string]: unknown;
}

/** The entity kind of a node: its first label from the allowlist (every node also has `Entity`); null for sentences. */
function kindOf(labels: readonly unknown[]): EntityKind | null {
  if (labels.includes('Sentence')) return null;
  for (const kind of ENTITY_KINDS) if (labels.includes(kind)) return kind;
  return null;
}

/**
 * Turns a returned node into the model resolvers get; null for anything that is not an entity. `asOf`: the day the
 * answer is about (null for today), carried on the model so that fields below it answer for the same day; a node
 * stated again after that day comes with its statements up to it (see nodeMap), and holds their fold.
 */
export function toEntity(value: unknown, asOf: string | null = null): EntityModel | null {
  if (!value || typeof value !== 'object') return null;
  const { labels, pairs, statements, restated: _restated, ...stored } = value as PlainNode;
  // A projected node (see nodeMap): its other properties come as [name, value] pairs.
  if (Array.isArray(pairs)) for (const [key, item] of pairs as [string, unknown][]) stored[key] = item;
  withoutMissingDates(stored);
  const kind = kindOf(Array.isArray(labels) ? labels : []);
  if (!kind || typeof stored.id !== 'string') return null;
  const properties = Array.isArray(statements)
    ? { ...foldElement(statements as StatementProps[]), id: stored.id }
    : stored;
  const name = typeof properties.name === 'string' ? properties.name : stored.id;
  return asOf
    ? { ...properties, kind, id: stored.id, name, asOf }
    : { ...properties, kind, id: stored.id, name };
}

/**
 * A relationship's properties as of the answer's day: the fold of its statements when it had to be folded (see
 * relationshipFields and statements.ts).
 */
export function relationshipProperties(
  properties: unknown,
  statements: unknown,
): Readonly<Record<string, unknown>> {
  if (Array.isArray(statements)) return foldElement(statements as StatementProps[]);
  return withoutMissingDates((properties ?? {}) as Record<string, unknown>);
}

/** Leaves out the dates an element does not have (null where every property is read, see `everyProperty`). */
function withoutMissingDates(properties: Record<string, unknown>): Record<string, unknown> {
  for (const name of ELEMENT_DATE_PROPERTIES) if (properties[name] === null) delete properties[name];
  return properties;
}

/** Like toEntity, for values that must be entities. */
export function requireEntity(value: unknown, asOf: string | null = null): EntityModel {
  const entity = toEntity(value, asOf);
  if (!entity) throw new Error(`Expected an entity node, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return entity;
}
