import { DateScalar, ENTITY_KINDS, entitiesQuery, entityTypes, JsonScalar } from './core/index.ts';
import { companiesRoot, companyFields } from './features/companies/index.ts';
import { curationMutation, draftFact, publishResult } from './features/curation/index.ts';
import { documentFields, documentsQuery } from './features/documents/index.ts';
import { drugsRoot } from './features/drugs/index.ts';
import { graphEdge, graphNode, graphQuery } from './features/graph/index.ts';
import {
  change,
  changeConnection,
  entityHistory,
  historyQuery,
  statement,
} from './features/history/index.ts';
import { partnershipsRoot } from './features/partnerships/index.ts';
import { regulatoryRoot } from './features/regulatory/index.ts';
import { searchHit, searchQuery } from './features/search/index.ts';
import { statsQuery } from './features/stats/index.ts';
import type { EntityKind, Resolvers } from './generated/graphql.ts';

/** Every entity type's `history`, the history feature's field. */
const histories: Pick<Resolvers, EntityKind> = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, { ...entityTypes[kind], ...entityHistory }]),
);

/** Every feature's resolvers, joined into the map Apollo serves; features add fields to the core's entity types. */
export const resolvers: Resolvers = {
  Query: {
    ...partnershipsRoot,
    ...companiesRoot,
    ...drugsRoot,
    ...regulatoryRoot,
    ...entitiesQuery,
    ...searchQuery,
    ...graphQuery,
    ...documentsQuery,
    ...historyQuery,
    ...statsQuery,
  },
  Mutation: curationMutation,
  DraftFact: draftFact,
  PublishResult: publishResult,
  ...entityTypes,
  ...histories,
  Company: { ...histories.Company, ...companyFields },
  SourceDocument: { ...histories.SourceDocument, ...documentFields },
  Statement: statement,
  Change: change,
  ChangeConnection: changeConnection,
  SearchHit: searchHit,
  GraphNode: graphNode,
  GraphEdge: graphEdge,
  Date: DateScalar,
  JSON: JsonScalar,
};
