import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createContext, type Context, type Viewer } from './context';
import type { Database } from './db';
import { AppError, ErrorCode, UnauthenticatedError, makeFormatError } from './errors';

export interface ServerOptions {
  schema: GraphQLSchema;
  db: Database;
  logger: Logger;
  /** How long /ready waits for Neo4j before answering 503. */
  readinessTimeoutMs?: number;
  /** Who is asking (src/auth createAuthenticator); anonymous when absent. Throws UNAUTHENTICATED for a bad credential. */
  authenticate?: (req: http.IncomingMessage) => Promise<Viewer | null>;
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

/** The Apollo server on its own: tests use it through `executeOperation` with a context of theirs. */
export function createApollo(options: Pick<ServerOptions, 'schema' | 'logger'>, httpServer?: http.Server) {
  return new ApolloServer<Context>({
    schema: options.schema,
    formatError: makeFormatError(options.logger),
    includeStacktraceInErrorResponses: false,
    plugins: httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [],
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

  app.disable('x-powered-by');
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
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const up = await db.ping(readinessTimeoutMs);
    res.status(up ? 200 : 503).json(up ? { status: 'ready' } : { status: 'unavailable', reason: 'Neo4j does not answer' });
  });
  // Authentication runs before body parsing: a bad credential costs no parsing; the viewer rides on the request.
  const viewers = new WeakMap<http.IncomingMessage, Viewer | null>();
  app.use('/graphql', async (req, res, next) => {
    try {
      viewers.set(req, options.authenticate ? await options.authenticate(req) : null);
      next();
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
        return;
      }
      // Checking an API key reads Neo4j: when it is down, say so as the API does, in JSON.
      if (error instanceof AppError) {
        const code = error.extensions.code;
        res.status(code === ErrorCode.SERVICE_UNAVAILABLE || code === ErrorCode.TIMEOUT ? 503 : 500).json({ errors: [{ message: error.message, extensions: { code } }] });
        return;
      }
      next(error);
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '20mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext({ db, logger: req.log, requestId: String(req.id), viewer: viewers.get(req) ?? null }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
  return { url, port, apollo, httpServer, stop: () => apollo.stop() };
}
