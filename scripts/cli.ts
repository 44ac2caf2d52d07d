import 'reflect-metadata';
import 'dotenv/config';
import os from 'node:os';
import type { Logger } from 'pino';
import type { AuditAuthor } from '../src/auth';
import { ConfigError, loadConfig } from '../src/config';
import { Database, migrate } from '../src/db';
import { AppError } from '../src/errors';
import { createLogger } from '../src/logger';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';

/**
 * Runs a command-line tool against the configured Neo4j: validates the configuration, connects,
 * applies the schema, runs `work`, closes the driver, and turns failures into a message and exit 1.
 */
export function runCli(name: string, work: (db: Database, logger: Logger) => Promise<number | void>): void {
  let db: Database | undefined;
  const run = async () => {
    const config = loadConfig();
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
    db = Database.connect(config.neo4j, logger);
    await migrate(db, SCHEMA_STATEMENTS, logger, BACKFILLS);
    return work(db, logger);
  };
  run()
    .then((code) => {
      process.exitCode = typeof code === 'number' ? code : 0;
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof AppError) process.stderr.write(`${name}: ${error.message}\n`);
      else process.stderr.write(`${name}: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(() => db?.close());
}

/** Reads `--name value` and `--flag` options; the rest are positional arguments. */
export function parseArgs(argv: string[]): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) options.set(key, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) options.set(key, argv[++i]);
    else options.set(key, true);
  }
  return { positional, options };
}

/**
 * The audit trail's author for writes made from this machine's command line: whoever can run the
 * tools holds the database credentials, so they act as an admin; the OS user names them.
 */
export function cliAuthor(): AuditAuthor {
  const user = process.env.MAILLON_OPERATOR ?? os.userInfo().username;
  return { accountId: `cli:${user}`, name: user, role: 'admin', via: 'cli' };
}
