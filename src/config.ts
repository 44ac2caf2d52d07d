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

const count = z.coerce.number({ invalid_type_error: 'expected a whole number' }).int('expected a whole number').positive('expected a positive number');

/**
 * Database admission (src/db/admission.ts): how much Neo4j work runs at once, how much may wait,
 * and per request. Reads plus writes plus 2 (health probe, warm-up) must fit in the driver's pool,
 * so that no request ever waits on the driver's own acquisition timeout.
 */
const DB_ADMISSION_ENV = {
  NEO4J_POOL_SIZE: count.default(50),
  DB_READ_CONCURRENCY: count.default(40),
  DB_READ_QUEUE_LIMIT: count.default(2000),
  DB_WRITE_CONCURRENCY: count.default(8),
  DB_WRITE_QUEUE_LIMIT: count.default(500),
  DB_QUEUE_TIMEOUT_MS: millis.default(120000),
  DB_REQUEST_CONCURRENCY: count.default(4),
  DB_REQUEST_MAX_STATEMENTS: count.default(500),
  DB_HEALTH_PROBE_INTERVAL_MS: millis.default(500),
  DB_WARMUP_BUDGET_MS: millis.default(8000),
};

const ENV_SCHEMA = z.object({
  ...DB_ADMISSION_ENV,
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
  db: DbAdmissionConfig;
  http: { port: number; host: string };
  logLevel: string;
  seedOnStart: boolean;
}

/** See DB_ADMISSION_ENV and .env.example. */
export interface DbAdmissionConfig {
  poolSize: number;
  readConcurrency: number;
  readQueueLimit: number;
  writeConcurrency: number;
  writeQueueLimit: number;
  /** How long a statement may wait in the admission queue before SERVICE_UNAVAILABLE (busy). */
  queueTimeoutMs: number;
  /** Transactions one GraphQL request may have open at once; more wait in the request's own queue. */
  requestConcurrency: number;
  /** Statements one GraphQL request may run in all; beyond, STATEMENT_LIMIT_EXCEEDED. */
  requestMaxStatements: number;
  /** How often Neo4j is probed while it is known to be down. */
  healthProbeIntervalMs: number;
  /** How long re-planning the known statements may delay readiness after a (re)connection. */
  warmupBudgetMs: number;
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
  if (e.DB_READ_CONCURRENCY + e.DB_WRITE_CONCURRENCY + 2 > e.NEO4J_POOL_SIZE) {
    throw new ConfigError([
      `DB_READ_CONCURRENCY (${e.DB_READ_CONCURRENCY}) + DB_WRITE_CONCURRENCY (${e.DB_WRITE_CONCURRENCY}) + 2 must not exceed NEO4J_POOL_SIZE (${e.NEO4J_POOL_SIZE})`,
    ]);
  }
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
    db: {
      poolSize: e.NEO4J_POOL_SIZE,
      readConcurrency: e.DB_READ_CONCURRENCY,
      readQueueLimit: e.DB_READ_QUEUE_LIMIT,
      writeConcurrency: e.DB_WRITE_CONCURRENCY,
      writeQueueLimit: e.DB_WRITE_QUEUE_LIMIT,
      queueTimeoutMs: e.DB_QUEUE_TIMEOUT_MS,
      requestConcurrency: e.DB_REQUEST_CONCURRENCY,
      requestMaxStatements: e.DB_REQUEST_MAX_STATEMENTS,
      healthProbeIntervalMs: e.DB_HEALTH_PROBE_INTERVAL_MS,
      warmupBudgetMs: e.DB_WARMUP_BUDGET_MS,
    },
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
  };
}
