/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a change touched. */
export type ChangeKind =
  /** An entity first stated. */
  | 'ENTITY_ADDED'
  /** A value of an entity changed. */
  | 'PROPERTY_CHANGED'
  /** A relationship first stated. */
  | 'RELATIONSHIP_ADDED'
  /** A value of a relationship changed. */
  | 'RELATIONSHIP_CHANGED';

/** How precise a loose date is. */
export type DatePrecision =
  /** By the end of a given year. */
  | 'BY_YEAR_END'
  /** A given day. */
  | 'DAY'
  /** Some day of a given month. */
  | 'MONTH'
  /** On or before the given day (e.g. announced as done on a release's date). */
  | 'ON_OR_BEFORE'
  /** Some day of a given quarter. */
  | 'QUARTER'
  /** Some day of a given year. */
  | 'YEAR';

/** Whether a proposed entity is one the graph already holds. */
export type DraftResolution =
  /** Matched to an entity of the graph by name or alias: the draft uses its id. */
  | 'GRAPH'
  /** Not in the graph: publishing adds it. */
  | 'NEW';

/** How a company is tied to a drug. */
export type DrugCompanyRelation =
  /** Develops it. */
  | 'DEVELOPS'
  /** Holds its trademark. */
  | 'HOLDS_TRADEMARK'
  /** Markets it (in `region` when given). */
  | 'MARKETS';

/** A kind of entity: the same string as the entity's GraphQL type name and its Neo4j label. */
export type EntityKind =
  /** An antibody, e.g. the one an ADC carries (`Antibody`). */
  | 'Antibody'
  /** A company, group or agency (`Company`). */
  | 'Company'
  /** A drug or drug candidate (`Drug`). */
  | 'Drug'
  /** A disease setting a drug is tested or approved for (`Indication`). */
  | 'Indication'
  /** A linker joining an antibody to its payload (`Linker`). */
  | 'Linker'
  /** A payment due when something happens (`Milestone`). */
  | 'Milestone'
  /** A licence or collaboration between companies (`Partnership`). */
  | 'Partnership'
  /** A payload, e.g. an ADC's cytotoxic agent (`Payload`). */
  | 'Payload'
  /** A person (`Person`). */
  | 'Person'
  /** A market such as the US, the EU or Japan (`Region`). */
  | 'Region'
  /** A filing, opinion, approval or expected decision (`RegulatoryEvent`). */
  | 'RegulatoryEvent'
  /** Royalty terms on sales (`Royalty`). */
  | 'Royalty'
  /** A source document, e.g. a press release (`SourceDocument`). */
  | 'SourceDocument'
  /** A biological target such as HER2 (`Target`). */
  | 'Target'
  /** A platform technology partners license (`Technology`). */
  | 'Technology'
  /** A clinical trial (`Trial`). */
  | 'Trial';

/** Whether a milestone payment has been triggered yet. */
export type MilestoneStatus =
  /** Waiting for the triggering event. */
  | 'PENDING'
  /** The triggering event happened: the payment is due or paid. */
  | 'TRIGGERED';

/** A party's role in a partnership. */
export type PartyRole =
  /** Is bought (an acquisition). */
  | 'ACQUIRED'
  /** Buys the other party (an acquisition). */
  | 'ACQUIRER'
  /** Receives the rights. */
  | 'LICENSEE'
  /** Grants the rights. */
  | 'LICENSOR'
  /** A partner in a collaboration. */
  | 'PARTNER';

/** A reviewed draft to publish. */
export type PublishInput = {
  /** The seed file: `SourceDraft.seed`, as the curator left it. */
  seed: unknown;
  /** The source text its sentences are quoted from: `SourceDraft.text`. */
  text: string;
};

/** A kind of relationship between two entities: the Neo4j relationship type (docs/model.md lists each one). */
export type RelationshipType =
  /** Regulatory event → trial it is based on. */
  | 'BASED_ON'
  /** Regulatory event → drug. */
  | 'CONCERNS'
  /** Company → trial it conducts. */
  | 'CONDUCTS'
  /** Person → document they are a contact for. */
  | 'CONTACT_FOR'
  /** Regulatory event → indication. */
  | 'COVERS'
  /** Company → drug it develops. */
  | 'DEVELOPS'
  /** Drug → its antibody. */
  | 'HAS_ANTIBODY'
  /** Drug → its linker. */
  | 'HAS_LINKER'
  /** Partnership → milestone payment. */
  | 'HAS_MILESTONE'
  /** Drug → its payload. */
  | 'HAS_PAYLOAD'
  /** Partnership → royalty terms. */
  | 'HAS_ROYALTY'
  /** Company → drug whose trademark it holds. */
  | 'HOLDS_TRADEMARK'
  /** Drug → indication it is investigated for. */
  | 'INVESTIGATED_FOR'
  /** Sentence → document. */
  | 'IN_DOCUMENT'
  /** Regulatory event → region. */
  | 'IN_REGION'
  /** Partnership → drug licensed. */
  | 'LICENSES_DRUG'
  /** Partnership → technology licensed. */
  | 'LICENSES_TECHNOLOGY'
  /** Company → drug it markets. */
  | 'MARKETS'
  /** Company → parent group. */
  | 'MEMBER_OF'
  /** Regulatory event → region whose market it opens. */
  | 'OPENS_MARKET'
  /** Company → antibody, payload, linker or technology it owns. */
  | 'OWNS'
  /** Milestone or royalty → company that pays. */
  | 'PAID_BY'
  /** Milestone or royalty → company paid. */
  | 'PAID_TO'
  /** Company → partnership. */
  | 'PARTY_TO'
  /** Indication → drug patients had before. */
  | 'PRIOR_THERAPY'
  /** Company → document it published. */
  | 'PUBLISHED'
  /** Person → document that quotes them. */
  | 'QUOTED_IN'
  /** Trial → indication it studies. */
  | 'STUDIES'
  /** Drug or antibody → target. */
  | 'TARGETS'
  /** Trial → drug it tests. */
  | 'TESTS'
  /** Regulatory event → milestone it triggers. */
  | 'TRIGGERS'
  /** Drug → technology it uses. */
  | 'USES_TECHNOLOGY'
  /** Person → company. */
  | 'WORKS_FOR';

/** A source to draft from: its file name, and either its text or its bytes in base64. */
export type SourceInput = {
  /** The file's bytes in base64 (a .pdf, or any file read as bytes). */
  base64?: string | null | undefined;
  /** The file name: its extension says how to read it (`.txt`, `.html`, `.pdf`), its base name gives the document id. */
  fileName: string;
  /** The text (pasted text, or a .txt or .html file's content). */
  text?: string | null | undefined;
};

export type DocumentRefFragment = { id: string, name: string, date: string | null, publisher: string | null, url: string | null };

export type CitationFieldsFragment = { id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } };

export type StatementFieldsFragment = { date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> };

export type EdgeFieldsFragment = { id: string, source: string, target: string, type: RelationshipType, label: string };

export type SearchQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
}>;


export type SearchQuery = { search: Array<{ id: string, kind: EntityKind, name: string, score: number }> };

export type GraphQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
  asOf?: string | null | undefined;
}>;


export type GraphQuery = { graph: { truncated: boolean, nodes: Array<{ id: string, kind: EntityKind, label: string, properties: unknown }>, edges: Array<{ properties: unknown, id: string, source: string, target: string, type: RelationshipType, label: string }> } };

export type DetailsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type DetailsQuery = { graph: { truncated: boolean, nodes: Array<{ id: string, kind: EntityKind, label: string, properties: unknown, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }>, edges: Array<{ properties: unknown, id: string, source: string, target: string, type: RelationshipType, label: string, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }, node:
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
    | { id: string, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }
   | null };

export type EdgeQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  asOf?: string | null | undefined;
}>;


export type EdgeQuery = { graph: { nodes: Array<{ id: string, kind: EntityKind, label: string, properties: unknown }>, edges: Array<{ properties: unknown, id: string, source: string, target: string, type: RelationshipType, label: string, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }>, history: Array<{ date: string, values: unknown, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> }> } };

export type DocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentQuery = { document: { id: string, title: string, date: string | null, publisher: string | null, distributor: string | null, place: string | null, url: string | null, text: string | null, publishedBy: Array<{ id: string, name: string }>, sentences: Array<{ id: string, text: string, start: number, end: number }>, facts: { nodes: Array<{ id: string, kind: EntityKind, label: string }>, edges: Array<{ id: string, source: string, target: string, type: RelationshipType, label: string }> } } | null };

export type PathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  maxLength?: number | null | undefined;
}>;


export type PathQuery = { path: { length: number, nodes: Array<{ id: string, kind: EntityKind, label: string, properties: unknown }>, edges: Array<{ properties: unknown, id: string, source: string, target: string, type: RelationshipType, label: string }> } | null };

export type PartnershipsQueryVariables = Exact<{
  after?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type PartnershipsQuery = { partnerships: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, rights: Array<string>, territory: string | null, status: string | null, summary: string | null, startDate: { date: string, precision: DatePrecision, sortDate: string | null } | null, parties: Array<{ role: PartyRole | null, company: { id: string, name: string } }>, drugs: Array<{ id: string, name: string }>, technologies: Array<{ id: string, name: string }>, milestones: Array<{ id: string, name: string, status: MilestoneStatus | null, description: string | null, amount: { amount: number, currency: string } | null, payer: { id: string, name: string } | null, payee: { id: string, name: string } | null, trigger: { id: string, name: string, date: { date: string, precision: DatePrecision, sortDate: string | null } | null } | null }>, royalties: Array<{ id: string, name: string, basis: string | null, rate: number | null, description: string | null, payer: { id: string, name: string } | null, payee: { id: string, name: string } | null }>, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> } };

export type DrugsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type DrugsQuery = { drugs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, genericName: string | null, modality: string | null, highestPhase: string | null, targets: Array<{ id: string, name: string }>, payload: { id: string, name: string } | null, linker: { id: string, name: string } | null, antibody: { id: string, name: string } | null, companies: Array<{ relation: DrugCompanyRelation, company: { id: string, name: string } }>, partnerships: Array<{ id: string, name: string, parties: Array<{ role: PartyRole | null, company: { id: string, name: string } }> }> }> } };

export type TimelineQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type TimelineQuery = { regulatoryEvents: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, agency: string | null, region: string | null, eventType: string | null, status: string | null, date: { date: string, precision: DatePrecision, sortDate: string | null } | null, drug: { id: string, name: string } | null, regions: Array<{ id: string, name: string }> }> } };

export type ChangesQueryVariables = Exact<{
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChangesQuery = { changes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ kind: ChangeKind, property: string | null, before: unknown, after: unknown, date: string, entity:
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
      , relationship: { id: string, source: string, target: string, type: RelationshipType, label: string } | null, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null }, citations: Array<{ id: string, sentence: string, document: { id: string, name: string, date: string | null, publisher: string | null, url: string | null } }> }> } };

export type StatsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsQuery = { stats: { totalNodes: number, totalRelationships: number } };

export type DraftSourceMutationVariables = Exact<{
  source: SourceInput;
}>;


export type DraftSourceMutation = { draftSource: { documentId: string, title: string | null, text: string, seed: unknown, likelyMisses: Array<string>, sentences: Array<{ key: string, text: string, start: number, end: number }>, facts: Array<{ id: string, kind: EntityKind, name: string, sentences: Array<string>, resolution: DraftResolution, match:
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
       | null, lookalike:
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
       | null }> } };

export type PublishDraftMutationVariables = Exact<{
  draft: PublishInput;
}>;


export type PublishDraftMutation = { publishDraft: { seedFile: string, sourceFile: string, written: number, document: { id: string, name: string } } };

export type WithdrawDocumentMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawDocumentMutation = { withdrawDocument: { removed: boolean, files: Array<string> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DocumentRefFragmentDoc = new TypedDocumentString(`
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}
    `, {"fragmentName":"DocumentRef"}) as unknown as TypedDocumentString<DocumentRefFragment, unknown>;
export const CitationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CitationFields on Citation {
  id
  sentence
  document {
    ...DocumentRef
  }
}
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}`, {"fragmentName":"CitationFields"}) as unknown as TypedDocumentString<CitationFieldsFragment, unknown>;
export const StatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatementFields on Statement {
  date
  values
  document {
    ...DocumentRef
  }
  citations {
    ...CitationFields
  }
}
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}
fragment CitationFields on Citation {
  id
  sentence
  document {
    ...DocumentRef
  }
}`, {"fragmentName":"StatementFields"}) as unknown as TypedDocumentString<StatementFieldsFragment, unknown>;
export const EdgeFieldsFragmentDoc = new TypedDocumentString(`
    fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}
    `, {"fragmentName":"EdgeFields"}) as unknown as TypedDocumentString<EdgeFieldsFragment, unknown>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!, $first: Int, $kinds: [EntityKind!]) {
  search(text: $text, first: $first, kinds: $kinds) {
    id
    kind
    name
    score
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const GraphDocument = new TypedDocumentString(`
    query Graph($ids: [ID!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $asOf: Date) {
  graph(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, asOf: $asOf) {
    truncated
    nodes {
      id
      kind
      label
      properties
    }
    edges {
      ...EdgeFields
      properties
    }
  }
}
    fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}`) as unknown as TypedDocumentString<GraphQuery, GraphQueryVariables>;
export const DetailsDocument = new TypedDocumentString(`
    query Details($ids: [ID!]!, $id: ID!, $asOf: Date) {
  graph(ids: $ids, depth: 1, limit: 300, asOf: $asOf) {
    truncated
    nodes {
      id
      kind
      label
      properties
      citations {
        ...CitationFields
      }
    }
    edges {
      ...EdgeFields
      properties
      citations {
        ...CitationFields
      }
    }
  }
  node(id: $id, asOf: $asOf) {
    id
    history {
      ...StatementFields
    }
  }
}
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}
fragment CitationFields on Citation {
  id
  sentence
  document {
    ...DocumentRef
  }
}
fragment StatementFields on Statement {
  date
  values
  document {
    ...DocumentRef
  }
  citations {
    ...CitationFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}`) as unknown as TypedDocumentString<DetailsQuery, DetailsQueryVariables>;
export const EdgeDocument = new TypedDocumentString(`
    query Edge($ids: [ID!]!, $asOf: Date) {
  graph(ids: $ids, depth: 0, limit: 2, asOf: $asOf) {
    nodes {
      id
      kind
      label
      properties
    }
    edges {
      ...EdgeFields
      properties
      citations {
        ...CitationFields
      }
      history {
        ...StatementFields
      }
    }
  }
}
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}
fragment CitationFields on Citation {
  id
  sentence
  document {
    ...DocumentRef
  }
}
fragment StatementFields on Statement {
  date
  values
  document {
    ...DocumentRef
  }
  citations {
    ...CitationFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}`) as unknown as TypedDocumentString<EdgeQuery, EdgeQueryVariables>;
export const DocumentDocument = new TypedDocumentString(`
    query Document($id: ID!) {
  document(id: $id) {
    id
    title
    date
    publisher
    distributor
    place
    url
    text
    publishedBy {
      id
      name
    }
    sentences {
      id
      text
      start
      end
    }
    facts {
      nodes {
        id
        kind
        label
      }
      edges {
        ...EdgeFields
      }
    }
  }
}
    fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}`) as unknown as TypedDocumentString<DocumentQuery, DocumentQueryVariables>;
export const PathDocument = new TypedDocumentString(`
    query Path($from: ID!, $to: ID!, $maxLength: Int) {
  path(from: $from, to: $to, maxLength: $maxLength) {
    length
    nodes {
      id
      kind
      label
      properties
    }
    edges {
      ...EdgeFields
      properties
    }
  }
}
    fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}`) as unknown as TypedDocumentString<PathQuery, PathQueryVariables>;
export const PartnershipsDocument = new TypedDocumentString(`
    query Partnerships($after: String, $asOf: Date) {
  partnerships(first: 50, after: $after, asOf: $asOf) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      rights
      territory
      status
      summary
      startDate {
        date
        precision
        sortDate
      }
      parties {
        company {
          id
          name
        }
        role
      }
      drugs {
        id
        name
      }
      technologies {
        id
        name
      }
      milestones {
        id
        name
        status
        description
        amount {
          amount
          currency
        }
        payer {
          id
          name
        }
        payee {
          id
          name
        }
        trigger {
          id
          name
          date {
            date
            precision
            sortDate
          }
        }
      }
      royalties {
        id
        name
        basis
        rate
        description
        payer {
          id
          name
        }
        payee {
          id
          name
        }
      }
      citations {
        ...CitationFields
      }
    }
  }
}
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}
fragment CitationFields on Citation {
  id
  sentence
  document {
    ...DocumentRef
  }
}`) as unknown as TypedDocumentString<PartnershipsQuery, PartnershipsQueryVariables>;
export const DrugsDocument = new TypedDocumentString(`
    query Drugs($first: Int, $after: String, $asOf: Date) {
  drugs(first: $first, after: $after, asOf: $asOf) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      genericName
      modality
      highestPhase
      targets {
        id
        name
      }
      payload {
        id
        name
      }
      linker {
        id
        name
      }
      antibody {
        id
        name
      }
      companies {
        company {
          id
          name
        }
        relation
      }
      partnerships {
        id
        name
        parties {
          company {
            id
            name
          }
          role
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DrugsQuery, DrugsQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($first: Int, $after: String, $asOf: Date) {
  regulatoryEvents(first: $first, after: $after, asOf: $asOf) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      agency
      region
      eventType
      status
      date {
        date
        precision
        sortDate
      }
      drug {
        id
        name
      }
      regions {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const ChangesDocument = new TypedDocumentString(`
    query Changes($from: Date!, $to: Date!, $first: Int, $after: String) {
  changes(from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      kind
      property
      before
      after
      date
      entity {
        id
        kind
        name
      }
      relationship {
        ...EdgeFields
      }
      document {
        ...DocumentRef
      }
      citations {
        ...CitationFields
      }
    }
  }
}
    fragment DocumentRef on SourceDocument {
  id
  name
  date
  publisher
  url
}
fragment CitationFields on Citation {
  id
  sentence
  document {
    ...DocumentRef
  }
}
fragment EdgeFields on GraphEdge {
  id
  source
  target
  type
  label
}`) as unknown as TypedDocumentString<ChangesQuery, ChangesQueryVariables>;
export const StatsDocument = new TypedDocumentString(`
    query Stats {
  stats {
    totalNodes
    totalRelationships
  }
}
    `) as unknown as TypedDocumentString<StatsQuery, StatsQueryVariables>;
export const DraftSourceDocument = new TypedDocumentString(`
    mutation DraftSource($source: SourceInput!) {
  draftSource(source: $source) {
    documentId
    title
    text
    seed
    likelyMisses
    sentences {
      key
      text
      start
      end
    }
    facts {
      id
      kind
      name
      sentences
      resolution
      match {
        id
        kind
        name
      }
      lookalike {
        id
        kind
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DraftSourceMutation, DraftSourceMutationVariables>;
export const PublishDraftDocument = new TypedDocumentString(`
    mutation PublishDraft($draft: PublishInput!) {
  publishDraft(draft: $draft) {
    seedFile
    sourceFile
    written
    document {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PublishDraftMutation, PublishDraftMutationVariables>;
export const WithdrawDocumentDocument = new TypedDocumentString(`
    mutation WithdrawDocument($id: ID!) {
  withdrawDocument(id: $id) {
    removed
    files
  }
}
    `) as unknown as TypedDocumentString<WithdrawDocumentMutation, WithdrawDocumentMutationVariables>;