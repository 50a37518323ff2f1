import type { NodeKind, RelationshipType } from '../model/kinds.ts';

/**
 * A relationship list seen from one entity: which types, which way, which kinds at the other end, and how the list
 * is ordered. Resolvers name a spec; the loaders and the Cypher builders turn it into batched queries.
 */
export interface RelationSpec {
  /** Unique; also the loaders' cache key prefix. */
  readonly key: string;
  readonly types: readonly RelationshipType[];
  readonly direction: 'out' | 'in';
  /** Kinds the other end must have (any kind when omitted). */
  readonly targets?: readonly NodeKind[];
  /** `name`: by lower-cased name; `date`: by sortDate (undated last). Ties are broken by id. */
  readonly order: 'name' | 'date';
}

const spec = (
  key: string,
  types: RelationshipType[],
  direction: 'out' | 'in',
  targets?: NodeKind[],
  order: 'name' | 'date' = 'name',
): RelationSpec => Object.freeze({ key, types, direction, targets, order });

const COMPANY_DRUG: RelationshipType[] = ['DEVELOPS', 'MARKETS', 'HOLDS_TRADEMARK'];

/** Every relationship list the schema exposes, named `<Type>.<field>`. */
export const REL = Object.freeze({
  companyParent: spec('Company.parent', ['MEMBER_OF'], 'out', ['Company']),
  companyMembers: spec('Company.members', ['MEMBER_OF'], 'in', ['Company']),
  companyPeople: spec('Company.people', ['WORKS_FOR'], 'in', ['Person']),
  companyDrugs: spec('Company.drugs', COMPANY_DRUG, 'out', ['Drug']),
  companyDrugsDevelops: spec('Company.drugs.DEVELOPS', ['DEVELOPS'], 'out', ['Drug']),
  companyDrugsMarkets: spec('Company.drugs.MARKETS', ['MARKETS'], 'out', ['Drug']),
  companyDrugsTrademark: spec('Company.drugs.HOLDS_TRADEMARK', ['HOLDS_TRADEMARK'], 'out', ['Drug']),
  companyPartnerships: spec('Company.partnerships', ['PARTY_TO'], 'out', ['Partnership']),
  companyOwns: spec('Company.owns', ['OWNS'], 'out'),
  companyTrials: spec('Company.trials', ['CONDUCTS'], 'out', ['Trial']),
  personEmployment: spec('Person.employment', ['WORKS_FOR'], 'out', ['Company']),
  drugCompanies: spec('Drug.companies', COMPANY_DRUG, 'in', ['Company']),
  drugAntibody: spec('Drug.antibody', ['HAS_ANTIBODY'], 'out', ['Antibody']),
  drugPayload: spec('Drug.payload', ['HAS_PAYLOAD'], 'out', ['Payload']),
  drugLinker: spec('Drug.linker', ['HAS_LINKER'], 'out', ['Linker']),
  drugTargets: spec('Drug.targets', ['TARGETS'], 'out', ['Target']),
  drugTechnologies: spec('Drug.technologies', ['USES_TECHNOLOGY'], 'out', ['Technology']),
  drugIndications: spec('Drug.indications', ['INVESTIGATED_FOR'], 'out', ['Indication']),
  drugTrials: spec('Drug.trials', ['TESTS'], 'in', ['Trial']),
  drugRegulatoryEvents: spec('Drug.regulatoryEvents', ['CONCERNS'], 'in', ['RegulatoryEvent'], 'date'),
  drugPartnerships: spec('Drug.partnerships', ['LICENSES_DRUG'], 'in', ['Partnership']),
  owners: spec('owners', ['OWNS'], 'in', ['Company']),
  antibodyTargets: spec('Antibody.targets', ['TARGETS'], 'out', ['Target']),
  antibodyDrugs: spec('Antibody.drugs', ['HAS_ANTIBODY'], 'in', ['Drug']),
  payloadDrugs: spec('Payload.drugs', ['HAS_PAYLOAD'], 'in', ['Drug']),
  linkerDrugs: spec('Linker.drugs', ['HAS_LINKER'], 'in', ['Drug']),
  targetAntibodies: spec('Target.antibodies', ['TARGETS'], 'in', ['Antibody']),
  targetDrugs: spec('Target.drugs', ['TARGETS'], 'in', ['Drug']),
  technologyPartnerships: spec('Technology.partnerships', ['LICENSES_TECHNOLOGY'], 'in', ['Partnership']),
  technologyDrugs: spec('Technology.drugs', ['USES_TECHNOLOGY'], 'in', ['Drug']),
  trialSponsors: spec('Trial.sponsors', ['CONDUCTS'], 'in', ['Company']),
  trialDrugs: spec('Trial.drugs', ['TESTS'], 'out', ['Drug']),
  trialIndications: spec('Trial.indications', ['STUDIES'], 'out', ['Indication']),
  trialRegulatoryEvents: spec('Trial.regulatoryEvents', ['BASED_ON'], 'in', ['RegulatoryEvent'], 'date'),
  indicationPriorTherapies: spec('Indication.priorTherapies', ['PRIOR_THERAPY'], 'out', ['Drug']),
  indicationDrugs: spec('Indication.drugs', ['INVESTIGATED_FOR'], 'in', ['Drug']),
  indicationTrials: spec('Indication.trials', ['STUDIES'], 'in', ['Trial']),
  eventDrug: spec('RegulatoryEvent.drug', ['CONCERNS'], 'out', ['Drug']),
  eventIndications: spec('RegulatoryEvent.indications', ['COVERS'], 'out', ['Indication']),
  eventBasedOn: spec('RegulatoryEvent.basedOn', ['BASED_ON'], 'out', ['Trial']),
  eventRegions: spec('RegulatoryEvent.regions', ['IN_REGION'], 'out', ['Region']),
  eventOpensMarkets: spec('RegulatoryEvent.opensMarkets', ['OPENS_MARKET'], 'out', ['Region']),
  eventAnyRegion: spec('RegulatoryEvent.anyRegion', ['IN_REGION', 'OPENS_MARKET'], 'out', ['Region']),
  eventTriggers: spec('RegulatoryEvent.triggers', ['TRIGGERS'], 'out', ['Milestone']),
  regionRegulatoryEvents: spec(
    'Region.regulatoryEvents',
    ['IN_REGION', 'OPENS_MARKET'],
    'in',
    ['RegulatoryEvent'],
    'date',
  ),
  partnershipParties: spec('Partnership.parties', ['PARTY_TO'], 'in', ['Company']),
  partnershipDrugs: spec('Partnership.drugs', ['LICENSES_DRUG'], 'out', ['Drug']),
  partnershipTechnologies: spec('Partnership.technologies', ['LICENSES_TECHNOLOGY'], 'out', ['Technology']),
  partnershipMilestones: spec('Partnership.milestones', ['HAS_MILESTONE'], 'out', ['Milestone']),
  partnershipRoyalties: spec('Partnership.royalties', ['HAS_ROYALTY'], 'out', ['Royalty']),
  payer: spec('payer', ['PAID_BY'], 'out', ['Company']),
  payee: spec('payee', ['PAID_TO'], 'out', ['Company']),
  milestoneTrigger: spec('Milestone.trigger', ['TRIGGERS'], 'in', ['RegulatoryEvent'], 'date'),
  milestonePartnership: spec('Milestone.partnership', ['HAS_MILESTONE'], 'in', ['Partnership']),
  royaltyPartnership: spec('Royalty.partnership', ['HAS_ROYALTY'], 'in', ['Partnership']),
  documentPublishedBy: spec('SourceDocument.publishedBy', ['PUBLISHED'], 'in', ['Company']),
});

/**
 * Relations fetched together with a root field's page (one round trip instead of one per level), keyed by spec;
 * `children` are fetched for each entity at the other end.
 */
export interface Prefetch {
  readonly spec: RelationSpec;
  readonly children?: readonly Prefetch[];
  /** A paged field: its first page of this many entities, and their total, instead of the whole list. */
  readonly page?: number;
}
