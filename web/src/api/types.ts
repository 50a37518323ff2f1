/**
 * The shapes the explorer reads from the GraphQL API. Each is a selection of a type generated from the contract,
 * schema.graphql (server/generated/graphql.ts, `npm run codegen`): the fields a query in queries.ts asks for,
 * with the nested selections it asks for. Only `JSON` fields are narrowed here (the schema cannot say more).
 */
import type * as Schema from '../../../server/generated/graphql.ts';

/** The fields `K` of the schema type `T`, then the nested selections `N` in place of the full nested types. */
type Select<T, K extends keyof T, N extends Partial<Record<keyof T, unknown>> = Record<never, never>> = Pick<
  T,
  Exclude<K, keyof N>
> &
  N;

/** A graph element's or statement's properties (the schema's `JSON`), keyed by property name. */
export type Properties = Record<string, unknown>;

export type DocumentRef = Select<Schema.SourceDocument, 'id' | 'name' | 'date' | 'publisher' | 'url'>;

export type Citation = Select<Schema.Citation, 'id' | 'sentence', { document: DocumentRef }>;

/** What one document states about an entity or a relationship, and when. */
export type Statement = Select<
  Schema.Statement,
  'date',
  { document: DocumentRef; values: Properties; citations: Citation[] }
>;

export type GraphNode = Select<
  Schema.GraphNode,
  'id' | 'kind' | 'label',
  { properties: Properties; citations?: Citation[] }
>;

export type GraphEdge = Select<
  Schema.GraphEdge,
  'id' | 'source' | 'target' | 'type' | 'label',
  { properties: Properties; citations?: Citation[]; history?: Statement[] }
>;

export type Graph = Select<
  Schema.Graph,
  never,
  { nodes: GraphNode[]; edges: GraphEdge[]; truncated?: boolean }
>;

export type SearchHit = Select<Schema.SearchHit, 'id' | 'kind' | 'name' | 'score'>;

export type Money = Select<Schema.Money, 'amount' | 'currency'>;

export type FuzzyDate = Select<Schema.FuzzyDate, 'date' | 'precision' | 'sortDate'>;

export type Ref = Select<Schema.Node, 'id' | 'name'>;

/** An entity's id, kind and name: enough for a link. */
export type EntityRef = Select<Schema.Node, 'id' | 'kind' | 'name'>;

export type MilestoneInfo = Select<
  Schema.Milestone,
  'id' | 'name' | 'status' | 'description',
  {
    amount: Money | null;
    payer: Ref | null;
    payee: Ref | null;
    trigger: (Ref & { date: FuzzyDate | null }) | null;
  }
>;

export type RoyaltyInfo = Select<
  Schema.Royalty,
  'id' | 'name' | 'basis' | 'rate' | 'description',
  { payer: Ref | null; payee: Ref | null }
>;

type PartyInfo = Select<Schema.PartnershipParty, 'role', { company: Ref }>;

export type PartnershipInfo = Select<
  Schema.Partnership,
  'id' | 'name' | 'rights' | 'territory' | 'status' | 'summary',
  {
    startDate: FuzzyDate | null;
    parties: PartyInfo[];
    drugs: Ref[];
    technologies: Ref[];
    milestones: MilestoneInfo[];
    royalties: RoyaltyInfo[];
    citations: Citation[];
  }
>;

export type DrugInfo = Select<
  Schema.Drug,
  'id' | 'name' | 'genericName' | 'modality' | 'highestPhase',
  {
    targets: Ref[];
    payload: Ref | null;
    linker: Ref | null;
    antibody: Ref | null;
    companies: Select<Schema.DrugCompany, 'relation', { company: Ref }>[];
    partnerships: Select<Schema.Partnership, 'id' | 'name', { parties: PartyInfo[] }>[];
  }
>;

export type RegulatoryEventInfo = Select<
  Schema.RegulatoryEvent,
  'id' | 'name' | 'agency' | 'region' | 'eventType' | 'status',
  { date: FuzzyDate | null; drug: Ref | null; regions?: Ref[] }
>;

export type PathResult = Select<Schema.Path, 'length', { nodes: GraphNode[]; edges: GraphEdge[] }>;

/** A sentence of a document and where it is in the document's text. */
export type DocumentSentence = Select<Schema.DocumentSentence, 'id' | 'text' | 'start' | 'end'>;

/** A source document as the reader shows it: metadata, whole text, cited sentences, and what it states. */
export type SourceDocumentInfo = Select<
  Schema.SourceDocument,
  'id' | 'title' | 'date' | 'publisher' | 'distributor' | 'place' | 'url' | 'text',
  {
    publishedBy: Ref[];
    sentences: DocumentSentence[];
    facts: {
      nodes: Select<Schema.GraphNode, 'id' | 'kind' | 'label'>[];
      edges: Select<Schema.GraphEdge, 'id' | 'source' | 'target' | 'type' | 'label'>[];
    };
  }
>;

export type ChangeKind = Schema.ChangeKind;

/** One change stated by one document (the `changes` query). */
export type Change = Select<
  Schema.Change,
  'kind' | 'property' | 'date',
  {
    entity: EntityRef;
    relationship: Select<Schema.GraphEdge, 'id' | 'source' | 'target' | 'type' | 'label'> | null;
    before: unknown;
    after: unknown;
    document: DocumentRef;
    citations: Citation[];
  }
>;
