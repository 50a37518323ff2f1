/** History and provenance on the explorer's side: pure functions over what the API says. */
export {
  type ChangedElements,
  type ChangeGroup,
  type ChangeWindow,
  changedElements,
  changeWindow,
  describeChange,
  edgeKey,
  formatTransition,
  groupChanges,
  NO_CHANGES,
  shownChanges,
  todayIso,
} from './changes.ts';
export { type TextSegment, textSegments } from './segments.ts';
export {
  formatProvenance,
  formatValueChange,
  isShownProperty,
  isShownValue,
  META_PROPERTIES,
  type StatementDiff,
  statementDiffs,
  type ValueChange,
} from './statements.ts';
