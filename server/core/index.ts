/*
 * The query core every feature builds on: the entity types and their fields, and the compiler that turns a root
 * field's selection into one parameterised Cypher statement (rootQuery, selection, cypher, asOf), pages and cursors,
 * limits, the per-request loaders, and the rows-to-models mapping. Features import from here only.
 */

export { propertyOf, relationshipValueOf, whereAsOf } from './asOf.ts';
export { cachedStatements, elementOfSubject, nodeMap, relationshipFields } from './cypher.ts';
export { entitiesQuery, entityTypes } from './entityTypes.ts';
export { citationsOf } from './fields.ts';
export { checkRange, filterText, historySize, idList, LIMITS } from './limits.ts';
export { type AsOf, createLoaders } from './loaders.ts';
export type { EntityModel, GraphEdgeModel, GraphNodeModel, SearchHitModel } from './model.ts';
export { runNodeQuery, runRootQuery } from './page.ts';
export { type CursorPosition, decodeCursor, encodeCursor } from './paging.ts';
export { REL, type RelationSpec } from './relations.ts';
export { type Condition, normalizeText, type RefFilter, type RootQuery, refParams } from './rootQuery.ts';
export { DateScalar, JsonScalar } from './scalars.ts';
export { projectionOf, selectedFieldNames } from './selection.ts';
export { attachStatements } from './statements.ts';
export { ENTITY_KINDS, relationshipProperties, requireEntity, toEntity } from './toEntity.ts';
