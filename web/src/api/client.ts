/** The only way the explorer talks to the server: GraphQL over HTTP POST on the same origin. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The Pipeline Atlas server cannot be reached.', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  const firstError = body?.errors?.[0];
  if (firstError) throw new ApiError(firstError.message, firstError.extensions?.code ?? 'UNKNOWN');
  if (!response.ok || !body?.data) throw new ApiError(`The server answered ${response.status}.`, 'HTTP');
  return body.data;
}
