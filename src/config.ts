import { z } from 'zod';

/** Local password of the project's own Neo4j; scripts/neo4j.cjs uses the same default. */
export const DEFAULT_DEV_PASSWORD = 'maillon-dev-password';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    errorMap: () => ({ message: 'expected true or false' }),
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const millis = z.coerce
  .number({ invalid_type_error: 'expected a number of milliseconds' })
  .int('expected a whole number of milliseconds')
  .positive('expected a positive number of milliseconds');

// ---------------------------------------------------------------------------------------------
// Shutdown: how long SIGTERM/SIGINT let running requests finish before their sockets are closed.

const SHUTDOWN_ENV = {
  SHUTDOWN_GRACE_MS: millis.default(10_000),
};

// ---------------------------------------------------------------------------------------------
// Imports (importRecords and npm run import): bounds on one file, checked before any row is read
// against the graph. See docs/import.md.

const count = (noun: string) =>
  z.coerce.number({ invalid_type_error: `expected a number of ${noun}` }).int(`expected a whole number of ${noun}`).positive(`expected a positive number of ${noun}`);

const IMPORT_ENV = {
  /** Bytes of one file (UTF-8); the HTTP body limit of /graphql bounds API imports as well. */
  IMPORT_MAX_BYTES: count('bytes').default(20_000_000),
  /** Records (CSV rows, JSON records) of one file. */
  IMPORT_MAX_ROWS: count('rows').default(100_000),
  /** Issues listed in a rejection (the total is always given). */
  IMPORT_MAX_ISSUES: count('issues').default(100),
};

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  maxIssues: number;
}

/** The import limits of the environment; loadConfig validates the same variables at start. */
export function loadImportLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in IMPORT_ENV && v !== undefined && v !== ''));
  const e = z.object(IMPORT_ENV).parse(present);
  return { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, maxIssues: e.IMPORT_MAX_ISSUES };
}

const ENV_SCHEMA = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+(:\d+)?\/?$/, {
      message: 'expected bolt://host:port or neo4j://host:port (optionally +s or +ssc)',
    })
    .optional(),
  MAILLON_NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).default(DEFAULT_DEV_PASSWORD),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'expected a database name').optional(),
  NEO4J_CONNECTION_TIMEOUT_MS: millis.default(2000),
  NEO4J_ACQUISITION_TIMEOUT_MS: millis.default(3000),
  NEO4J_RETRY_TIME_MS: millis.default(2000),
  NEO4J_QUERY_TIMEOUT_MS: millis.default(15000),
  PORT: z.coerce
    .number({ invalid_type_error: 'expected a port number' })
    .int('expected a port number')
    .min(0, 'expected a port number between 0 and 65535')
    .max(65535, 'expected a port number between 0 and 65535')
    .default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_ON_START: booleanString.default('true'),
  ...SHUTDOWN_ENV,
  ...IMPORT_ENV,
});

export interface Config {
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database?: string;
    /** true when NEO4J_URI was not set and the project's own server is used */
    managedLocally: boolean;
    connectionTimeoutMs: number;
    acquisitionTimeoutMs: number;
    retryTimeMs: number;
    queryTimeoutMs: number;
  };
  http: { port: number; host: string };
  logLevel: string;
  seedOnStart: boolean;
  shutdown: { graceMs: number };
  import: ImportLimits;
}

/** Thrown when the environment does not describe a startable service; names each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from environment variables (see .env.example).
 * Empty strings count as unset, so `FOO=` in a .env file falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ENV_SCHEMA.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(present[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${e.MAILLON_NEO4J_BOLT_PORT}`,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      managedLocally: e.NEO4J_URI === undefined,
      connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
      acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
      retryTimeMs: e.NEO4J_RETRY_TIME_MS,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    },
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
    shutdown: { graceMs: e.SHUTDOWN_GRACE_MS },
    import: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, maxIssues: e.IMPORT_MAX_ISSUES },
  };
}
