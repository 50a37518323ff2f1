import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../../server/app.ts';
import type { Config } from '../../../server/config.ts';
import type { Executor } from '../../../server/db/executor.ts';
import type { Logger } from '../../../server/logger.ts';

/** Answers are checked against literals in the tests, so their data is left untyped. */
// biome-ignore lint/suspicious/noExplicitAny: the shape of an answer is the shape of its query
export type Json = any;

/** A GraphQL answer as the tests read it. */
export interface GraphQLResponse<T = Record<string, Json>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  extensions?: Record<string, unknown>;
}

/** The whole app in-process on a free port, spoken to over real HTTP. */
export async function startApi(deps: { config: Config; executor: Executor; logger: Logger }) {
  // With EDITING on, curators' mutations write with the test database's own executor.
  const app: App = await createApp({ ...deps, writer: deps.config.EDITING ? deps.executor : undefined });
  const server: Server = await new Promise((resolve) => {
    const listening = app.http.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function post<T = Record<string, Json>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body };
  }

  return {
    url,
    post,
    /** Posts and fails the test on any error, returning `data`. */
    async data<T = Record<string, Json>>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await post<T>(query, variables);
      if (result.errors?.length || !result.data) {
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      }
      return result.data;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}

export type Api = Awaited<ReturnType<typeof startApi>>;
