import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { isClientError, unwrapResolverError } from './formatError.ts';

/**
 * Logs every error that clients will only see masked, with the request id, and tells clients that id; answers
 * 503 when the database is unreachable and nothing could be answered (every root field null), so load balancers
 * and retries see it.
 */
export const errorReporting: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof AppError && original.code !== ErrorCode.Internal) continue;
          if (!(original instanceof AppError) && isClientError(error.extensions?.code)) continue;
          contextValue.logger?.error({ err: original, operationName, path: error.path }, 'unexpected error');
        }
      },
      async willSendResponse({ contextValue, response, errors }) {
        if (!errors?.length || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, requestId: contextValue.requestId };
        const unavailable = errors.some((error) => {
          const original = unwrapResolverError(error);
          return original instanceof AppError && original.code === ErrorCode.ServiceUnavailable;
        });
        // Nothing answered: no data, or only nulls where the database would have answered.
        const nothing = !result.data || Object.values(result.data).every((value) => value === null);
        if (unavailable && nothing) response.http.status = 503;
      },
    };
  },
};
