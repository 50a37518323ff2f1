import type { NodeKind } from '../model/kinds.ts';

/** The kinds the API serves as entities: every label but Sentence (sentences come as citations). */
export type EntityKind = Exclude<NodeKind, 'Sentence'>;

/**
 * What the data layer returns for every entity: its kind, id and stored properties as plain values (dates as ISO
 * strings). Field resolvers read the properties; relations are loaded on demand through the request's loaders.
 */
export interface EntityModel {
  readonly kind: EntityKind;
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[] | null;
  readonly citedIn?: readonly string[] | null;
  /** The day the answer is about (`YYYY-MM-DD`), null for today: fields below this entity answer for it too. */
  readonly asOf?: string | null;
  readonly [property: string]: unknown;
}

/**
 * The relationship properties the link types' fields read (a party's role, an employment's title, …, and the
 * citations): all that a link fetches of its relationship.
 */
export const LINK_PROPERTIES = ['citedIn', 'role', 'title', 'region', 'sponsor', 'status'] as const;

/** A relationship seen from one end: its properties and the entity at the other end. */
export interface LinkModel {
  readonly type: string;
  readonly properties: Readonly<Partial<Record<(typeof LINK_PROPERTIES)[number], unknown>>>;
  /** The entity the resolver started from. */
  readonly from: EntityModel | null;
  /** The entity at the other end. */
  readonly node: EntityModel;
  /** The day the answer is about, null for today. */
  readonly asOf?: string | null;
}

/** A page of a connection, before GraphQL shapes it into edges and pageInfo. */
export interface ConnectionModel<T = EntityModel> {
  readonly totalCount: number;
  readonly items: readonly { cursor: string; node: T }[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** A graph node or edge as the `graph` and `path` fields return them. */
export interface GraphNodeModel {
  readonly id: string;
  readonly kind: EntityKind;
  readonly label: string;
  readonly properties: Record<string, unknown>;
  /** The day the answer is about, null for today. */
  readonly asOf?: string | null;
}

export interface GraphEdgeModel {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly label: string;
  readonly properties: Record<string, unknown>;
  /** The day the answer is about, null for today. */
  readonly asOf?: string | null;
}

/** A search hit. */
export interface SearchHitModel {
  readonly node: EntityModel;
  readonly score: number;
}

/** One item of a connection page. */
export interface EdgeModel {
  readonly cursor: string;
  readonly node: EntityModel;
}

/** A loose date as stored: ISO prefix, precision, earliest day. */
export interface FuzzyDateModel {
  readonly date: string;
  readonly precision: string;
  readonly sortDate: string | null;
}

/** A cited sentence and the document it comes from. */
export interface CitationModel {
  readonly id: string;
  readonly sentence: string;
  readonly index: number | null;
  /** The day its document is dated (`YYYY-MM-DD`): a citation counts as of a day on or after it. */
  readonly since: string | null;
  readonly document: EntityModel;
}
