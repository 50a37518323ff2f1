import { RELATIONSHIP_TYPES, type RelationshipType } from './kinds.ts';

/*
 * Subject keys (docs/model.md, "History and provenance"): what a statement is about. An entity's key is its id; a
 * relationship's is `TYPE:from>to`, plus `@value` for each identity property (MARKETS' region), e.g.
 * `MARKETS:genentech>kadcyla@us`. Ids never hold `:`, `>` or `@`.
 */

/**
 * The label of a statement node: one per (document, subject) for subjects stated by two or more documents; never
 * an `Entity`. Bookkeeping (`_id`, `_subject`, `_document`, `_date`, `_kind`, `_label`) is `_`-prefixed.
 */
export const STATEMENT_LABEL = 'Statement';

/** The properties that, with type and endpoints, identify a relationship (one relationship per value). */
export const IDENTITY_PROPERTIES: Readonly<Partial<Record<RelationshipType, readonly string[]>>> =
  Object.freeze({
    MARKETS: ['region'],
  });

/** The subject key of a relationship. */
export function relationshipSubject(
  type: string,
  from: string,
  to: string,
  properties: Readonly<Record<string, unknown>>,
): string {
  const identity = (IDENTITY_PROPERTIES[type as RelationshipType] ?? []).map(
    (name) => `@${String(properties[name] ?? '')}`,
  );
  return `${type}:${from}>${to}${identity.join('')}`;
}

export type Subject =
  | { readonly kind: 'node'; readonly id: string }
  | {
      readonly kind: 'relationship';
      readonly type: RelationshipType;
      readonly from: string;
      readonly to: string;
      /** Identity property values, by name. */
      readonly identity: Readonly<Record<string, string>>;
    };

const RELATIONSHIP_KEY = /^([A-Z_]+):([^>@:]+)>([^>@:]+)((?:@[^@]*)*)$/;

/** A subject key taken apart; null for a relationship key of a type outside the allowlist, or no key at all. */
export function parseSubject(key: string): Subject | null {
  if (!key.includes(':')) return key ? { kind: 'node', id: key } : null;
  const match = RELATIONSHIP_KEY.exec(key);
  if (!match) return null;
  const [, type, from, to, rest] = match as unknown as [string, string, string, string, string];
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) return null;
  const names = IDENTITY_PROPERTIES[type as RelationshipType] ?? [];
  const values = rest ? rest.slice(1).split('@') : [];
  if (values.length !== names.length) return null;
  const identity = Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
  return { kind: 'relationship', type: type as RelationshipType, from, to, identity };
}
