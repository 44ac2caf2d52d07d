import 'reflect-metadata';
import 'dotenv/config';
import { ConfigError, loadConfig } from './config';
import { Database, migrate } from './db';
import { createAuthenticator } from './auth';
import { createLogger } from './logger';
import { buildMaillonSchema } from './schema';
import { BACKFILLS, SCHEMA_STATEMENTS } from './schema-statements';
import { startServer } from './server';
import { seedIfEmpty } from './seed-on-start';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = Database.connect(config.neo4j, logger);
  try {
    await migrate(db, SCHEMA_STATEMENTS, logger, BACKFILLS);
    if (config.seedOnStart) await seedIfEmpty(db, logger);
  } catch (error) {
    logger.fatal({ err: error, neo4j: config.neo4j.uri }, 'cannot prepare the graph database; is Neo4j running? (npm run db:status)');
    await db.close();
    process.exit(1);
  }
  const schema = await buildMaillonSchema();
  const authenticator = createAuthenticator(config, db, logger);
  const server = await startServer({ schema, db, logger, port: config.http.port, host: config.http.host, authenticate: (req) => authenticator.authenticate(req.headers) }).catch(async (error: NodeJS.ErrnoException) => {
    logger.fatal(
      { err: error },
      error.code === 'EADDRINUSE' ? `port ${config.http.port} is in use: stop the other program or set PORT` : 'cannot start the HTTP server',
    );
    await db.close();
    process.exit(1);
  });
  logger.info({ url: server.url, neo4j: config.neo4j.uri }, `Maillon serves ${server.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining HTTP, then closing the Neo4j driver');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await server.stop();
    await db.close();
    clearTimeout(force);
    logger.info('stopped');
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its expected form.\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
