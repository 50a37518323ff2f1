/** The only way the explorer talks to the server: GraphQL over HTTP POST on the same origin. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }

  /** Whether the server or its database cannot be reached (worth a Retry), rather than a bad request. */
  get unreachable(): boolean {
    return UNREACHABLE_CODES.has(this.code);
  }
}

const UNREACHABLE_CODES = new Set([
  'NETWORK',
  'HTTP',
  'DATABASE_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'DATABASE_TIMEOUT',
]);

/** How long one request may take before the explorer gives up and offers Retry. */
export const REQUEST_TIMEOUT_MS = 20_000;

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new ApiError('The Pipeline Atlas server did not answer in time.', 'TIMEOUT');
    throw new ApiError('The Pipeline Atlas server cannot be reached.', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const firstError = body?.errors?.[0];
  if (firstError) throw new ApiError(firstError.message, firstError.extensions?.code ?? 'UNKNOWN');
  if (!response.ok || !body?.data) throw new ApiError(`The server answered ${response.status}.`, 'HTTP');
  return body.data;
}
