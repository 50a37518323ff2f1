import type { EntityModel } from './entity.model.ts';

/** A cited sentence and the document it comes from. */
export interface CitationModel {
  readonly id: string;
  readonly sentence: string;
  readonly index: number | null;
  readonly document: EntityModel;
}
