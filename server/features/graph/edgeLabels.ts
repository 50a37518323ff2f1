/** What an edge of each relationship type says, read from its source to its target. */
export const EDGE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  MEMBER_OF: 'member of',
  WORKS_FOR: 'works for',
  DEVELOPS: 'develops',
  MARKETS: 'markets',
  HOLDS_TRADEMARK: 'holds trademark',
  OWNS: 'owns',
  HAS_ANTIBODY: 'antibody',
  HAS_PAYLOAD: 'payload',
  HAS_LINKER: 'linker',
  TARGETS: 'targets',
  USES_TECHNOLOGY: 'uses',
  TESTS: 'tests',
  STUDIES: 'studies',
  PRIOR_THERAPY: 'after',
  INVESTIGATED_FOR: 'investigated for',
  CONDUCTS: 'conducts',
  CONCERNS: 'concerns',
  COVERS: 'covers',
  BASED_ON: 'based on',
  IN_REGION: 'in',
  OPENS_MARKET: 'opens market',
  PARTY_TO: 'party to',
  LICENSES_DRUG: 'licenses',
  LICENSES_TECHNOLOGY: 'licenses',
  HAS_MILESTONE: 'milestone',
  HAS_ROYALTY: 'royalty',
  TRIGGERS: 'triggers',
  PAID_BY: 'paid by',
  PAID_TO: 'paid to',
  IN_DOCUMENT: 'in',
  PUBLISHED: 'published',
  QUOTED_IN: 'quoted in',
  CONTACT_FOR: 'contact for',
});

/** The relationship properties edgeLabel reads. */
export const EDGE_LABEL_READS = ['role', 'title'];

/** The label of an edge; a party's role is more telling than "party to". */
export function edgeLabel(type: string, properties: Record<string, unknown>): string {
  if (type === 'PARTY_TO' && typeof properties.role === 'string') return properties.role.toLowerCase();
  if (type === 'WORKS_FOR' && typeof properties.title === 'string') return properties.title;
  return EDGE_LABELS[type] ?? type.toLowerCase().replaceAll('_', ' ');
}
