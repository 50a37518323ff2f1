import { DateScalar, entitiesQuery, entityTypes, JsonScalar } from './core/index.ts';
import { companiesRoot } from './features/companies/index.ts';
import { documentFields, documentsQuery } from './features/documents/index.ts';
import { drugsRoot } from './features/drugs/index.ts';
import { graphEdge, graphNode, graphQuery } from './features/graph/index.ts';
import { change, changeConnection, historyQuery, statement } from './features/history/index.ts';
import { partnershipsRoot } from './features/partnerships/index.ts';
import { regulatoryRoot } from './features/regulatory/index.ts';
import { searchHit, searchQuery } from './features/search/index.ts';
import { statsQuery } from './features/stats/index.ts';
import type { Resolvers } from './generated/graphql.ts';

/** Every feature's resolvers, joined into the map Apollo serves. */
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
  ...entityTypes,
  SourceDocument: { ...entityTypes.SourceDocument, ...documentFields },
  Statement: statement,
  Change: change,
  ChangeConnection: changeConnection,
  SearchHit: searchHit,
  GraphNode: graphNode,
  GraphEdge: graphEdge,
  Date: DateScalar,
  JSON: JsonScalar,
};
