import 'reflect-metadata';
import 'dotenv/config';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Logger } from 'pino';
import type { AuditAuthor } from '../src/auth';
import { ConfigError, loadConfig, type Config } from '../src/config';
import { Database, migrate } from '../src/db';
import { AppError } from '../src/errors';
import { createLogger } from '../src/logger';
import { BACKFILLS, SCHEMA_STATEMENTS } from '../src/schema-statements';

/**
 * Runs a command-line tool against the configured Neo4j: validates the configuration, connects,
 * applies the schema, runs `work`, closes the driver, and turns failures into a message and exit 1.
 */
export function runCli(name: string, work: (db: Database, logger: Logger, config: Config) => Promise<number | void>): void {
  let db: Database | undefined;
  const run = async () => {
    const config = loadConfig();
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
    db = Database.connect(config.neo4j, logger);
    await migrate(db, SCHEMA_STATEMENTS, logger, BACKFILLS);
    return work(db, logger, config);
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

/** A command line that does not fit a tool's usage: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses a tool's arguments with node:util's `parseArgs`, strictly: an unknown option, an option
 * without its value, a value given to a flag, or a positional where none is expected is a
 * UsageError carrying parseArgs' own message (which names the culprit).
 */
export function parseCommandLine<const T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(argv: string[], config: T) {
  try {
    return parseArgs({ ...config, args: argv, strict: true as const });
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(error.message);
    throw error;
  }
}

function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_');
}

/**
 * Reads the command line with `parse` before anything connects: `--help` prints the usage (exit 0);
 * a UsageError prints "<name>: <what is wrong>" and the usage, and exits 2.
 */
export function readCommandLine<T>(name: string, usage: string, parse: (argv: string[]) => T, argv = process.argv.slice(2)): T {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${name}: ${error.message}\n${usage}\n`);
    process.exit(2);
  }
}

/** A whole-number option within [min, max], `fallback` when absent; a UsageError that says what was expected otherwise. */
export function integerOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

/**
 * The audit trail's author for writes made from this machine's command line: whoever can run the
 * tools holds the database credentials, so they act as an admin; the OS user names them.
 */
export function cliAuthor(): AuditAuthor {
  const user = process.env.MAILLON_OPERATOR ?? os.userInfo().username;
  return { accountId: `cli:${user}`, name: user, role: 'admin', via: 'cli' };
}
