/** History and provenance on the explorer's side: pure functions over what the API says. */
export {
  type ChangedElements,
  type ChangeWindow,
  changedElements,
  changeWindow,
  describeChange,
  edgeKey,
  formatTransition,
  NO_CHANGES,
  todayIso,
} from './changes.ts';
export { type TextSegment, textSegments } from './segments.ts';
export {
  formatValueChange,
  isShownValue,
  type StatementDiff,
  statementDiffs,
  type ValueChange,
} from './statements.ts';
