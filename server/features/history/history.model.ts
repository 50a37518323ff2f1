import type { EntityModel, GraphEdgeModel } from '../../core/index.ts';
import type { ChangeDraft } from './changes.ts';

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

/**
 * One change stated by one document (the `Change` type): its draft (changes.ts) with the element it touched, when
 * at hand, and its cursor in place of the draft's bookkeeping.
 */
export interface ChangeModel extends Omit<ChangeDraft, 'key' | 'single' | 'order'> {
  readonly entity: EntityModel | null;
  readonly relationship: GraphEdgeModel | null;
  /** Its place in the order of changes (the draft's `order`), for cursors. */
  readonly cursor: string;
}

/** A page of changes. */
export interface ChangeConnectionModel {
  readonly totalCount: number;
  readonly items: readonly ChangeModel[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}
