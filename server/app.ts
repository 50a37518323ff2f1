import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
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
import { knownOperationTypes } from './graphql/knownOperationTypes.ts';
import { errorReporting } from './graphql/plugins.ts';
import { securityHeaders } from './graphql/securityHeaders.ts';
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
    validationRules: [...armor.validationRules, knownOperationTypes],
    plugins: [
      ...armor.plugins,
      errorReporting,
      // No cache hints are used: without this Apollo runs a cache-control hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      config.GRAPHQL_INTROSPECTION
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const http = express();
  http.disable('x-powered-by');
  http.use(
    assignRequestId,
    accessLog(logger),
    securityHeaders({ landingPage: config.GRAPHQL_INTROSPECTION }),
  );
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
    corsAllowlist(config.CORS_ORIGINS),
    express.json({ limit: MAX_BODY_BYTES }),
    tokenLimit(OPERATION_LIMITS.maxTokens),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<Context> => {
        const requestId = String(res.locals.requestId);
        const requestLogger = logger.child({ requestId });
        // Resolvers get a read-only executor that puts the request id in the logs and the transaction metadata.
        return createContext(
          executor.forRequest({ requestId, logger: requestLogger }),
          requestLogger,
          requestId,
        );
      },
    }),
    bodyErrors,
  );
  if (existsSync(WEB_DIST_DIR)) {
    http.use(express.static(WEB_DIST_DIR, { index: 'index.html', maxAge: '1h' }));
  } else {
    logger.warn(`No built web app in ${WEB_DIST_DIR}: run "npm run build" to serve the explorer.`);
  }

  http.use(notFound, lastResort(logger));

  return { http, stop: () => apollo.stop() };
}

/** One line per request with its id; failures at warn so they show at the default level. */
function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const line = {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      if (res.statusCode >= 500) logger.warn(line, 'request failed');
      else logger.debug(line, 'request');
    });
    next();
  };
}

/** Anything else: a short text, with the same headers as every other answer. */
const notFound: RequestHandler = (_req, res) => {
  res.status(404).type('text/plain').send(`Not found (request id ${res.locals.requestId}).\n`);
};

/**
 * Errors no other handler took (a malformed URL, a broken static file): a short text with the request id, never
 * Express's page with a stack trace (which it shows whenever NODE_ENV is not "production").
 */
function lastResort(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = Number((error as { status?: unknown }).status);
    const clientError = Number.isInteger(status) && status >= 400 && status < 500;
    if (!clientError)
      logger.error({ err: error, requestId: res.locals.requestId, path: req.path }, 'unexpected error');
    res
      .status(clientError ? status : 500)
      .type('text/plain')
      .send(
        `${clientError ? 'Bad request' : 'Internal server error'} (request id ${res.locals.requestId}).\n`,
      );
  };
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
