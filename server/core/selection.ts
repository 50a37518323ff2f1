import {
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLType,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { pageSize } from './limits.ts';
import type { Prefetch, RelationSpec } from './relations.ts';
import { ENTITY_KINDS } from './toEntity.ts';

/*
 * A root field's selection, turned into the relations to fetch in its own statement: every field below it that
 * reads a relationship list (tagged by its resolver, see `readsRelation`) becomes a Prefetch, with the fields
 * selected under it as children, so nested fields find their data primed in the loaders instead of asking Neo4j one
 * level at a time. Only relation specs and page sizes come from the request; labels and types are the specs'.
 */

type Args = Record<string, unknown>;

/**
 * What an entity field reads: a relation spec (chosen by the field's arguments), and what it returns of it: the
 * entities at the other end, the links themselves (a type of their own, such as a partnership's parties), or a page.
 */
export interface FieldRelation {
  readonly spec: (args: Args) => RelationSpec;
  readonly returns: 'entities' | 'links' | 'page';
}

const TAG = Symbol('relation');

/** Tags a field resolver with the relation it reads, so a selection that asks for it can prefetch it. */
export function readsRelation<F extends object>(resolver: F, relation: FieldRelation): F {
  return Object.assign(resolver, { [TAG]: relation });
}

/** The tagged fields of a resolver map, keyed `Type.field`. */
export function fieldRelations(resolvers: Record<string, object>): ReadonlyMap<string, FieldRelation> {
  const found = new Map<string, FieldRelation>();
  for (const [type, fields] of Object.entries(resolvers)) {
    for (const [field, resolver] of Object.entries(fields)) {
      const relation = (resolver as { [TAG]?: FieldRelation } | null)?.[TAG];
      if (relation) found.set(`${type}.${field}`, relation);
    }
  }
  return found;
}

/** Nesting below the root field that is fetched with it; deeper fields resolve through the loaders. */
const MAX_PREFETCH_DEPTH = 4;

/**
 * The relations the selection of `info`'s field reads below entities of type `type`: the field returns one such
 * entity, or (`connection`) a page of them, selected as `nodes` or `edges { node }`. Later pages (`after`), page
 * sizes out of range and a second field reading the same relation are left to the loaders.
 */
export function selectionPrefetch(
  info: GraphQLResolveInfo,
  relations: ReadonlyMap<string, FieldRelation>,
  type: string,
  returns: 'entity' | 'connection' = 'entity',
): Prefetch[] {
  const selections = info.fieldNodes.map((node) => node.selectionSet);
  const items = returns === 'entity' ? selections : selections.flatMap((set) => pageItems(info, set));
  return walk(info, relations, items, type, 0);
}

function walk(
  info: GraphQLResolveInfo,
  relations: ReadonlyMap<string, FieldRelation>,
  selections: readonly (SelectionSetNode | undefined)[],
  type: string,
  depth: number,
): Prefetch[] {
  if (depth >= MAX_PREFETCH_DEPTH) return [];
  const out = new Map<string, Prefetch>();
  for (const field of selections.flatMap((set) => fieldsOf(info, set, type))) {
    const relation = relations.get(`${type}.${field.name.value}`);
    if (!relation) continue;
    const args = argumentsOf(info, field);
    if (args.after) continue;
    const spec = relation.spec(args);
    const paged = relation.returns === 'page';
    // A page size out of range is the field's own error to report, when it resolves.
    const first = paged ? validPageSize(args.first) : undefined;
    if (out.has(spec.key) || (paged && first === undefined)) continue;
    // What is selected on the entities at the other end (a link type's fields are not an entity's).
    const target = relation.returns !== 'links' && spec.targets?.length === 1 ? spec.targets[0] : undefined;
    const below = paged ? pageItems(info, field.selectionSet) : [field.selectionSet];
    const children = target ? walk(info, relations, below, target, depth + 1) : [];
    out.set(spec.key, { spec, ...(children.length ? { children } : {}), ...(paged ? { page: first } : {}) });
  }
  return [...out.values()];
}

/**
 * The fields selected in `set`, through its fragments: on an entity of `type`, only the fragments that apply to it;
 * without a type (a connection, an edge), every fragment.
 */
function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, type?: string): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return [selection];
    const fragment = selection.kind === 'InlineFragment' ? selection : info.fragments[selection.name.value];
    const condition = fragment?.typeCondition?.name.value;
    if (type && condition && condition !== type && condition !== 'Node') return [];
    return fieldsOf(info, fragment?.selectionSet, type);
  });
}

/** The names of the fields selected under `info`'s field at `path` (e.g. `['edges']`), through fragments. */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path) sets = sets.flatMap((set) => fieldsNamed(info, set, name));
  return new Set(sets.flatMap((set) => fieldsOf(info, set)).map((field) => field.name.value));
}

function fieldsNamed(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string) {
  return fieldsOf(info, set)
    .filter((field) => field.name.value === name)
    .map((field) => field.selectionSet);
}

/** The selections on a connection's entities: under `nodes`, and under `edges { node }`. */
function pageItems(info: GraphQLResolveInfo, set: SelectionSetNode | undefined) {
  const edgeNodes = fieldsNamed(info, set, 'edges').flatMap((edges) => fieldsNamed(info, edges, 'node'));
  return [...fieldsNamed(info, set, 'nodes'), ...edgeNodes];
}

function validPageSize(first: unknown): number | undefined {
  try {
    return pageSize(first as number | null | undefined);
  } catch {
    return undefined;
  }
}

/** A field's arguments as the request gives them (variables replaced by their values). */
function argumentsOf(info: GraphQLResolveInfo, field: FieldNode): Args {
  return Object.fromEntries(
    (field.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value, info.variableValues),
    ]),
  );
}

/**
 * Which stored properties of each entity kind one GraphQL operation can read, so root queries fetch those and not
 * every property (measured: half the Cypher time of a page of partnerships with full terms). It is the union over
 * the whole operation, fragments included, so an entity fetched anywhere in the request has every property any
 * resolver of that operation reads, whichever path reached it. Property names come from the schema, never from
 * the request, and reach Cypher as a parameter.
 */
export type Projection = Readonly<Record<string, readonly string[]>>;

/** Fields that read other properties than their own name (or more than one). */
const READS: Readonly<Record<string, readonly string[]>> = {
  citations: ['citedIn'],
  kind: [],
  date: ['date', 'datePrecision', 'sortDate'],
  startDate: ['startDate', 'startDatePrecision', 'startSortDate'],
  primaryCompletionDate: ['primaryCompletionDate', 'primaryCompletionSortDate'],
  completionDate: ['completionDate', 'completionSortDate'],
  amount: ['amount', 'currency'],
  upfront: ['upfront', 'currency'],
  equity: ['equity', 'currency'],
  totalValue: ['totalValue', 'currency'],
  title: [],
};

const KINDS = new Set<string>(ENTITY_KINDS);
/** Every projected node carries these anyway (see nodeMap). */
const ALWAYS = new Set(['id', 'name']);
const cache = new WeakMap<object, Projection>();

/** The properties each kind needs for the operation `info` belongs to (cached per parsed operation). */
export function projectionOf(info: GraphQLResolveInfo): Projection {
  let projection = cache.get(info.operation);
  if (!projection) {
    projection = buildProjection(info);
    cache.set(info.operation, projection);
  }
  return projection;
}

/*
 * Walks the operation with the schema's own methods only: `graphql` helpers such as TypeInfo check `instanceof`,
 * which fails when the schema was built by another copy of the package (as under Vitest's module loader).
 */
function buildProjection(info: GraphQLResolveInfo): Projection {
  const needed = new Map<string, Set<string>>();
  const kindsOf = (type: GraphQLNamedType): string[] =>
    KINDS.has(type.name)
      ? [type.name]
      : 'isTypeOf' in type || !('resolveType' in type)
        ? []
        : info.schema
            .getPossibleTypes(type as Parameters<typeof info.schema.getPossibleTypes>[0])
            .map((t) => t.name);
  const walk = (
    selections: SelectionSetNode | undefined,
    type: GraphQLNamedType | undefined,
    seen: Set<string>,
  ) => {
    if (!selections || !type || !('getFields' in type)) return;
    const fields = type.getFields();
    for (const selection of selections.selections) {
      if (selection.kind === 'InlineFragment') {
        const condition = selection.typeCondition && info.schema.getType(selection.typeCondition.name.value);
        walk(selection.selectionSet, condition || type, seen);
      } else if (selection.kind === 'FragmentSpread') {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        walk(
          fragment.selectionSet,
          info.schema.getType(fragment.typeCondition.name.value),
          new Set([...seen, fragment.name.value]),
        );
      } else {
        const field = fields[selection.name.value];
        if (!field) continue;
        const fieldType = namedType(field.type);
        const reads = READS[field.name] ?? ('getFields' in fieldType ? [] : [field.name]);
        for (const kind of kindsOf(type)) {
          const properties = needed.get(kind) ?? new Set<string>();
          for (const property of reads) if (!ALWAYS.has(property)) properties.add(property);
          needed.set(kind, properties);
        }
        walk(selection.selectionSet, fieldType, seen);
      }
    }
  };
  walk(
    info.operation.selectionSet,
    info.schema.getRootType(info.operation.operation) ?? undefined,
    new Set(),
  );
  return Object.fromEntries([...needed].map(([kind, properties]) => [kind, [...properties]]));
}

/** The type inside lists and non-nulls, read without `instanceof` (another copy of graphql may have built it). */
export function namedType(type: GraphQLType): GraphQLNamedType {
  let inner: GraphQLType = type;
  while ('ofType' in inner) inner = inner.ofType;
  return inner;
}
