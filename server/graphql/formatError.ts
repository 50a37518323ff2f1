import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Apollo's own codes that are safe to pass through (parse and validation errors, bad requests, limits). */
const CLIENT_CODES = new Set<unknown>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ErrorCode.QueryTooComplex,
]);

export const isClientError = (code: unknown) => CLIENT_CODES.has(code);

/**
 * The error a resolver threw, from the GraphQLError that wraps it. Duck-typed, like Apollo's unwrapResolverError
 * but without `instanceof`, which fails when two copies of graphql are loaded (graphql-armor brings a CommonJS one).
 */
export function unwrapResolverError(error: unknown): unknown {
  const wrapper = error as { path?: unknown; originalError?: unknown } | null;
  return wrapper?.path && wrapper.originalError ? wrapper.originalError : error;
}

/**
 * The one place errors leave the server: our own AppErrors keep their message and code; anything unexpected
 * reaches the client as a generic message, so no stack or Cypher text leaks. The details are logged with the
 * request id by the errorReporting plugin (server/graphql/plugins.ts); errors outside a request are logged here.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, extensions: { code: original.code } };
    }
    const limit = limitCode(error);
    const code = limit ?? formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return {
        // graphql-armor reports some limits through the parser, which prefixes "Syntax Error: ".
        message: limit ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    if (!formatted.path) logger.error({ err: original }, 'unexpected error outside a resolver');
    return {
      message: 'Internal server error.',
      path: formatted.path,
      extensions: { code: ErrorCode.Internal },
    };
  };
}

/** graphql-armor's token limit message (the parser it runs has no validation context to carry a code). */
const TOKEN_LIMIT = /Token limit of \d+ exceeded/;

/**
 * Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED; the operation limits (server/graphql/armor.ts)
 * keep their own code underneath, and are given QUERY_TOO_COMPLEX back here.
 */
function limitCode(error: unknown): string | undefined {
  // Duck-typed: graphql-armor loads its own (CommonJS) copy of graphql, so `instanceof` would not hold.
  const { message, originalError } = (error ?? {}) as {
    message?: unknown;
    originalError?: { extensions?: unknown };
  };
  const inner = originalError?.extensions as { code?: unknown } | undefined;
  if (inner?.code === ErrorCode.QueryTooComplex) return ErrorCode.QueryTooComplex;
  if (typeof message === 'string' && TOKEN_LIMIT.test(message)) return ErrorCode.QueryTooComplex;
  return undefined;
}
