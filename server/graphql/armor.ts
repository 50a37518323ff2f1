import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { ErrorCode } from '../errors.ts';

/**
 * Caps on the shape of an operation, enforced by graphql-armor before anything runs. Sized so the deepest useful
 * query (partnerships → milestones → trigger → regions → citations → document) passes with room to spare.
 */
export const OPERATION_LIMITS = Object.freeze({
  /** Nesting of selections. */
  maxDepth: 10,
  /** Aliases in one operation. */
  maxAliases: 15,
  /** Directives in one operation. */
  maxDirectives: 10,
  /** Lexical tokens in one document (the Sandbox's introspection query uses about 250). */
  maxTokens: 2_000,
  /** graphql-armor's cost estimate (objects 2, scalars 1, times 1.5 per level of depth, fragments as if
   * inlined); the explorer's page of 50 partnerships with full terms and citations costs about 16,000. */
  maxCost: 20_000,
});

/** Armor's rejections carry our code, so clients can tell a refused query from a wrong one. */
const reject = (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(new GraphQLError(error.message, { extensions: { code: ErrorCode.QueryTooComplex } }));
};

/** The Apollo plugins and validation rules that enforce OPERATION_LIMITS. */
export function createArmor({ hideSchemaHints }: { hideSchemaHints: boolean }) {
  const common = { onReject: [reject], propagateOnRejection: false, exposeLimits: true };
  return new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth, ...common, flattenFragments: true },
    maxAliases: { n: OPERATION_LIMITS.maxAliases, ...common },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives, ...common },
    // Apollo answers 500 to an error thrown while parsing, so tokens are counted before Apollo (tokenLimit.ts).
    maxTokens: { enabled: false },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost, ...common, flattenFragments: true },
    blockFieldSuggestion: { enabled: hideSchemaHints },
  }).protect();
}
