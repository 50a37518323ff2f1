/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment DocumentRef on SourceDocument { id name date publisher url }": typeof types.DocumentRefFragmentDoc,
    "fragment CitationFields on Citation { id sentence document { ...DocumentRef } }": typeof types.CitationFieldsFragmentDoc,
    "fragment StatementFields on Statement { date values document { ...DocumentRef } citations { ...CitationFields } }": typeof types.StatementFieldsFragmentDoc,
    "fragment EdgeFields on GraphEdge { id source target type label }": typeof types.EdgeFieldsFragmentDoc,
    "query Search($text: String!, $first: Int, $kinds: [EntityKind!]) { search(text: $text, first: $first, kinds: $kinds) { id kind name score } }": typeof types.SearchDocument,
    "query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $asOf: Date) {\n      graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, asOf: $asOf) {\n        truncated\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties }\n      }\n    }": typeof types.GraphDocument,
    "query Details($ids: [ID!]!, $id: ID!, $asOf: Date) {\n      graph(ids: $ids, depth: 1, limit: 300, asOf: $asOf) {\n        truncated\n        nodes { id kind label properties citations { ...CitationFields } }\n        edges { ...EdgeFields properties citations { ...CitationFields } }\n      }\n      node(id: $id, asOf: $asOf) { id history { ...StatementFields } }\n    }": typeof types.DetailsDocument,
    "query Edge($ids: [ID!]!, $asOf: Date) {\n      graph(ids: $ids, depth: 0, limit: 2, asOf: $asOf) {\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties citations { ...CitationFields } history { ...StatementFields } }\n      }\n    }": typeof types.EdgeDocument,
    "query Document($id: ID!) {\n      document(id: $id) {\n        id title date publisher distributor place url text\n        publishedBy { id name }\n        sentences { id text start end }\n        facts { nodes { id kind label } edges { ...EdgeFields } }\n      }\n    }": typeof types.DocumentDocument,
    "query Path($from: ID!, $to: ID!, $maxLength: Int) {\n      path(from: $from, to: $to, maxLength: $maxLength) {\n        length\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties }\n      }\n    }": typeof types.PathDocument,
    "query Partnerships($after: String, $asOf: Date) {\n  partnerships(first: 50, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      id name rights territory status summary\n      startDate { date precision sortDate }\n      parties { company { id name } role }\n      drugs { id name }\n      technologies { id name }\n      milestones {\n        id name status description\n        amount { amount currency }\n        payer { id name } payee { id name }\n        trigger { id name date { date precision sortDate } }\n      }\n      royalties { id name basis rate description payer { id name } payee { id name } }\n      citations { ...CitationFields }\n    }\n  }\n}": typeof types.PartnershipsDocument,
    "query Drugs($first: Int, $after: String, $asOf: Date) {\n  drugs(first: $first, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      id name genericName modality highestPhase\n      targets { id name } payload { id name } linker { id name } antibody { id name }\n      companies { company { id name } relation }\n      partnerships { id name parties { company { id name } role } }\n    }\n  }\n}": typeof types.DrugsDocument,
    "query Timeline($first: Int, $after: String, $asOf: Date) {\n  regulatoryEvents(first: $first, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes { id name agency region eventType status date { date precision sortDate } drug { id name } regions { id name } }\n  }\n}": typeof types.TimelineDocument,
    "query Changes($from: Date!, $to: Date!, $first: Int, $after: String) {\n  changes(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      kind property before after date\n      entity { id kind name }\n      relationship { ...EdgeFields }\n      document { ...DocumentRef }\n      citations { ...CitationFields }\n    }\n  }\n}": typeof types.ChangesDocument,
    "query Stats { stats { totalNodes totalRelationships } }": typeof types.StatsDocument,
    "mutation DraftSource($source: SourceInput!) {\n      draftSource(source: $source) {\n        documentId title text seed likelyMisses\n        sentences { key text start end }\n        facts { id kind name sentences resolution match { id kind name } lookalike { id kind name } }\n      }\n    }": typeof types.DraftSourceDocument,
    "mutation PublishDraft($draft: PublishInput!) {\n      publishDraft(draft: $draft) { seedFile sourceFile written document { id name } }\n    }": typeof types.PublishDraftDocument,
    "mutation WithdrawDocument($id: ID!) { withdrawDocument(id: $id) { removed files } }": typeof types.WithdrawDocumentDocument,
};
const documents: Documents = {
    "fragment DocumentRef on SourceDocument { id name date publisher url }": types.DocumentRefFragmentDoc,
    "fragment CitationFields on Citation { id sentence document { ...DocumentRef } }": types.CitationFieldsFragmentDoc,
    "fragment StatementFields on Statement { date values document { ...DocumentRef } citations { ...CitationFields } }": types.StatementFieldsFragmentDoc,
    "fragment EdgeFields on GraphEdge { id source target type label }": types.EdgeFieldsFragmentDoc,
    "query Search($text: String!, $first: Int, $kinds: [EntityKind!]) { search(text: $text, first: $first, kinds: $kinds) { id kind name score } }": types.SearchDocument,
    "query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $asOf: Date) {\n      graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, asOf: $asOf) {\n        truncated\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties }\n      }\n    }": types.GraphDocument,
    "query Details($ids: [ID!]!, $id: ID!, $asOf: Date) {\n      graph(ids: $ids, depth: 1, limit: 300, asOf: $asOf) {\n        truncated\n        nodes { id kind label properties citations { ...CitationFields } }\n        edges { ...EdgeFields properties citations { ...CitationFields } }\n      }\n      node(id: $id, asOf: $asOf) { id history { ...StatementFields } }\n    }": types.DetailsDocument,
    "query Edge($ids: [ID!]!, $asOf: Date) {\n      graph(ids: $ids, depth: 0, limit: 2, asOf: $asOf) {\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties citations { ...CitationFields } history { ...StatementFields } }\n      }\n    }": types.EdgeDocument,
    "query Document($id: ID!) {\n      document(id: $id) {\n        id title date publisher distributor place url text\n        publishedBy { id name }\n        sentences { id text start end }\n        facts { nodes { id kind label } edges { ...EdgeFields } }\n      }\n    }": types.DocumentDocument,
    "query Path($from: ID!, $to: ID!, $maxLength: Int) {\n      path(from: $from, to: $to, maxLength: $maxLength) {\n        length\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties }\n      }\n    }": types.PathDocument,
    "query Partnerships($after: String, $asOf: Date) {\n  partnerships(first: 50, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      id name rights territory status summary\n      startDate { date precision sortDate }\n      parties { company { id name } role }\n      drugs { id name }\n      technologies { id name }\n      milestones {\n        id name status description\n        amount { amount currency }\n        payer { id name } payee { id name }\n        trigger { id name date { date precision sortDate } }\n      }\n      royalties { id name basis rate description payer { id name } payee { id name } }\n      citations { ...CitationFields }\n    }\n  }\n}": types.PartnershipsDocument,
    "query Drugs($first: Int, $after: String, $asOf: Date) {\n  drugs(first: $first, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      id name genericName modality highestPhase\n      targets { id name } payload { id name } linker { id name } antibody { id name }\n      companies { company { id name } relation }\n      partnerships { id name parties { company { id name } role } }\n    }\n  }\n}": types.DrugsDocument,
    "query Timeline($first: Int, $after: String, $asOf: Date) {\n  regulatoryEvents(first: $first, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes { id name agency region eventType status date { date precision sortDate } drug { id name } regions { id name } }\n  }\n}": types.TimelineDocument,
    "query Changes($from: Date!, $to: Date!, $first: Int, $after: String) {\n  changes(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      kind property before after date\n      entity { id kind name }\n      relationship { ...EdgeFields }\n      document { ...DocumentRef }\n      citations { ...CitationFields }\n    }\n  }\n}": types.ChangesDocument,
    "query Stats { stats { totalNodes totalRelationships } }": types.StatsDocument,
    "mutation DraftSource($source: SourceInput!) {\n      draftSource(source: $source) {\n        documentId title text seed likelyMisses\n        sentences { key text start end }\n        facts { id kind name sentences resolution match { id kind name } lookalike { id kind name } }\n      }\n    }": types.DraftSourceDocument,
    "mutation PublishDraft($draft: PublishInput!) {\n      publishDraft(draft: $draft) { seedFile sourceFile written document { id name } }\n    }": types.PublishDraftDocument,
    "mutation WithdrawDocument($id: ID!) { withdrawDocument(id: $id) { removed files } }": types.WithdrawDocumentDocument,
};

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment DocumentRef on SourceDocument { id name date publisher url }"): typeof import('./graphql').DocumentRefFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment CitationFields on Citation { id sentence document { ...DocumentRef } }"): typeof import('./graphql').CitationFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment StatementFields on Statement { date values document { ...DocumentRef } citations { ...CitationFields } }"): typeof import('./graphql').StatementFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment EdgeFields on GraphEdge { id source target type label }"): typeof import('./graphql').EdgeFieldsFragmentDoc;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Search($text: String!, $first: Int, $kinds: [EntityKind!]) { search(text: $text, first: $first, kinds: $kinds) { id kind name score } }"): typeof import('./graphql').SearchDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $asOf: Date) {\n      graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, asOf: $asOf) {\n        truncated\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties }\n      }\n    }"): typeof import('./graphql').GraphDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Details($ids: [ID!]!, $id: ID!, $asOf: Date) {\n      graph(ids: $ids, depth: 1, limit: 300, asOf: $asOf) {\n        truncated\n        nodes { id kind label properties citations { ...CitationFields } }\n        edges { ...EdgeFields properties citations { ...CitationFields } }\n      }\n      node(id: $id, asOf: $asOf) { id history { ...StatementFields } }\n    }"): typeof import('./graphql').DetailsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Edge($ids: [ID!]!, $asOf: Date) {\n      graph(ids: $ids, depth: 0, limit: 2, asOf: $asOf) {\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties citations { ...CitationFields } history { ...StatementFields } }\n      }\n    }"): typeof import('./graphql').EdgeDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Document($id: ID!) {\n      document(id: $id) {\n        id title date publisher distributor place url text\n        publishedBy { id name }\n        sentences { id text start end }\n        facts { nodes { id kind label } edges { ...EdgeFields } }\n      }\n    }"): typeof import('./graphql').DocumentDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Path($from: ID!, $to: ID!, $maxLength: Int) {\n      path(from: $from, to: $to, maxLength: $maxLength) {\n        length\n        nodes { id kind label properties }\n        edges { ...EdgeFields properties }\n      }\n    }"): typeof import('./graphql').PathDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Partnerships($after: String, $asOf: Date) {\n  partnerships(first: 50, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      id name rights territory status summary\n      startDate { date precision sortDate }\n      parties { company { id name } role }\n      drugs { id name }\n      technologies { id name }\n      milestones {\n        id name status description\n        amount { amount currency }\n        payer { id name } payee { id name }\n        trigger { id name date { date precision sortDate } }\n      }\n      royalties { id name basis rate description payer { id name } payee { id name } }\n      citations { ...CitationFields }\n    }\n  }\n}"): typeof import('./graphql').PartnershipsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Drugs($first: Int, $after: String, $asOf: Date) {\n  drugs(first: $first, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      id name genericName modality highestPhase\n      targets { id name } payload { id name } linker { id name } antibody { id name }\n      companies { company { id name } relation }\n      partnerships { id name parties { company { id name } role } }\n    }\n  }\n}"): typeof import('./graphql').DrugsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Timeline($first: Int, $after: String, $asOf: Date) {\n  regulatoryEvents(first: $first, after: $after, asOf: $asOf) {\n    pageInfo { hasNextPage endCursor }\n    nodes { id name agency region eventType status date { date precision sortDate } drug { id name } regions { id name } }\n  }\n}"): typeof import('./graphql').TimelineDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Changes($from: Date!, $to: Date!, $first: Int, $after: String) {\n  changes(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes {\n      kind property before after date\n      entity { id kind name }\n      relationship { ...EdgeFields }\n      document { ...DocumentRef }\n      citations { ...CitationFields }\n    }\n  }\n}"): typeof import('./graphql').ChangesDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query Stats { stats { totalNodes totalRelationships } }"): typeof import('./graphql').StatsDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation DraftSource($source: SourceInput!) {\n      draftSource(source: $source) {\n        documentId title text seed likelyMisses\n        sentences { key text start end }\n        facts { id kind name sentences resolution match { id kind name } lookalike { id kind name } }\n      }\n    }"): typeof import('./graphql').DraftSourceDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation PublishDraft($draft: PublishInput!) {\n      publishDraft(draft: $draft) { seedFile sourceFile written document { id name } }\n    }"): typeof import('./graphql').PublishDraftDocument;
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WithdrawDocument($id: ID!) { withdrawDocument(id: $id) { removed files } }"): typeof import('./graphql').WithdrawDocumentDocument;


export function gql(source: string) {
  return (documents as any)[source] ?? {};
}
