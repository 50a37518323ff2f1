import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import type { Executor } from './db/executor.ts';
import { AppError } from './errors.ts';
import { createFormatError } from './graphql/formatError.ts';
import type { Logger } from './logger.ts';
import { resolvers } from './resolvers.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const WEB_DIST_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
const MAX_BODY_BYTES = 100_000;

export interface AppDependencies {
  config: Config;
  executor: Executor;
  logger: Logger;
}

export interface App {
  http: express.Express;
  stop(): Promise<void>;
}

/** Builds the whole HTTP application without listening, so tests run it in-process. */
export async function createApp({ config, executor, logger }: AppDependencies): Promise<App> {
  const apollo = new ApolloServer<Context>({
    typeDefs: await readFile(SCHEMA_PATH, 'utf8'),
    resolvers,
    introspection: config.GRAPHQL_INTROSPECTION,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    plugins: config.GRAPHQL_INTROSPECTION ? [] : [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const http = express();
  http.disable('x-powered-by');
  http.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  http.get('/ready', async (_req, res) => {
    try {
      await executor.ping();
      res.json({ status: 'ready', database: 'reachable' });
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'The graph database is unreachable.';
      res.status(503).json({ status: 'not ready', database: 'unreachable', message });
    }
  });
  http.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const requestId = req.get('x-request-id')?.slice(0, 64) || randomUUID();
        return { executor, requestId, logger: logger.child({ requestId }) };
      },
    }),
  );
  if (existsSync(WEB_DIST_DIR)) {
    http.use(express.static(WEB_DIST_DIR, { index: 'index.html', maxAge: '1h' }));
  } else {
    logger.warn(`No built web app in ${WEB_DIST_DIR}: run "npm run build" to serve the explorer.`);
  }

  return { http, stop: () => apollo.stop() };
}
