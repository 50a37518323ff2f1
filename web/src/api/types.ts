/**
 * The shapes the explorer reads from the GraphQL API, named for the views: each is the result type codegen
 * generates (web/src/generated, `npm run codegen`) for an operation or fragment of queries.ts, so it says exactly
 * what that operation selects. Only the `JSON` fields read as property maps are narrowed here (the schema cannot
 * say more).
 */
import type * as Operations from '../generated/graphql.ts';

/** A graph element's or statement's properties (the schema's `JSON`), keyed by property name. */
export type Properties = Record<string, unknown>;

/** `T` with its `properties` and `values` fields (the schema's `JSON`) read as property maps, at any depth. */
export type WithProperties<T> = T extends readonly (infer U)[]
  ? WithProperties<U>[]
  : T extends object
    ? { [K in keyof T]: K extends 'properties' | 'values' ? Properties : WithProperties<T[K]> }
    : T;

/** An answer with its property maps typed as such (the server sends every one as a JSON object). */
export const withProperties = <T>(value: T): WithProperties<T> => value as WithProperties<T>;

export type DocumentRef = Operations.DocumentRefFragment;

export type Citation = Operations.CitationFieldsFragment;

/** What one document states about an entity or a relationship, and when. */
export type Statement = WithProperties<Operations.StatementFieldsFragment>;

type GraphAnswer = WithProperties<Operations.GraphQuery['graph']>;

/** A node as every graph query selects it; the entity details ask for its citations too. */
export type GraphNode = GraphAnswer['nodes'][number] & { citations?: Citation[] };

/** An edge as every graph query selects it; the details of an entity or an edge ask for more. */
export type GraphEdge = GraphAnswer['edges'][number] & { citations?: Citation[]; history?: Statement[] };

export type Graph = { nodes: GraphNode[]; edges: GraphEdge[]; truncated?: boolean };

export type SearchHit = Operations.SearchQuery['search'][number];

export type PartnershipInfo = Operations.PartnershipsQuery['partnerships']['nodes'][number];

/** An entity's id and name. */
export type Ref = PartnershipInfo['drugs'][number];

export type FuzzyDate = NonNullable<PartnershipInfo['startDate']>;

export type MilestoneInfo = PartnershipInfo['milestones'][number];

export type RoyaltyInfo = PartnershipInfo['royalties'][number];

export type Money = NonNullable<MilestoneInfo['amount']>;

export type DrugInfo = Operations.DrugsQuery['drugs']['nodes'][number];

export type RegulatoryEventInfo = Operations.TimelineQuery['regulatoryEvents']['nodes'][number];

export type PathResult = WithProperties<NonNullable<Operations.PathQuery['path']>>;

/** A source document as the reader shows it: metadata, whole text, cited sentences, and what it states. */
export type SourceDocumentInfo = NonNullable<Operations.DocumentQuery['document']>;

/** A sentence of a document and where it is in the document's text. */
export type DocumentSentence = SourceDocumentInfo['sentences'][number];

export type ChangeKind = Operations.ChangeKind;

/** One change stated by one document (the `changes` query). */
export type Change = Operations.ChangesQuery['changes']['nodes'][number];

/** An entity's id, kind and name: enough for a link. */
export type EntityRef = Change['entity'];
