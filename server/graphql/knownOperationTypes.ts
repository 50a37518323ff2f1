import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses a `mutation` or `subscription` when the schema has none, as a validation error (400). Without this rule
 * graphql-js 16 finds out only while executing and throws an error without a code, which the API would then mask
 * as an internal error. (graphql-js 17 has it as KnownOperationTypesRule.)
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation}s: it answers queries only.`, { nodes: node }),
      );
    }
  },
});
