import { type FieldNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';

/**
 * The parts of a resolver's info that walk an operation (projection.ts, prefetch.ts): the operation, its
 * fragments, its first root field, and the variables' values.
 */
export function infoFor(query: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const root = operation?.selectionSet.selections[0] as FieldNode | undefined;
  return {
    operation,
    fragments,
    fieldNodes: root ? [root] : [],
    variableValues,
  } as unknown as GraphQLResolveInfo;
}
