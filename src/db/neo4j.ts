import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  Neo4jError,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { ConflictError, QueryTimeoutError, ServiceUnavailableError } from '../errors';
import { installTcpNoDelayForBolt } from './tcp-nodelay';

/**
 * The one module that touches the Neo4j driver. Everything else calls `read`, `write` or
 * `transaction` with a named Cypher constant and parameters, and gets plain JavaScript values back:
 * Neo4j Integers become numbers, WGS-84 points `{ latitude, longitude }`, dates ISO strings,
 * date-times `Date`s. Reads run through `executeRead` and writes through `executeWrite`, so a
 * `neo4j://` URI routes them across a cluster; both retry transient failures, so the work
 * functions given to them must be idempotent.
 */

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A transaction handed to `transaction()` work: several statements, committed together. */
export interface Tx {
  run<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
}

export interface DatabaseOptions {
  database?: string;
  queryTimeoutMs: number;
  logger: Logger;
}

/** Counts round trips to Neo4j; one per request proves the absence of N+1 queries in tests. */
export interface QueryCounter {
  count: number;
}

/** Bulk writes (seed, imports) may take minutes on a large file; the server's db.transaction.timeout still applies. */
export const BULK_WRITE_TIMEOUT_MS = 10 * 60 * 1000;

const WGS84_2D = 4326;
const WGS84_3D = 4979;

/** Makes a Neo4j Integer parameter (LIMIT, SKIP and integer properties need one, JS numbers are floats). */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}

/** A WGS-84 point parameter for Cypher. */
export function toCypherPoint(p: GeoPoint) {
  return new neo4j.types.Point(WGS84_2D, p.longitude, p.latitude);
}

/** Converts a driver value (and everything inside it) to plain JavaScript. */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toNative);
  if (isPoint(value)) {
    const srid = toNative(value.srid) as number;
    if (srid === WGS84_2D || srid === WGS84_3D) return { latitude: value.y, longitude: value.x };
    return { x: value.x, y: value.y };
  }
  if (isDateTime(value)) return new Date(value.toString());
  if (isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toNative(value.properties);
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) out[k] = toNative(v);
  return out;
}

function toRows<T>(result: QueryResult): T[] {
  return result.records.map((record) => toNative(record.toObject()) as T);
}

const UNAVAILABLE_DRIVER_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps driver failures to errors clients may see; returns other errors unchanged (they get masked). */
export function toAppError(error: unknown, queryTimeoutMs: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_DRIVER_CODES.has(error.code) || /acquisition timed out|Could not perform discovery/i.test(error.message)) {
    return new ServiceUnavailableError();
  }
  if (error.code === 'Neo.ClientError.Security.Unauthorized' || error.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new ServiceUnavailableError('The graph database refused the service\'s credentials; an operator must fix NEO4J_USER / NEO4J_PASSWORD');
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new QueryTimeoutError(queryTimeoutMs);
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('This would create a second record with an identifier that must be unique');
  }
  return error;
}

function firstLine(cypher: string): string {
  return cypher.trim().split('\n')[0].slice(0, 120);
}

export class Database {
  private counter: QueryCounter = { count: 0 };

  constructor(
    private readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  /** Connects a driver with timeouts short enough that an unavailable Neo4j fails requests in seconds, not minutes. */
  static connect(config: Config['neo4j'], logger: Logger): Database {
    installTcpNoDelayForBolt();
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: config.connectionTimeoutMs,
      connectionAcquisitionTimeout: config.acquisitionTimeoutMs,
      maxTransactionRetryTime: config.retryTimeMs,
      maxConnectionPoolSize: 50,
      userAgent: 'maillon',
      logging: {
        level: 'warn',
        logger: (level, message) => logger[level === 'warn' ? 'warn' : level === 'error' ? 'error' : 'debug']({ neo4j: true }, message),
      },
    });
    return new Database(driver, { database: config.database, queryTimeoutMs: config.queryTimeoutMs, logger });
  }

  /** A view of this database with its own round-trip counter (one per GraphQL request). */
  counting(): Database {
    const scoped = new Database(this.driver, this.options);
    scoped.counter = { count: 0 };
    return scoped;
  }

  /** Round trips made through this view since it was created. */
  get queryCount(): number {
    return this.counter.count;
  }

  /** Runs one read statement (routed to a reader in a cluster). */
  read<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute('READ', (tx) => this.runIn<T>(tx, cypher, params));
  }

  /** Runs one write statement in its own transaction. */
  write<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute('WRITE', (tx) => this.runIn<T>(tx, cypher, params));
  }

  /**
   * Runs several statements in one transaction: all are committed, or none (imports, mutations).
   * `timeoutMs` overrides the query timeout for long bulk writes (seeding, large imports).
   */
  transaction<R>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<R>, options: { timeoutMs?: number } = {}): Promise<R> {
    return this.execute(mode, (mtx) => work({ run: (cypher, params = {}) => this.runIn(mtx, cypher, params) }), options.timeoutMs);
  }

  /** True when Neo4j answers a trivial query within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    const answer = session
      .run('RETURN 1 AS ok', {}, { timeout: timeoutMs })
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
      void answer.finally(() => session.close().catch(() => undefined));
    }
  }

  /** The server's product name and version, e.g. "Neo4j/5.26.30". */
  async serverAgent(): Promise<string> {
    const info = await this.driver.getServerInfo({ database: this.options.database });
    return info.agent ?? 'Neo4j';
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async execute<R>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<R>, timeoutMs = this.options.queryTimeoutMs): Promise<R> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // One bookmark manager for the whole driver (the one executeQuery uses): each transaction
      // starts after every transaction this process committed, so on a cluster a read routed to a
      // secondary sees the writes made through this instance (read-your-writes across requests).
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const config = { timeout: timeoutMs };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw toAppError(error, timeoutMs);
    } finally {
      await session.close();
    }
  }

  private async runIn<T>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
    this.counter.count += 1;
    const started = performance.now();
    const result = await tx.run(cypher, params);
    const rows = toRows<T>(result);
    this.options.logger.debug(
      { cypher: firstLine(cypher), ms: Math.round((performance.now() - started) * 10) / 10, rows: rows.length },
      'cypher',
    );
    return rows;
  }
}
