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

const count = (what: string) =>
  z.coerce
    .number({ invalid_type_error: `expected a number of ${what}` })
    .int(`expected a whole number of ${what}`)
    .min(0, `expected 0 or more ${what}`);

/**
 * Limits of the HTTP layer and of queries before execution (src/http, docs/api.md "Limits"). For
 * the rate limits, 0 disables the limit.
 */
const LIMITS_ENV = {
  HTTP_BODY_LIMIT_BYTES: count('bytes')
    .positive()
    .default(100 * 1024),
  HTTP_IMPORT_BODY_LIMIT_BYTES: count('bytes')
    .positive()
    .default(20 * 1024 * 1024),
  GRAPHQL_MAX_TOKENS: count('tokens').positive().default(5000),
  GRAPHQL_MAX_DEPTH: count('levels').positive().default(12),
  GRAPHQL_MAX_ALIASES: count('aliases').positive().default(30),
  GRAPHQL_MAX_DIRECTIVES: count('directives').positive().default(50),
  GRAPHQL_MAX_COST: count('cost points').positive().default(1_000_000),
  GRAPHQL_MAX_LIST_ARGUMENT: count('items').positive().default(1000),
  GRAPHQL_INTROSPECTION: booleanString.default('true'),
  RATE_LIMIT_WINDOW_MS: millis.default(60_000),
  RATE_LIMIT_ANONYMOUS_MAX: count('requests').default(600),
  RATE_LIMIT_AUTHENTICATED_MAX: count('requests').default(3000),
  RATE_LIMIT_FAILED_AUTH_MAX: count('refused credentials').default(30),
  HTTP_TRUST_PROXY_HOPS: count('proxies').default(0),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^\s/]+$/, 'expected origins like https://app.example.org, comma-separated')))
    .default(''),
};

/** Limits applied before execution and by the HTTP layer; every one set by an environment variable. */
export interface LimitsConfig {
  /** Largest request body for anonymous callers and members (queries). */
  bodyLimitBytes: number;
  /** Largest request body for editors and admins, who may import files. */
  importBodyLimitBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Longest list accepted in any argument (ids, labels, communes...). */
  maxListArgument: number;
  introspection: boolean;
  /** failedAuthMax: refused credentials (401) per IP and window before that IP gets 429; each costs a scrypt check. */
  rateLimit: { windowMs: number; anonymousMax: number; authenticatedMax: number; failedAuthMax: number };
  /** Proxies (load balancers) in front of the service: the client IP is read from X-Forwarded-For through that many. */
  trustProxyHops: number;
  /** Origins allowed by CORS; none means no CORS headers at all. */
  corsOrigins: string[];
}

// ---------------------------------------------------------------------------------------------
// Shutdown: how long SIGTERM/SIGINT let running requests finish before their sockets are closed.

const SHUTDOWN_ENV = {
  SHUTDOWN_GRACE_MS: millis.default(10_000),
};

// ---------------------------------------------------------------------------------------------
// Imports (importRecords and npm run import): bounds on one file, checked before any row is read
// against the graph. See docs/import.md.

const positiveCount = (noun: string) =>
  z.coerce
    .number({ invalid_type_error: `expected a number of ${noun}` })
    .int(`expected a whole number of ${noun}`)
    .positive(`expected a positive number of ${noun}`);

const IMPORT_ENV = {
  /** Bytes of one file (UTF-8); the HTTP body limit of /graphql bounds API imports as well. */
  IMPORT_MAX_BYTES: positiveCount('bytes').default(20_000_000),
  /** Records (CSV rows, JSON records) of one file. */
  IMPORT_MAX_ROWS: positiveCount('rows').default(100_000),
  /** Issues listed in a rejection (the total is always given). */
  IMPORT_MAX_ISSUES: positiveCount('issues').default(100),
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

const positiveWholeNumber = z.coerce
  .number({ invalid_type_error: 'expected a whole number' })
  .int('expected a whole number')
  .positive('expected a positive number');

/**
 * Database admission (src/db/admission.ts): how much Neo4j work runs at once, how much may wait,
 * and per request. Reads plus writes plus 2 (health probe, warm-up) must fit in the driver's pool,
 * so that no request ever waits on the driver's own acquisition timeout.
 */
const DB_ADMISSION_ENV = {
  NEO4J_POOL_SIZE: positiveWholeNumber.default(50),
  DB_READ_CONCURRENCY: positiveWholeNumber.default(40),
  DB_READ_QUEUE_LIMIT: positiveWholeNumber.default(2000),
  DB_WRITE_CONCURRENCY: positiveWholeNumber.default(8),
  DB_WRITE_QUEUE_LIMIT: positiveWholeNumber.default(500),
  DB_QUEUE_TIMEOUT_MS: millis.default(120000),
  DB_REQUEST_CONCURRENCY: positiveWholeNumber.default(4),
  DB_REQUEST_MAX_STATEMENTS: positiveWholeNumber.default(500),
  DB_HEALTH_PROBE_INTERVAL_MS: millis.default(500),
  DB_WARMUP_BUDGET_MS: millis.default(8000),
  DB_WARMING_HOLD_MS: millis.default(20000),
};
// Authentication (docs/security.md). JWTs are accepted only when a secret or a JWKS URL is set,
// and then only with the configured issuer and audience.
const AUTH_ENV = {
  AUTH_JWT_SECRET: z.string().min(32, 'expected a secret of at least 32 characters (HS256)').optional(),
  AUTH_JWKS_URL: z.string().url("expected the https URL of the identity provider's JWKS").optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_CLOCK_SKEW_S: z.coerce
    .number({ invalid_type_error: 'expected a number of seconds' })
    .int('expected a whole number of seconds')
    .min(0, 'expected 0 or more seconds')
    .max(600, 'expected at most 600 seconds')
    .default(30),
  AUTH_API_KEY_CACHE_TTL_S: z.coerce
    .number({ invalid_type_error: 'expected a number of seconds' })
    .int('expected a whole number of seconds')
    .min(0, 'expected 0 (no cache) or more seconds')
    .max(300, 'expected at most 300 seconds: revocation takes up to this long to be honoured')
    .default(30),
};

/** Never echoed in configuration errors, which reach logs and terminals. */
const SECRET_VARIABLES = new Set(['NEO4J_PASSWORD', 'AUTH_JWT_SECRET']);

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
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'expected a database name')
    .optional(),
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
  /** Compiled execution of GraphQL operations (graphql-jit, src/http/execution.ts); false: graphql-js interprets them. */
  GRAPHQL_COMPILED_EXECUTION: booleanString.default('true'),
  /** The Chromium that prints reports to PDF (scripts/chromium.cjs provides Debian's; none is ever downloaded). */
  CHROMIUM_PATH: z.string().regex(/^\//, 'expected the absolute path of a Chromium or Chrome executable').default('/usr/bin/chromium'),
  /** A raster tile URL template for the explorer's map (`https://…/{z}/{x}/{y}.png`); unset, the map draws commune outlines only, offline. */
  EXPLORER_TILE_URL: z.string().url('expected a tile URL template such as https://tile.example.org/{z}/{x}/{y}.png').optional(),
  /** The attribution the tile provider requires, shown on the map. */
  EXPLORER_TILE_ATTRIBUTION: z.string().max(300).optional(),
  ...LIMITS_ENV,
  ...SHUTDOWN_ENV,
  ...IMPORT_ENV,
  ...AUTH_ENV,
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
  /** Whether `npm start` seeds an empty graph (tools/seed `--if-empty`); the server itself never seeds. */
  seedOnStart: boolean;
  /** true: operations are compiled once and run as functions (graphql-jit); false: graphql-js interprets each one. */
  compiledExecution: boolean;
  limits: LimitsConfig;
  shutdown: { graceMs: number };
  import: ImportLimits;
  auth: AuthConfig;
  /** The territory reports (src/reports/render): the Chromium that prints their PDF. */
  reports: { chromiumPath: string };
  /** The explorer's map (docs/explorer.md): an optional tile layer. */
  explorer: { tileUrl?: string; tileAttribution?: string };
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
  /**
   * After Neo4j answers again, how long a request may wait (before its transactions) for the known
   * statements to be planned again, rather than planning them itself alongside every other request.
   */
  warmingHoldMs: number;
}

export interface AuthConfig {
  jwt: {
    /** HS256 shared secret; HS256 tokens are refused when absent. */
    secret?: string;
    /** JWKS of the identity provider, for RS256 / ES256 tokens; refused when absent. */
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    clockSkewS: number;
  };
  /** How long a verified API key is trusted without scrypt (and so how late a revocation may be seen). */
  apiKeyCacheTtlS: number;
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
        const shown = SECRET_VARIABLES.has(name) ? '(hidden)' : JSON.stringify(present[name] ?? '');
        return `${name}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.DB_READ_CONCURRENCY + e.DB_WRITE_CONCURRENCY + 2 > e.NEO4J_POOL_SIZE) {
    throw new ConfigError([
      `DB_READ_CONCURRENCY (${e.DB_READ_CONCURRENCY}) + DB_WRITE_CONCURRENCY (${e.DB_WRITE_CONCURRENCY}) + 2 must not exceed NEO4J_POOL_SIZE (${e.NEO4J_POOL_SIZE})`,
    ]);
  }
  const jwtProblems = authProblems(e);
  if (jwtProblems.length > 0) throw new ConfigError(jwtProblems);
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
      warmingHoldMs: e.DB_WARMING_HOLD_MS,
    },
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
    compiledExecution: e.GRAPHQL_COMPILED_EXECUTION,
    limits: {
      bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
      importBodyLimitBytes: e.HTTP_IMPORT_BODY_LIMIT_BYTES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxCost: e.GRAPHQL_MAX_COST,
      maxListArgument: e.GRAPHQL_MAX_LIST_ARGUMENT,
      introspection: e.GRAPHQL_INTROSPECTION,
      rateLimit: {
        windowMs: e.RATE_LIMIT_WINDOW_MS,
        anonymousMax: e.RATE_LIMIT_ANONYMOUS_MAX,
        authenticatedMax: e.RATE_LIMIT_AUTHENTICATED_MAX,
        failedAuthMax: e.RATE_LIMIT_FAILED_AUTH_MAX,
      },
      trustProxyHops: e.HTTP_TRUST_PROXY_HOPS,
      corsOrigins: e.CORS_ORIGINS,
    },
    shutdown: { graceMs: e.SHUTDOWN_GRACE_MS },
    import: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, maxIssues: e.IMPORT_MAX_ISSUES },
    auth: {
      jwt: {
        secret: e.AUTH_JWT_SECRET,
        jwksUrl: e.AUTH_JWKS_URL,
        issuer: e.AUTH_JWT_ISSUER,
        audience: e.AUTH_JWT_AUDIENCE,
        clockSkewS: e.AUTH_JWT_CLOCK_SKEW_S,
      },
      apiKeyCacheTtlS: e.AUTH_API_KEY_CACHE_TTL_S,
    },
    reports: { chromiumPath: e.CHROMIUM_PATH },
    explorer: { tileUrl: e.EXPLORER_TILE_URL, tileAttribution: e.EXPLORER_TILE_ATTRIBUTION },
  };
}

/** The limits with every variable unset: what a server gets when its caller gives none. */
export const DEFAULT_LIMITS: LimitsConfig = loadConfig({}).limits;

/** A token checked without issuer and audience would accept tokens minted for other services. */
function authProblems(e: {
  AUTH_JWT_SECRET?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWT_ISSUER?: string;
  AUTH_JWT_AUDIENCE?: string;
}): string[] {
  if (e.AUTH_JWT_SECRET === undefined && e.AUTH_JWKS_URL === undefined) return [];
  const problems: string[] = [];
  if (e.AUTH_JWT_ISSUER === undefined)
    problems.push('AUTH_JWT_ISSUER="": expected the issuer (iss) of accepted tokens, required with AUTH_JWT_SECRET or AUTH_JWKS_URL');
  if (e.AUTH_JWT_AUDIENCE === undefined)
    problems.push('AUTH_JWT_AUDIENCE="": expected the audience (aud) of accepted tokens, required with AUTH_JWT_SECRET or AUTH_JWKS_URL');
  return problems;
}
