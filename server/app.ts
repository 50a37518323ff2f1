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
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { ValidationRule } from 'graphql';
import type { Config } from './config.ts';
import { type Context, type Curation, createContext } from './context.ts';
import type { Executor } from './db/executor.ts';
import { AppError, ErrorCode } from './errors.ts';
import { Ingester } from './features/curation/index.ts';
import { createArmor, OPERATION_LIMITS } from './graphql/armor.ts';
import { corsAllowlist } from './graphql/cors.ts';
import { editingOff, requireToken, sameSiteOnly } from './graphql/editing.ts';
import { createFormatError } from './graphql/formatError.ts';
import { onlyOperations, QUERIES_ONLY } from './graphql/operationTypes.ts';
import { errorReporting } from './graphql/plugins.ts';
import { securityHeaders } from './graphql/securityHeaders.ts';
import { tokenLimit } from './graphql/tokenLimit.ts';
import type { Logger } from './logger.ts';
import { resolvers } from './resolvers.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const WEB_DIST_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
/** The largest request body accepted (a GraphQL document and its variables). */
export const MAX_BODY_BYTES = 100_000;
/** The curation endpoint's: a source of 10 MB in base64 (4 characters for 3 bytes), and the rest of the request. */
export const MAX_EDIT_BODY_BYTES = 14_500_000;
/** Request ids taken from clients are cut to this length and limited to safe characters. */
const MAX_REQUEST_ID_LENGTH = 64;

export interface AppDependencies {
  config: Config;
  executor: Executor;
  /** The executor curators' mutations write with (EDITING=true); the requests' own executor is read-only. */
  writer?: Executor;
  logger: Logger;
}

export interface App {
  http: express.Express;
  stop(): Promise<void>;
}

/** Builds the whole HTTP application without listening, so tests run it in-process. */
export async function createApp({ config, executor, writer, logger }: AppDependencies): Promise<App> {
  const typeDefs = await readFile(SCHEMA_PATH, 'utf8');
  const reader = await startApollo(config, logger, typeDefs, onlyOperations(['query'], QUERIES_ONLY));
  const editing = config.EDITING ? await startEditing(config, writer, logger, typeDefs) : null;

  const http = express();
  http.disable('x-powered-by');
  http.use(
    assignRequestId,
    accessLog(logger),
    securityHeaders({ landingPage: config.GRAPHQL_INTROSPECTION }),
  );
  // `editing`: whether the explorer offers curators "Add a source".
  http.get('/health', (_req, res) => {
    res.json({ status: 'ok', editing: config.EDITING });
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
  // Before /graphql, which would take /graphql/edit as one of its paths.
  if (editing) {
    http.use(
      '/graphql/edit',
      corsAllowlist(config.CORS_ORIGINS),
      sameSiteOnly(config.CORS_ORIGINS),
      requireToken(editing.token),
      express.json({ limit: MAX_EDIT_BODY_BYTES }),
      tokenLimit(OPERATION_LIMITS.maxTokens),
      expressMiddleware(editing.apollo, { context: requestContext(executor, logger, editing.curation) }),
      bodyErrors(MAX_EDIT_BODY_BYTES),
    );
  } else {
    http.use('/graphql/edit', editingOff);
  }
  http.use(
    '/graphql',
    corsAllowlist(config.CORS_ORIGINS),
    express.json({ limit: MAX_BODY_BYTES }),
    tokenLimit(OPERATION_LIMITS.maxTokens),
    expressMiddleware(reader, { context: requestContext(executor, logger, null) }),
    bodyErrors(MAX_BODY_BYTES),
  );
  if (existsSync(WEB_DIST_DIR)) {
    http.use(express.static(WEB_DIST_DIR, { index: 'index.html', maxAge: '1h' }));
  } else {
    logger.warn(`No built web app in ${WEB_DIST_DIR}: run "npm run build" to serve the explorer.`);
  }

  http.use(notFound, lastResort(logger));

  const stop = async () =>
    void (await Promise.all([reader.stop(), editing?.apollo.stop(), editing?.curation.ingester.close()]));
  return { http, stop };
}

const NO_SUBSCRIPTIONS = 'This API has no subscriptions.';

/** An Apollo Server over the contract, with the operation limits and `operations` (which operation types). */
async function startApollo(config: Config, logger: Logger, typeDefs: string, operations: ValidationRule) {
  const armor = createArmor({ hideSchemaHints: !config.GRAPHQL_INTROSPECTION });
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: config.GRAPHQL_INTROSPECTION,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // server/main.ts owns the process lifecycle: it stops Apollo, the driver and Neo4j in order.
    stopOnTerminationSignals: false,
    validationRules: [...armor.validationRules, operations],
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
  return apollo;
}

/** The curation endpoint's parts (EDITING=true): its Apollo, the token it asks for, what its mutations use. */
async function startEditing(config: Config, writer: Executor | undefined, logger: Logger, typeDefs: string) {
  // loadConfig refuses EDITING without a token; main.ts passes the writer whenever EDITING is on.
  if (!writer || !config.EDITOR_TOKEN) throw new Error('EDITING=true needs a writer and an EDITOR_TOKEN');
  const operations = onlyOperations(['query', 'mutation'], NO_SUBSCRIPTIONS);
  const curation: Curation = { writer, seedDir: config.SEED_DIR, ingester: new Ingester({ logger }) };
  return {
    apollo: await startApollo(config, logger, typeDefs, operations),
    token: config.EDITOR_TOKEN,
    curation,
  };
}

/**
 * Each request's context: resolvers get a read-only executor that puts the request id in logs and metadata, and
 * at the curation endpoint the writer.
 */
function requestContext(executor: Executor, logger: Logger, curation: Curation | null) {
  return async ({ res }: { res: Response }): Promise<Context> => {
    const requestId = String(res.locals.requestId);
    const requestLogger = logger.child({ requestId });
    const reader = executor.forRequest({ requestId, logger: requestLogger });
    return createContext(reader, curation, requestLogger, requestId);
  };
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
const bodyErrors =
  (limit: number): ErrorRequestHandler =>
  (error, _req, res, next) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request body is over ${limit} bytes.`,
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
