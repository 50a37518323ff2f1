import type { GraphQLNamedType, GraphQLResolveInfo, GraphQLType, SelectionSetNode } from 'graphql';
import { ENTITY_KINDS } from './toEntity.ts';

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

/** The named type under list and non-null wrappers. */
function namedType(type: GraphQLType): GraphQLNamedType {
  let inner: GraphQLType = type;
  while ('ofType' in inner) inner = inner.ofType;
  return inner;
}
