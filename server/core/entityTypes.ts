import type { GraphQLResolveInfo } from 'graphql';
import type {
  ActualOrEstimated,
  DealType,
  MilestoneStatus,
  PartyRole,
  QueryResolvers,
  RegistryPhase,
  RegistryStatus,
  Resolvers,
  SponsorClass,
  StudyType,
} from '../generated/graphql.ts';
import {
  citationsOf,
  entitiesOf,
  entityOf,
  fuzzyDate,
  linksOf,
  numberOrNull,
  pageOf,
  schemaEnum,
  strings,
  text,
} from './fields.ts';
import { idList, LIMITS } from './limits.ts';
import type { CoreContext } from './loaders.ts';
import type { ConnectionModel, EntityModel, LinkModel } from './model.ts';
import { REL, type RelationSpec } from './relations.ts';
import { fieldRelations, readsRelation } from './selection.ts';

/** Fields every entity type shares; all of them answer for the day the entity was fetched for. */
const common = {
  kind: (entity: EntityModel) => entity.kind,
  aliases: (entity: EntityModel) => strings(entity.aliases),
  citations: (entity: EntityModel, _args: unknown, context: CoreContext) =>
    citationsOf(context, entity.citedIn, entity.asOf),
};

// Fields that read a relationship list, tagged with it so that a root field can fetch them with it (selection.ts).
type PageArgs = { first?: number | null; after?: string | null };
const list = (spec: RelationSpec) =>
  readsRelation(
    (entity: EntityModel, _args: unknown, context: CoreContext) => entitiesOf(context, spec, entity),
    {
      spec: () => spec,
      returns: 'entities',
    },
  );
const one = (spec: RelationSpec) =>
  readsRelation(
    (entity: EntityModel, _args: unknown, context: CoreContext) => entityOf(context, spec, entity),
    {
      spec: () => spec,
      returns: 'entities',
    },
  );
const links = (spec: RelationSpec) =>
  readsRelation(
    (entity: EntityModel, _args: unknown, context: CoreContext) => linksOf(context, spec, entity),
    {
      spec: () => spec,
      returns: 'links',
    },
  );
const paged = (spec: RelationSpec | ((args: Record<string, unknown>) => RelationSpec)) => {
  const specOf = typeof spec === 'function' ? spec : () => spec;
  return readsRelation(
    (entity: EntityModel, args: PageArgs, context: CoreContext) =>
      pageOf(context, specOf(args), entity, args),
    { spec: specOf, returns: 'page' },
  );
};

const connection = {
  edges: (page: ConnectionModel) => [...page.items],
  nodes: (page: ConnectionModel) => page.items.map((item) => item.node),
  pageInfo: (page: ConnectionModel) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.items[0]?.cursor ?? null,
    endCursor: page.items.at(-1)?.cursor ?? null,
  }),
};

/** A registry date (stored with its sort date, precision inferred from its form) and whether it is estimated. */
const registryDate = (property: string) => (entity: EntityModel) =>
  fuzzyDate(entity[property], null, entity[property.replace(/Date$/, 'SortDate')]);
const actualOrEstimated =
  (property: string) =>
  (entity: EntityModel, _args: unknown, _context: CoreContext, info: GraphQLResolveInfo) =>
    schemaEnum<ActualOrEstimated>(entity[property], info);

/** An amount stored as a number with the element's `currency` (USD when the source gives none). */
const money = (property: string) => (entity: EntityModel) => {
  const amount = numberOrNull(entity[property]);
  return amount === null ? null : { amount, currency: text(entity.currency) ?? 'USD' };
};

const linkCitations = (link: LinkModel, _args: unknown, context: CoreContext) =>
  citationsOf(context, link.properties.citedIn, link.asOf);
/** The end of a link that has the given kind (links are read from either end). */
const endOfKind = (link: LinkModel, kind: string): EntityModel =>
  link.node.kind === kind || !link.from ? link.node : link.from;

const COMPANY_DRUG_SPECS = {
  DEVELOPS: REL.companyDrugsDevelops,
  MARKETS: REL.companyDrugsMarkets,
  HOLDS_TRADEMARK: REL.companyDrugsTrademark,
} as const;

/** `node` and `nodes`: global object identification over every entity. */
export const entitiesQuery: Pick<QueryResolvers<CoreContext>, 'node' | 'nodes'> = {
  node: (_parent, { id, asOf }, { loaders }) =>
    id.length > LIMITS.maxTextLength ? null : loaders.node(id, asOf ?? null),
  nodes: (_parent, { ids, asOf }, { loaders }) => {
    idList('ids', ids, LIMITS.maxIds);
    return loaders.nodes(ids, asOf ?? null);
  },
};

/**
 * Resolvers of every entity type and of the types that describe their relationships. Features add the fields they
 * own (`history`, a company's `milestoneTotals`, a document's text) in server/resolvers.ts.
 */
export const entityTypes: Resolvers<CoreContext> = {
  Node: { __resolveType: (entity) => entity.kind as 'Company' },

  Company: {
    ...common,
    parent: one(REL.companyParent),
    members: list(REL.companyMembers),
    people: links(REL.companyPeople),
    drugs: paged((args) =>
      args.relation ? COMPANY_DRUG_SPECS[args.relation as keyof typeof COMPANY_DRUG_SPECS] : REL.companyDrugs,
    ),
    partnerships: paged(REL.companyPartnerships),
    owns: list(REL.companyOwns),
    trials: paged(REL.companyTrials),
    sponsorClass: (company, _args, _context, info) => schemaEnum<SponsorClass>(company.sponsorClass, info),
  },
  Person: { ...common, employment: links(REL.personEmployment) },
  Employment: {
    person: (link) => endOfKind(link, 'Person'),
    company: (link) => endOfKind(link, 'Company'),
    title: (link) => text(link.properties.title),
    citations: linkCitations,
  },

  Drug: {
    ...common,
    companies: links(REL.drugCompanies),
    antibody: one(REL.drugAntibody),
    payload: one(REL.drugPayload),
    linker: one(REL.drugLinker),
    targets: list(REL.drugTargets),
    technologies: list(REL.drugTechnologies),
    indications: links(REL.drugIndications),
    trials: paged(REL.drugTrials),
    regulatoryEvents: paged(REL.drugRegulatoryEvents),
    partnerships: list(REL.drugPartnerships),
  },
  DrugCompany: {
    company: (link) => endOfKind(link, 'Company'),
    relation: (link) => link.type as 'DEVELOPS',
    region: (link) => text(link.properties.region),
    citations: linkCitations,
  },
  DrugIndication: {
    drug: (link) => endOfKind(link, 'Drug'),
    indication: (link) => endOfKind(link, 'Indication'),
    sponsor: (link) => text(link.properties.sponsor),
    status: (link) => text(link.properties.status),
    citations: linkCitations,
  },
  Antibody: {
    ...common,
    owners: list(REL.owners),
    targets: list(REL.antibodyTargets),
    drugs: paged(REL.antibodyDrugs),
  },
  Payload: { ...common, owners: list(REL.owners), drugs: paged(REL.payloadDrugs) },
  Linker: { ...common, owners: list(REL.owners), drugs: paged(REL.linkerDrugs) },
  Target: { ...common, antibodies: list(REL.targetAntibodies), drugs: paged(REL.targetDrugs) },
  Technology: {
    ...common,
    owners: list(REL.owners),
    partnerships: list(REL.technologyPartnerships),
    drugs: paged(REL.technologyDrugs),
  },

  Trial: {
    ...common,
    endpoints: (trial) => strings(trial.endpoints),
    studyType: (trial, _args, _context, info) => schemaEnum<StudyType>(trial.studyType, info),
    registryStatus: (trial, _args, _context, info) => schemaEnum<RegistryStatus>(trial.registryStatus, info),
    phases: (trial, _args, _context, info) =>
      strings(trial.phases).flatMap((phase) => schemaEnum<RegistryPhase>(phase, info) ?? []),
    startDate: registryDate('startDate'),
    startDateType: actualOrEstimated('startDateType'),
    primaryCompletionDate: registryDate('primaryCompletionDate'),
    primaryCompletionDateType: actualOrEstimated('primaryCompletionDateType'),
    completionDate: registryDate('completionDate'),
    completionDateType: actualOrEstimated('completionDateType'),
    enrollment: (trial) => numberOrNull(trial.enrollment),
    enrollmentType: actualOrEstimated('enrollmentType'),
    lastUpdate: (trial) => text(trial.lastUpdate)?.slice(0, 10) ?? null,
    sponsors: list(REL.trialSponsors),
    drugs: links(REL.trialDrugs),
    indications: list(REL.trialIndications),
    regulatoryEvents: list(REL.trialRegulatoryEvents),
  },
  TrialDrug: {
    drug: (link) => endOfKind(link, 'Drug'),
    role: (link) => text(link.properties.role),
    citations: linkCitations,
  },
  Indication: {
    ...common,
    priorTherapies: list(REL.indicationPriorTherapies),
    drugs: links(REL.indicationDrugs),
    trials: list(REL.indicationTrials),
  },
  RegulatoryEvent: {
    ...common,
    date: (event) => fuzzyDate(event.date, event.datePrecision, event.sortDate),
    drug: one(REL.eventDrug),
    indications: list(REL.eventIndications),
    basedOn: list(REL.eventBasedOn),
    regions: list(REL.eventRegions),
    opensMarkets: list(REL.eventOpensMarkets),
    triggers: list(REL.eventTriggers),
  },
  Region: { ...common, regulatoryEvents: paged(REL.regionRegulatoryEvents) },

  Partnership: {
    ...common,
    rights: (partnership) => strings(partnership.rights),
    startDate: (partnership) =>
      fuzzyDate(partnership.startDate, partnership.startDatePrecision, partnership.startSortDate),
    parties: links(REL.partnershipParties),
    drugs: list(REL.partnershipDrugs),
    technologies: list(REL.partnershipTechnologies),
    milestones: list(REL.partnershipMilestones),
    royalties: list(REL.partnershipRoyalties),
    dealType: (partnership, _args, _context, info) => schemaEnum<DealType>(partnership.dealType, info),
    upfront: money('upfront'),
    equity: money('equity'),
    totalValue: money('totalValue'),
  },
  PartnershipParty: {
    company: (link) => endOfKind(link, 'Company'),
    role: (link, _args, _context, info) => schemaEnum<PartyRole>(link.properties.role, info),
    citations: linkCitations,
  },
  Milestone: {
    ...common,
    amount: money('amount'),
    status: (milestone, _args, _context, info) => schemaEnum<MilestoneStatus>(milestone.status, info),
    payer: one(REL.payer),
    payee: one(REL.payee),
    trigger: one(REL.milestoneTrigger),
    partnership: one(REL.milestonePartnership),
  },
  Royalty: {
    ...common,
    rate: (royalty) => numberOrNull(royalty.rate),
    payer: one(REL.payer),
    payee: one(REL.payee),
    partnership: one(REL.royaltyPartnership),
  },
  SourceDocument: {
    ...common,
    citations: () => [],
    title: (document) => document.name,
    date: (document) => text(document.date)?.slice(0, 10) ?? null,
    publishedBy: list(REL.documentPublishedBy),
  },

  PartnershipConnection: connection,
  CompanyConnection: connection,
  DrugConnection: connection,
  TrialConnection: connection,
  RegulatoryEventConnection: connection,
};

/** The relation each tagged entity field reads, keyed `Type.field` (see selection.ts). */
export const FIELD_RELATIONS = fieldRelations(entityTypes as Record<string, object>);
