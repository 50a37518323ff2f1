import type { Prefetch } from '../entities/relations.ts';
import { REL } from '../entities/relations.ts';
import type { RefFilter, RootQuery } from '../entities/rootQuery.ts';

/** Fetched with every partnership of a page: the full deal terms, in the same round trip. */
export const PARTNERSHIP_TERMS: readonly Prefetch[] = [
  { spec: REL.partnershipParties },
  { spec: REL.partnershipDrugs },
  { spec: REL.partnershipTechnologies },
  {
    spec: REL.partnershipMilestones,
    children: [
      { spec: REL.payer },
      { spec: REL.payee },
      { spec: REL.milestoneTrigger, children: [{ spec: REL.eventRegions }] },
    ],
  },
  { spec: REL.partnershipRoyalties, children: [{ spec: REL.payer }, { spec: REL.payee }] },
];

export const PARTNERSHIP_REFS = {
  company: {
    name: 'company',
    spec: REL.partnershipParties,
    kind: 'Company',
    relCondition: '($role IS NULL OR rel.role = $role)',
  },
  drug: { name: 'drug', spec: REL.partnershipDrugs, kind: 'Drug' },
  technology: { name: 'technology', spec: REL.partnershipTechnologies, kind: 'Technology' },
} as const satisfies Record<string, RefFilter>;

/** Fixed predicates, chosen by which filters are given. */
export const PARTNERSHIP_CONDITIONS = {
  roleOnly: 'EXISTS { MATCH (:Company)-[party:PARTY_TO]->(m) WHERE party.role = $role }',
  milestoneStatus:
    'EXISTS { MATCH (m)-[:HAS_MILESTONE]->(milestone:Milestone) WHERE milestone.status = $milestoneStatus }',
} as const;

export const partnershipsQuery = (refs: RefFilter[], conditions: string[]): RootQuery => ({
  name: 'partnerships.list',
  kind: 'Partnership',
  refs,
  conditions,
  order: 'name',
  prefetch: PARTNERSHIP_TERMS,
});
