/**
 * The allowlist of node labels and relationship types. Cypher never takes a label or a type from a user
 * string: it takes them from here. docs/model.md explains each one.
 */
export const NODE_KINDS = [
  'Company',
  'Person',
  'Drug',
  'Antibody',
  'Payload',
  'Linker',
  'Target',
  'Technology',
  'Trial',
  'Indication',
  'RegulatoryEvent',
  'Region',
  'Partnership',
  'Milestone',
  'Royalty',
  'SourceDocument',
  'Sentence',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATIONSHIP_TYPES = [
  'MEMBER_OF',
  'WORKS_FOR',
  'DEVELOPS',
  'MARKETS',
  'HOLDS_TRADEMARK',
  'OWNS',
  'HAS_ANTIBODY',
  'HAS_PAYLOAD',
  'HAS_LINKER',
  'TARGETS',
  'USES_TECHNOLOGY',
  'TESTS',
  'STUDIES',
  'PRIOR_THERAPY',
  'INVESTIGATED_FOR',
  'CONDUCTS',
  'CONCERNS',
  'COVERS',
  'BASED_ON',
  'IN_REGION',
  'OPENS_MARKET',
  'PARTY_TO',
  'LICENSES_DRUG',
  'LICENSES_TECHNOLOGY',
  'HAS_MILESTONE',
  'HAS_ROYALTY',
  'TRIGGERS',
  'PAID_BY',
  'PAID_TO',
  'IN_DOCUMENT',
  'PUBLISHED',
  'QUOTED_IN',
  'CONTACT_FOR',
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Bookkeeping labels of the seed loader (seed/journal.ts), never carried by an `Entity`: `SeedLoad` marks a load
 * in progress, `SeedUndo` holds what a large load must undo if it is interrupted.
 */
export const SEED_BOOKKEEPING_LABELS = ['SeedLoad', 'SeedUndo'] as const;

export const isNodeKind = (value: string): value is NodeKind =>
  (NODE_KINDS as readonly string[]).includes(value);
