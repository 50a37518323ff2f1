import { NODE_KINDS } from '../../model/kinds.ts';
import type { EntityKind, EntityModel } from './entity.model.ts';

export const ENTITY_KINDS = NODE_KINDS.filter((kind): kind is EntityKind => kind !== 'Sentence');

/** A node as the executor returns it (labels plus properties, made plain by server/db/values.ts). */
interface PlainNode {
  labels?: unknown;
  pairs?: unknown;
  id?: unknown;
  [property: string]: unknown;
}

/** The entity kind of a node: its first label from the allowlist (every node also has `Entity`); null for sentences. */
export function kindOf(labels: readonly unknown[]): EntityKind | null {
  if (labels.includes('Sentence')) return null;
  for (const kind of ENTITY_KINDS) if (labels.includes(kind)) return kind;
  return null;
}

/** Turns a returned node into the model resolvers get; null for anything that is not an entity. */
export function toEntity(value: unknown): EntityModel | null {
  if (!value || typeof value !== 'object') return null;
  const { labels, pairs, ...properties } = value as PlainNode;
  // A projected node (see nodeMap): its other properties come as [name, value] pairs.
  if (Array.isArray(pairs)) for (const [key, item] of pairs as [string, unknown][]) properties[key] = item;
  const kind = kindOf(Array.isArray(labels) ? labels : []);
  if (!kind || typeof properties.id !== 'string') return null;
  const name = typeof properties.name === 'string' ? properties.name : properties.id;
  return { ...properties, kind, id: properties.id, name };
}

/** Like toEntity, for values that must be entities. */
export function requireEntity(value: unknown): EntityModel {
  const entity = toEntity(value);
  if (!entity) throw new Error(`Expected an entity node, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return entity;
}
