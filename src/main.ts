import 'reflect-metadata';
import 'dotenv/config';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, loadConfig } from './config';
import { Database, migrate } from './db';
import { createAuthenticator } from './auth';
import { createLogger } from './logger';
import { buildTerritoryReport, findReportLinks, ReportPrinter } from './reports';
import { buildMaillonSchema } from './schema';
import { BACKFILLS, SCHEMA_STATEMENTS } from './schema-statements';
import { startServer, type RunningServer } from './server';
import { warmUp } from './warmup';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = Database.connect(config.neo4j, logger, config.db);
  try {
    await migrate(db, SCHEMA_STATEMENTS, logger, BACKFILLS);
    // Seeding an empty graph is the start script's job (tools/seed, `--if-empty`), not the server's.
  } catch (error) {
    logger.fatal({ err: error, neo4j: config.neo4j.uri }, 'cannot prepare the graph database; is Neo4j running? (npm run db:status)');
    await db.close();
    process.exit(1);
  }
  const schema = await buildMaillonSchema();
  const authenticator = createAuthenticator(config, db, logger);
  const server = await startServer({
    schema,
    db,
    logger,
    port: config.http.port,
    host: config.http.host,
    limits: config.limits,
    shutdownGraceMs: config.shutdown.graceMs,
    compiledExecution: config.compiledExecution,
    authenticate: (req) => authenticator.authenticate(req.headers),
    reports: {
      buildReport: (request) => buildTerritoryReport(db, request, request.year),
      findLinks: () => findReportLinks(db),
      printer: new ReportPrinter(config.reports.chromiumPath),
    },
    // Built by `npm start` (scripts/explorer.cjs) next to the sources: dist/src/main.js is two levels down.
    explorer: { dir: path.join(__dirname, '..', '..', 'explorer', 'dist'), ...config.explorer },
  }).catch(async (error: NodeJS.ErrnoException) => {
    logger.fatal(
      { err: error },
      error.code === 'EADDRINUSE'
        ? `port ${config.http.port} is in use: stop the other program or set PORT`
        : 'cannot start the HTTP server',
    );
    await db.close();
    process.exit(1);
  });
  logger.info({ url: server.url, neo4j: config.neo4j.uri }, `Maillon serves ${server.url}`);
  stopOnSignals(server, db, logger, config.shutdown.graceMs);
  // /ready answers 503 until the hot statements are planned (docs/reliability.md).
  await warmUp(schema, db, logger);
}

/** How long closing the Neo4j driver may take once HTTP is drained: it only ends its connections. */
const DRIVER_CLOSE_MS = 2000;

const within = <T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([work, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())]);

/**
 * SIGTERM or SIGINT: stop accepting connections, let running requests finish for `graceMs`, then
 * close the connections still open (their requests are cut), close the driver and exit: 0 when
 * every request finished in time, 1 when some were cut. A second signal exits at once. The exit is
 * explicit because a cut request's resolvers may still hold promises that would keep the process
 * alive, which is how a runaway request used to keep a terminated API running.
 */
function stopOnSignals(server: RunningServer, db: Database, logger: Logger, graceMs: number): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs }, 'shutting down: no new connections; running requests may finish, then the Neo4j driver closes');
    const started = performance.now();
    const stopped = server.stop().catch((error: unknown) => logger.error({ err: error }, 'error while draining HTTP'));
    // The server's drain is bounded by the same grace: a stop that took the whole grace cut requests.
    const drained = (await within(stopped, graceMs)) !== 'timeout' && performance.now() - started < graceMs;
    if (!drained) {
      logger.warn({ graceMs }, 'grace period over: closing the connections of the requests still running');
      server.httpServer.closeAllConnections();
      await within(stopped, 1000);
    }
    const closing = db.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the Neo4j driver'));
    const closed = (await within(closing, DRIVER_CLOSE_MS)) !== 'timeout';
    logger.info({ drained, driverClosed: closed }, 'stopped');
    process.exit(drained ? 0 : 1);
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its expected form.\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
