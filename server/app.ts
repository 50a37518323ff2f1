import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Config } from './config.ts';
import { type Context, createContext } from './context.ts';
import type { Executor } from './db/executor.ts';
import { AppError, ErrorCode } from './errors.ts';
import { createArmor, OPERATION_LIMITS } from './graphql/armor.ts';
import { corsAllowlist } from './graphql/cors.ts';
import { createFormatError } from './graphql/formatError.ts';
import { errorReporting } from './graphql/plugins.ts';
import { tokenLimit } from './graphql/tokenLimit.ts';
import type { Logger } from './logger.ts';
import { resolvers } from './resolvers.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const WEB_DIST_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
/** The largest request body accepted (a GraphQL document and its variables). */
export const MAX_BODY_BYTES = 100_000;
/** Request ids taken from clients are cut to this length and limited to safe characters. */
const MAX_REQUEST_ID_LENGTH = 64;

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
  const armor = createArmor({ hideSchemaHints: !config.GRAPHQL_INTROSPECTION });
  const apollo = new ApolloServer<Context>({
    typeDefs: await readFile(SCHEMA_PATH, 'utf8'),
    resolvers,
    introspection: config.GRAPHQL_INTROSPECTION,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // server/main.ts owns the process lifecycle: it stops Apollo, the driver and Neo4j in order.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      errorReporting,
      config.GRAPHQL_INTROSPECTION
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
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
    assignRequestId,
    corsAllowlist(config.CORS_ORIGINS),
    express.json({ limit: MAX_BODY_BYTES }),
    tokenLimit(OPERATION_LIMITS.maxTokens),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<Context> => {
        const requestId = String(res.locals.requestId);
        return createContext(executor, logger.child({ requestId }), requestId);
      },
    }),
    bodyErrors,
  );
  if (existsSync(WEB_DIST_DIR)) {
    http.use(express.static(WEB_DIST_DIR, { index: 'index.html', maxAge: '1h' }));
  } else {
    logger.warn(`No built web app in ${WEB_DIST_DIR}: run "npm run build" to serve the explorer.`);
  }

  return { http, stop: () => apollo.stop() };
}

/** Every request gets an id (the client's x-request-id when it is sane), echoed in a header and in the logs. */
const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id')?.slice(0, MAX_REQUEST_ID_LENGTH);
  const requestId = given && /^[\w.:-]+$/.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader('x-request-id', requestId);
  next();
};

/** Bodies that are too large or not JSON get a GraphQL-shaped error, not Express's HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    res.status(413).json({
      errors: [
        {
          message: `The request body is over ${MAX_BODY_BYTES} bytes.`,
          extensions: { code: ErrorCode.PayloadTooLarge },
        },
      ],
    });
  } else if (
    type === 'entity.parse.failed' ||
    type === 'encoding.unsupported' ||
    type === 'charset.unsupported'
  ) {
    res.status(400).json({
      errors: [
        { message: 'The request body is not valid JSON.', extensions: { code: ErrorCode.BadRequest } },
      ],
    });
  } else {
    next(error);
  }
};
