import type { EntityModel } from './entity.model.ts';

/** A cited sentence and the document it comes from. */
export interface CitationModel {
  readonly id: string;
  readonly sentence: string;
  readonly index: number | null;
  /** The day its document is dated (`YYYY-MM-DD`): a citation counts as of a day on or after it. */
  readonly since: string | null;
  readonly document: EntityModel;
}
