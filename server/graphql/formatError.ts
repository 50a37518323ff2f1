import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Apollo's own codes that are safe to pass through (parse and validation errors, bad requests, limits). */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ErrorCode.QueryTooComplex,
]);

/**
 * The one place errors leave the server: our own AppErrors keep their message and code; anything unexpected is
 * logged in full and reaches the client as a generic message, so no stack or Cypher text leaks.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      if (original.code === ErrorCode.Internal) logger.error({ err: original.cause ?? original }, 'internal error');
      return { message: original.message, path: formatted.path, extensions: { code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original }, 'unexpected error');
    return { message: 'Internal server error.', path: formatted.path, extensions: { code: ErrorCode.Internal } };
  };
}
