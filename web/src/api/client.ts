import { ErrorCode } from '../../../server/errors.ts';
import type { TypedDocumentString } from '../generated/graphql.ts';

/**
 * Codes of failures that never got an answer from the API (the API's own codes are the server's `ErrorCode`): no
 * connection, an answer that is not GraphQL, a GraphQL error without a code.
 */
export const ClientErrorCode = { Network: 'NETWORK', Http: 'HTTP', Unknown: 'UNKNOWN' } as const;

/** The only way the explorer talks to the server: GraphQL over HTTP POST on the same origin. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }

  /** Whether the server answered that its database is down or slow. */
  get databaseDown(): boolean {
    return this.code === ErrorCode.ServiceUnavailable || this.code === ErrorCode.Timeout;
  }
}

/** How long one request may take before the explorer gives up and offers Retry. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Where a request goes: the public endpoint (queries), or the curation endpoint with the editor's token. */
export interface Endpoint {
  readonly path: '/graphql' | '/graphql/edit';
  readonly token?: string;
  /** How long to wait for the answer (default REQUEST_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

const PUBLIC: Endpoint = { path: '/graphql' };

/** Sends one of the explorer's operations (typed by codegen from schema.graphql) and returns its data. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  endpoint: Endpoint = PUBLIC,
): Promise<TResult> {
  let response: Response;
  const timeout = AbortSignal.timeout(endpoint.timeoutMs ?? REQUEST_TIMEOUT_MS);
  try {
    response = await fetch(endpoint.path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted)
      throw new ApiError('The Pipeline Atlas server did not answer in time.', ErrorCode.Timeout);
    throw new ApiError('The Pipeline Atlas server cannot be reached.', ClientErrorCode.Network);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: TResult;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const firstError = body?.errors?.[0];
  if (firstError)
    throw new ApiError(firstError.message, firstError.extensions?.code ?? ClientErrorCode.Unknown);
  if (!response.ok || !body?.data)
    throw new ApiError(`The server answered ${response.status}.`, ClientErrorCode.Http);
  return body.data;
}
