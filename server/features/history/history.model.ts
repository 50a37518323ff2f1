import type { EntityModel, GraphEdgeModel } from '../entities/entity.model.ts';

/** What one document states about one subject (the `Statement` type), before its fields are resolved. */
export interface StatementModel {
  /** The document's id. */
  readonly document: string;
  /** The document's date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The values it states, without citations and bookkeeping. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Its cited sentences' ids. */
  readonly citedIn: readonly string[];
}

export type ChangeKind = 'ENTITY_ADDED' | 'PROPERTY_CHANGED' | 'RELATIONSHIP_ADDED' | 'RELATIONSHIP_CHANGED';

/** One change stated by one document (the `Change` type). */
export interface ChangeModel {
  readonly kind: ChangeKind;
  /** The entity added or changed, or the one the relationship starts from: its id, and itself when at hand. */
  readonly entityId: string;
  readonly entity: EntityModel | null;
  readonly relationship: GraphEdgeModel | null;
  readonly property: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly date: string;
  /** The document's id. */
  readonly document: string;
  readonly citedIn: readonly string[];
  /** Its place in the order of changes (see changes.ts), for cursors. */
  readonly cursor: string;
}

/** A page of changes. */
export interface ChangeConnectionModel {
  readonly totalCount: number;
  readonly items: readonly ChangeModel[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}
