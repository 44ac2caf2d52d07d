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

// Authentication (docs/security.md). JWTs are accepted only when a secret or a JWKS URL is set,
// and then only with the configured issuer and audience.
const AUTH_ENV = {
  AUTH_JWT_SECRET: z.string().min(32, 'expected a secret of at least 32 characters (HS256)').optional(),
  AUTH_JWKS_URL: z.string().url('expected the https URL of the identity provider\'s JWKS').optional(),
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
  http: { port: number; host: string };
  logLevel: string;
  seedOnStart: boolean;
  auth: AuthConfig;
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
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
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
  };
}

/** A token checked without issuer and audience would accept tokens minted for other services. */
function authProblems(e: { AUTH_JWT_SECRET?: string; AUTH_JWKS_URL?: string; AUTH_JWT_ISSUER?: string; AUTH_JWT_AUDIENCE?: string }): string[] {
  if (e.AUTH_JWT_SECRET === undefined && e.AUTH_JWKS_URL === undefined) return [];
  const problems: string[] = [];
  if (e.AUTH_JWT_ISSUER === undefined) problems.push('AUTH_JWT_ISSUER="": expected the issuer (iss) of accepted tokens, required with AUTH_JWT_SECRET or AUTH_JWKS_URL');
  if (e.AUTH_JWT_AUDIENCE === undefined) problems.push('AUTH_JWT_AUDIENCE="": expected the audience (aud) of accepted tokens, required with AUTH_JWT_SECRET or AUTH_JWKS_URL');
  return problems;
}
