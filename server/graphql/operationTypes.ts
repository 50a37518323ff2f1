import { GraphQLError, type OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * Refuses every operation type an endpoint does not take, as a validation error (400): the public endpoint takes
 * queries only, the curation endpoint (/graphql/edit) queries and mutations. Without it graphql-js 16 would run a
 * mutation sent to the public endpoint, or find out only while executing that there are no subscriptions.
 */
export function onlyOperations(allowed: readonly `${OperationTypeNode}`[], refusal: string): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      if (!allowed.includes(node.operation)) context.reportError(new GraphQLError(refusal, { nodes: node }));
    },
  });
}

/** Where the public endpoint sends a mutation. */
export const QUERIES_ONLY =
  'This endpoint answers queries only; curation (mutations) is at /graphql/edit when the server runs with EDITING=true.';
