import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { DEFAULT_LIMITS, type LimitsConfig } from './config';
import { createContext, type Context } from './context';
import type { Database } from './db';
import { makeFormatError } from './errors';
import {
  allowOnly,
  authenticationMiddleware,
  compiledExecution,
  corsFor,
  finalErrorHandler,
  graphqlBodyParser,
  methodNotAllowed,
  noStorePlugin,
  notFound,
  parseOptionsOf,
  queryCostPlugin,
  queryLimitRules,
  reportRoutes,
  explorerRoutes,
  graphqlIdeRedirect,
  FailedAuthentications,
  clientAddressOf,
  failedAuthenticationLimit,
  rateLimitMiddleware,
  securityHeaders,
  serviceUnavailableStatusPlugin,
  viewerOf,
  type Authenticate,
  type ExplorerRoutesOptions,
  type ReportRoutesOptions,
} from './http';

export interface ServerOptions {
  schema: GraphQLSchema;
  db: Database;
  logger: Logger;
  /** How long /ready waits for Neo4j before answering 503. */
  readinessTimeoutMs?: number;
  /** Limits before execution and of the HTTP layer (config.limits); DEFAULT_LIMITS when absent. */
  limits?: LimitsConfig;
  /** Who sends a request (API key or bearer token); without it every request is anonymous. */
  authenticate?: Authenticate;
  /** How long stop() lets running requests finish before closing their connections (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
  /** Compiled execution (graphql-jit, GRAPHQL_COMPILED_EXECUTION), the default; false: graphql-js's `execute`. */
  compiledExecution?: boolean;
  /** The territory reports under /reports (HTML, PDF, CSV); absent, /reports is not served. */
  reports?: Pick<ReportRoutesOptions, 'buildReport' | 'findLinks' | 'printer'>;
  /** The explorer's built front-end, served at `/` (docs/explorer.md); absent, `/` is a 404. */
  explorer?: ExplorerRoutesOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Drains HTTP (in-flight requests finish, new ones are refused) and stops Apollo; the caller closes the driver. */
  stop(): Promise<void>;
}

function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * The Apollo server on its own: tests use it through `executeOperation` with a context of theirs.
 * Every operation passes the limits before execution: tokens while parsing, depth, aliases and
 * directives while validating, cost and list lengths once the operation and its variables are known.
 */
export function createApollo(
  options: Pick<ServerOptions, 'schema' | 'logger' | 'limits' | 'shutdownGraceMs' | 'compiledExecution'>,
  httpServer?: http.Server,
) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  return new ApolloServer<Context>({
    // Apollo parses, validates and runs the plugins either way; compiled, graphql-jit executes (src/http/execution.ts).
    ...(options.compiledExecution === false ? { schema: options.schema } : { gateway: compiledExecution(options.schema) }),
    formatError: makeFormatError(options.logger, { hideSuggestions: !limits.introspection }),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT (bounded drain, then exit); Apollo's own handlers would stop the
    // server unbounded and send the signal again, which main.ts would take for a second signal.
    stopOnTerminationSignals: false,
    introspection: limits.introspection,
    hideSchemaDetailsFromClientErrors: !limits.introspection,
    parseOptions: parseOptionsOf(limits),
    validationRules: queryLimitRules(limits),
    plugins: [
      queryCostPlugin(limits),
      serviceUnavailableStatusPlugin(),
      // Sandbox loads its scripts from Apollo's CDN, which the Content-Security-Policy forbids.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are declared: the plugin only wrapped every resolver; noStorePlugin sets its header.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs })] : []),
    ],
  });
}

/**
 * Starts the HTTP service: POST/GET /graphql, GET /health (the process is alive: always 200) and
 * GET /ready (200 only while Neo4j answers, for load balancers and orchestrators).
 */
export async function startServer(options: ServerOptions & { port: number; host: string }): Promise<RunningServer> {
  const { db, logger } = options;
  const readinessTimeoutMs = options.readinessTimeoutMs ?? 2000;
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApollo(options, httpServer);
  await apollo.start();
  const limits = options.limits ?? DEFAULT_LIMITS;

  app.disable('x-powered-by');
  app.set('trust proxy', limits.trustProxyHops);
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );
  const cors = corsFor(limits.corsOrigins);
  if (cors) app.use(cors);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    // 503 while Neo4j is down and while the statements are being planned (at start, after a reconnection).
    const up = await db.isReady(readinessTimeoutMs);
    const reason = db.state === 'up' ? 'Neo4j does not answer' : db.state === 'down' ? 'Neo4j is unavailable' : 'warming up';
    res.status(up ? 200 : 503).json(up ? { status: 'ready' } : { status: 'unavailable', reason });
  });
  app.all(['/health', '/ready'], methodNotAllowed(['GET']));
  // A browser opening /graphql gets the explorer's bundled GraphiQL, not Apollo's CDN-loaded page.
  if (options.explorer) app.get('/graphql', graphqlIdeRedirect());
  const refusedCredentials = new FailedAuthentications(limits.rateLimit);
  // Who asks is known before the body is read: the rate limit and the body limit depend on it.
  app.all(
    '/graphql',
    allowOnly(['GET', 'POST']),
    failedAuthenticationLimit(refusedCredentials),
    authenticationMiddleware(options.authenticate, (req) => refusedCredentials.recordRefusal(clientAddressOf(req))),
    rateLimitMiddleware(limits.rateLimit),
    graphqlBodyParser(limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext({ db, logger: req.log, requestId: String(req.id), viewer: viewerOf(res) }),
    }),
  );
  if (options.reports) app.use('/reports', reportRoutes({ ...options.reports, logger, rateLimit: limits.rateLimit }));
  if (options.explorer) app.use(explorerRoutes(options.explorer));
  app.use(notFound);
  app.use(finalErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
  // The report printer's Chromium goes with the server (it is launched on the first PDF).
  const stop = async () => {
    await apollo.stop();
    await options.reports?.printer.close();
  };
  return { url, port, apollo, httpServer, stop };
}
