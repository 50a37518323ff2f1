import {
  type Condition,
  propertyOf,
  REL,
  type RefFilter,
  type RootQuery,
  relationshipValueOf,
  whereAsOf,
} from '../../core/index.ts';

export const PARTNERSHIP_REFS = {
  company: {
    name: 'company',
    spec: REL.partnershipParties,
    kind: 'Company',
    relCondition: (asOf) => `($role IS NULL OR ${relationshipValueOf('rel', 'role', asOf)} = $role)`,
  },
  drug: { name: 'drug', spec: REL.partnershipDrugs, kind: 'Drug' },
  technology: { name: 'technology', spec: REL.partnershipTechnologies, kind: 'Technology' },
} as const satisfies Record<string, RefFilter>;

/** Fixed predicates, chosen by which filters are given; as of a day, on that day's elements and values. */
export const PARTNERSHIP_CONDITIONS = {
  roleOnly: (asOf) =>
    `EXISTS { MATCH (:Company)-[party:PARTY_TO]->(m) WHERE ${whereAsOf(
      asOf,
      ['party'],
      [`${relationshipValueOf('party', 'role', asOf)} = $role`],
    )} }`,
  milestoneStatus: (asOf) =>
    `EXISTS { MATCH (m)-[has:HAS_MILESTONE]->(milestone:Milestone) WHERE ${whereAsOf(
      asOf,
      ['has', 'milestone'],
      [`${propertyOf('milestone', 'status', asOf)} = $milestoneStatus`],
    )} }`,
} as const satisfies Record<string, Condition>;

export const partnershipsQuery = (refs: RefFilter[], conditions: Condition[]): RootQuery => ({
  name: 'partnerships.list',
  kind: 'Partnership',
  refs,
  conditions,
  order: 'name',
});
