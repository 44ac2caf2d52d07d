import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Result,
  Neo4jError,
  isRetriableError,
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
import type { Config, DbAdmissionConfig } from '../config';
import { AppError, ConflictError, QueryTimeoutError, ServiceBusyError, ServiceUnavailableError, StatementLimitError, WriteOutcomeUnknownError } from '../errors';
import { AdmissionQueue, type AdmissionStats } from './admission';
import { HealthMonitor, type DbState, type HealthCounters, type HealthTransition } from './health';
import { PlanGate, StatementBook, type GateStats } from './plans';
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

/** A driver value that is neither a list nor a plain map: an Integer, a Point, a temporal value, a node... */
function toNativeValue(value: object): unknown {
  // Already converted (a map reached twice): converting again would empty it.
  if (value instanceof Date) return value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
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
  return toNative({ ...value });
}

/**
 * Converts a driver value (and everything inside it) to plain JavaScript. The lists and maps of a
 * result are the driver's fresh objects, read by no one else: they are converted in place, and a
 * map is recognised by its constructor before any of the driver's type checks. Copying every map
 * and list of a page of 50 actors, after ten type checks each, was the largest self time of Maillon
 * in the W3 profile (issue 13), and its garbage the next.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = toNative(item);
      else if (item === undefined) value[i] = null;
    }
    return value;
  }
  if (value.constructor !== Object) return toNativeValue(value);
  const map = value as Row;
  for (const key in map) {
    const item = map[key];
    if (item !== null && typeof item === 'object') map[key] = toNative(item);
    else if (item === undefined) map[key] = null;
  }
  return map;
}

/** The records as rows, keyed by column (by index: `record.toObject()` iterates through generator helpers). */
function toRows<T>(result: QueryResult): T[] {
  return result.records.map((record) => {
    const row: Row = {};
    record.keys.forEach((key, i) => {
      row[key as string] = toNative(record.get(i));
    });
    return row as T;
  });
}

/** Seconds a client should wait before retrying while Neo4j is down or the queues are full. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * What a driver error means for the service. `unavailable`: Neo4j cannot be reached or is not
 * serving (stopped, starting, shutting down, unreachable cluster); it marks the database down.
 * `busy`: no connection could be had in time from a healthy pool.
 */
export type DriverFailure = 'unavailable' | 'busy' | 'credentials' | 'timeout' | 'conflict';

/** Neo4j status codes (and the driver's own codes) that mean "unavailable". */
export const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ServiceUnavailable', // driver: no connection could be made, or it was lost
  'SessionExpired', // driver: the cluster member serving the session went away
  'Neo.TransientError.General.DatabaseUnavailable', // starting, stopping, or in recovery
  'Neo.ClientError.Database.DatabaseNotFound', // the database is still being created or started
  // A shutdown stops the transactions in flight. The driver renames these two Transient codes to
  // ClientError (neo4j-driver-bolt-connection, response-handler.js), so both spellings are listed.
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.Terminated',
  // A cluster member that lost its leadership or turned read-only during an election.
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
]);

/** Texts of connection and routing failures that the driver reports without a Neo4j code. */
const UNAVAILABLE_TEXTS =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|socket hang up|Connection was closed by server|Failed to connect to server|Could not perform discovery|No routing servers available|Failed to obtain (a )?routing table|Pool (is )?closed|Database is unavailable|Connection lost/i;

const BUSY_TEXTS = /acquisition timed out|Connection acquisition/i;

/** Classifies a driver error; undefined for errors that are not ours to explain (they are masked). */
export function classifyDriverError(error: unknown): DriverFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = error instanceof Neo4jError ? error.code : ((error as { code?: unknown }).code as string | undefined);
  if (typeof code === 'string') {
    if (UNAVAILABLE_CODES.has(code)) return 'unavailable';
    if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') return 'credentials';
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return 'timeout';
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return 'conflict';
  }
  if (BUSY_TEXTS.test(error.message)) return 'busy';
  if (UNAVAILABLE_TEXTS.test(error.message) && (error instanceof Neo4jError || typeof code === 'string')) return 'unavailable';
  return undefined;
}

/** Maps driver failures to errors clients may see; returns other errors unchanged (they get masked). */
export function toAppError(error: unknown, queryTimeoutMs: number): unknown {
  switch (classifyDriverError(error)) {
    case 'unavailable':
      return new ServiceUnavailableError(undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS });
    case 'busy':
      return new ServiceUnavailableError('The service is busy (no database connection was free in time); try again in a moment', {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    case 'credentials':
      return new ServiceUnavailableError("The graph database refused the service's credentials; an operator must fix NEO4J_USER / NEO4J_PASSWORD");
    case 'timeout':
      return new QueryTimeoutError(queryTimeoutMs);
    case 'conflict':
      return new ConflictError('This would create a second record with an identifier that must be unique');
    case undefined:
      return error;
  }
}

function firstLine(cypher: string): string {
  return cypher.trim().split('\n')[0].slice(0, 120);
}

/** A statement's first two lines, enough to tell most statements apart in a log (many begin alike). */
function statementLabel(cypher: string): string {
  return cypher
    .trim()
    .split('\n')
    .slice(0, 2)
    .map((line) => line.trim())
    .join(' ')
    .slice(0, 120);
}

/** One operator of a query plan, as `Database.planOf` returns it. */
export interface QueryPlan {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers: string[];
  children: QueryPlan[];
}

function toQueryPlan(plan: QueryPlan): QueryPlan {
  return { operatorType: plan.operatorType, arguments: plan.arguments, identifiers: plan.identifiers, children: plan.children.map(toQueryPlan) };
}

/** Everything the per-request views of one Database share: the driver, its health, queues and plans. */
interface Shared {
  driver: Driver;
  options: DatabaseOptions;
  admission: DbAdmissionConfig;
  health: HealthMonitor;
  reads: AdmissionQueue;
  writes: AdmissionQueue;
  gate: PlanGate;
  book: StatementBook;
}

/** Per-request limits (see `counting()`): a queue of its own, and a statement budget. */
interface RequestBudget {
  queue: AdmissionQueue;
  statements: number;
  maxStatements: number;
}

/** Admission defaults for databases connected without a full configuration (tests, tools). */
export const DEFAULT_ADMISSION: DbAdmissionConfig = {
  poolSize: 50,
  readConcurrency: 40,
  readQueueLimit: 2000,
  writeConcurrency: 8,
  writeQueueLimit: 500,
  queueTimeoutMs: 120_000,
  requestConcurrency: 4,
  requestMaxStatements: 500,
  healthProbeIntervalMs: 500,
  warmupBudgetMs: 8000,
  warmingHoldMs: 20_000,
};

/** What /ready and the resilience report read. */
export interface DatabaseStatus {
  state: DbState;
  health: HealthCounters;
  /** The last changes of state, oldest first, with the cause of each outage. */
  transitions: HealthTransition[];
  reads: AdmissionStats & { active: number; queued: number };
  writes: AdmissionStats & { active: number; queued: number };
  gate: GateStats;
  knownStatements: number;
}

/**
 * How long planning may take in the warm-up and in re-planning, which no client waits for: cut
 * short by the query timeout, a plan is lost and the first client pays for it again (seen on a
 * loaded machine, where planning the big statements took more than the 15 s query timeout).
 */
export const PLANNING_TIMEOUT_MS = 120_000;

/**
 * How many of the hottest statements (most run first) re-planning waits for: those that served
 * requests, i.e. ran more than once (the warm-up runs each statement once), at most `hottestFirst`;
 * when none did yet, the first `hottestFirst` of the warm-up's.
 */
export function replanningWaitsFor(hottest: readonly { runs: number }[], hottestFirst: number): number {
  const served = hottest.filter((statement) => statement.runs > 1).length;
  return Math.min(hottestFirst, served > 0 ? served : hottest.length);
}

/**
 * After a reconnection, /ready stays 503 until the statements most run so far are planned again
 * (this many, at most), even past DB_WARMUP_BUDGET_MS; the others are planned in the background.
 */
export const HOTTEST_BEFORE_READY = 20;

/**
 * The driver's log line for a connection Neo4j closed ("Connection [0][bolt-1] experienced a fatal
 * error caused by Neo4jError: Connection was closed by server ..."), logged as soon as the socket
 * closes, idle or not: when Neo4j stops, it is the first sign, and with an idle pool the only one
 * (the driver replaces the connection before the next transaction, which never sees it fail).
 */
function closedByServer(message: string): boolean {
  return /experienced a fatal error/.test(message) && /closed by server/i.test(message);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class Database {
  private counter: QueryCounter = { count: 0 };
  private budget: RequestBudget | undefined;
  private queryTimeoutOverrideMs: number | undefined;

  private constructor(private readonly shared: Shared) {}

  /** Connects a driver with timeouts short enough that an unavailable Neo4j fails requests in seconds, not minutes. */
  static connect(config: Config['neo4j'], logger: Logger, admission: DbAdmissionConfig = DEFAULT_ADMISSION): Database {
    installTcpNoDelayForBolt();
    // Set once the health monitor exists: the driver's log is the only place it reports a connection Neo4j closed.
    let onConnectionLost = () => {};
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: config.connectionTimeoutMs,
      connectionAcquisitionTimeout: config.acquisitionTimeoutMs,
      maxTransactionRetryTime: config.retryTimeMs,
      maxConnectionPoolSize: admission.poolSize,
      userAgent: 'maillon',
      logging: {
        level: 'warn',
        logger: (level, message) => {
          logger[level === 'warn' ? 'warn' : level === 'error' ? 'error' : 'debug']({ neo4j: true }, message);
          if (level === 'error' && closedByServer(message)) onConnectionLost();
        },
      },
    });
    const db = Database.over(driver, { database: config.database, queryTimeoutMs: config.queryTimeoutMs, logger }, admission);
    onConnectionLost = () => db.shared.health.connectionLost();
    return db;
  }

  private static over(driver: Driver, options: DatabaseOptions, admission: DbAdmissionConfig): Database {
    const busy = (what: 'reads' | 'writes') => () => new ServiceBusyError(what, RETRY_AFTER_SECONDS);
    const reads = new AdmissionQueue({ limit: admission.readConcurrency, queueLimit: admission.readQueueLimit, timeoutMs: admission.queueTimeoutMs, refuse: busy('reads') });
    const writes = new AdmissionQueue({
      limit: admission.writeConcurrency,
      queueLimit: admission.writeQueueLimit,
      timeoutMs: admission.queueTimeoutMs,
      refuse: busy('writes'),
    });
    const health = new HealthMonitor({
      probe: () => db.ping(Math.min(1000, admission.healthProbeIntervalMs * 2), { report: false }),
      rewarm: async () => {
        db.shared.gate.forgetPlans();
        const started = Date.now();
        // No budget beyond the hottest: requests are held until this returns (afterRewarm), and the
        // rest is planned in the background.
        const replanned = await db.replanKnownStatements(0);
        options.logger.info({ ...replanned, ms: Date.now() - started }, 're-planned the known statements after reconnection');
      },
      probeIntervalMs: admission.healthProbeIntervalMs,
      logger: options.logger,
      onChange: (state) => {
        if (state !== 'down') return;
        reads.failWaiting(unavailableNow());
        writes.failWaiting(unavailableNow());
      },
    });
    const db: Database = new Database({ driver, options, admission, health, reads, writes, gate: new PlanGate(options.queryTimeoutMs, warmingUpNow), book: new StatementBook() });
    return db;
  }

  /**
   * A view of this database for one GraphQL request: its own round-trip counter, at most
   * `requestConcurrency` transactions open at once (the rest wait in the request's own queue), and
   * at most `requestMaxStatements` statements in all.
   */
  counting(): Database {
    const scoped = new Database(this.shared);
    scoped.counter = { count: 0 };
    scoped.queryTimeoutOverrideMs = this.queryTimeoutOverrideMs;
    const { requestConcurrency, requestMaxStatements } = this.shared.admission;
    scoped.budget = {
      queue: new AdmissionQueue({ limit: requestConcurrency, queueLimit: Infinity, refuse: () => new StatementLimitError(requestMaxStatements) }),
      statements: 0,
      maxStatements: requestMaxStatements,
    };
    return scoped;
  }

  /** A view of this database whose statements may run for `timeoutMs` (the warm-up's, see PLANNING_TIMEOUT_MS). */
  withQueryTimeout(timeoutMs: number): Database {
    const view = new Database(this.shared);
    view.queryTimeoutOverrideMs = timeoutMs;
    return view;
  }

  /** Round trips made through this view since it was created. */
  get queryCount(): number {
    return this.counter.count;
  }

  /** This request's admission counters (peakActive: its most transactions open at once); undefined outside a request view. */
  get requestAdmission(): AdmissionStats | undefined {
    return this.budget ? { ...this.budget.queue.stats } : undefined;
  }

  /** What the service knows of Neo4j (cold, up, down, warming). */
  get state(): DbState {
    return this.shared.health.state;
  }

  /** Counters of the health monitor, the admission queues and the plan gate. */
  status(): DatabaseStatus {
    const { health, reads, writes, gate, book } = this.shared;
    return {
      state: health.state,
      health: { ...health.counters },
      transitions: health.transitions,
      reads: { ...reads.stats, active: reads.activeCount, queued: reads.queuedCount },
      writes: { ...writes.stats, active: writes.activeCount, queued: writes.queuedCount },
      gate: { ...gate.stats },
      knownStatements: book.size,
    };
  }

  /**
   * The statements the service has run since it started, most run first, with the parameter shapes
   * of their first run: what re-planning EXPLAINs after a reconnection (and what the planning-time
   * bench measures).
   */
  knownStatements(): { cypher: string; params: Params; mode: 'READ' | 'WRITE' }[] {
    return this.shared.book.hottest();
  }

  /** The start-time warm-up is done (see src/warmup.ts): /ready may answer 200. */
  markWarm(): void {
    this.shared.health.markWarm();
  }

  /** True when the service may be given traffic: warm, and Neo4j answers within `timeoutMs`. */
  async isReady(timeoutMs: number): Promise<boolean> {
    if (this.shared.health.state !== 'up') return false;
    return this.ping(timeoutMs);
  }

  /**
   * Runs one read statement (routed to a reader in a cluster), in an auto-commit transaction: the
   * driver sends it and its PULL in one write, where a transaction function sends BEGIN, RUN and
   * COMMIT in three, each a system call and a message for Neo4j to answer. With the bare driver, on
   * this machine: 0.6 ms and 0.29 ms of CPU per trivial read against 1.1 ms and 0.68 ms (issue 13;
   * the sockets' writes were the largest self time of the W3 and W1 profiles). An error the driver
   * would retry (a lost connection, a cluster member changing role) runs the statement again in a
   * transaction function, which retries as every other statement does (NEO4J_RETRY_TIME_MS).
   */
  read<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const timeoutMs = this.queryTimeoutOverrideMs ?? this.shared.options.queryTimeoutMs;
    return this.admit('READ', () =>
      this.readAlone<T>(cypher, params, timeoutMs).catch((error: unknown) => {
        if (!isRetriableError(error)) throw this.toFailure(error, 'READ', false, timeoutMs);
        return this.transact('READ', (tx) => this.runIn<T>(tx, cypher, params, 'READ'), timeoutMs);
      }),
    );
  }

  /** Runs one write statement in its own transaction. */
  write<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute('WRITE', (tx) => this.runIn<T>(tx, cypher, params, 'WRITE'));
  }

  /**
   * Runs several statements in one transaction: all are committed, or none (imports, mutations).
   * `timeoutMs` overrides the query timeout for long bulk writes (seeding, large imports).
   */
  transaction<R>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<R>, options: { timeoutMs?: number } = {}): Promise<R> {
    return this.execute(mode, (mtx) => work({ run: (cypher, params = {}) => this.runIn(mtx, cypher, params, mode) }), options.timeoutMs);
  }

  /**
   * Plans every statement the service has run (most run first) with EXPLAIN and the parameter
   * shapes of its first run; Neo4j caches the plans under the same text, so the next real runs skip
   * planning. Each EXPLAIN goes through the plan gate as the statement's first run, so requests
   * needing the statement meanwhile wait for it instead of planning it too. Returns once every
   * statement is planned, or once `budgetMs` has passed and the `hottestFirst` most run are planned
   * (or failed); the EXPLAINs still running then go on in the background (cutting them short would
   * throw their work away). A failing EXPLAIN is counted.
   *
   * The hottest waited for are those that served requests (run more than once: the warm-up runs
   * each statement once), at most `hottestFirst`; before any request, the warm-up's. Waiting for
   * warm-up-only statements kept the service unavailable for seconds after a Neo4j restart for
   * statements no client had asked for (the territory lists, the volume-sorted links: 2.1 s).
   */
  async replanKnownStatements(
    budgetMs: number,
    hottestFirst = HOTTEST_BEFORE_READY,
  ): Promise<{ planned: number; failed: number; pending: number; slowest: { statement: string; ms: number }[] }> {
    const statements = this.shared.book.hottest();
    const counts = { planned: 0, failed: 0 };
    // Which statements the re-planning waits on, for the log (docs/reliability.md).
    const timings: { statement: string; ms: number }[] = [];
    let next = 0;
    const waitedFor = replanningWaitsFor(statements, hottestFirst);
    let hottestLeft = waitedFor;
    let hottestDone!: () => void;
    const hottest = new Promise<void>((resolve) => (hottestDone = resolve));
    if (hottestLeft === 0) hottestDone();
    const worker = async () => {
      while (next < statements.length) {
        const index = next++;
        const { cypher, params, mode } = statements[index];
        const started = Date.now();
        const ok = await this.shared.gate.run(cypher, () => this.explain(cypher, params, mode)).catch(() => false);
        timings.push({ statement: statementLabel(cypher), ms: Date.now() - started });
        if (ok) counts.planned += 1;
        else counts.failed += 1;
        if (index < waitedFor && --hottestLeft === 0) hottestDone();
      }
    };
    const all = Promise.all([worker(), worker()]);
    // The budget bounds the wait for all; the hottest statements are waited for whatever the budget
    // (each EXPLAIN is bounded by PLANNING_TIMEOUT_MS): ready before them, the first requests would
    // plan them at once and time out together.
    await Promise.race([all, Promise.all([sleep(budgetMs), hottest])]);
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
    return { ...counts, pending: statements.length - counts.planned - counts.failed, slowest };
  }

  /** True when Neo4j answers a trivial query within `timeoutMs`; a failure marks it down unless `report` is false. */
  async ping(timeoutMs: number, options: { report?: boolean } = {}): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const session = this.shared.driver.session({ database: this.shared.options.database, defaultAccessMode: neo4j.session.READ });
    const answer = session
      .run('RETURN 1 AS ok', {}, { timeout: timeoutMs })
      .then(() => true)
      .catch(() => false);
    try {
      const up = await Promise.race([answer, timeout]);
      if (!up && options.report !== false) this.shared.health.reportUnavailable('readiness');
      return up;
    } finally {
      clearTimeout(timer);
      void answer.finally(() => session.close().catch(() => undefined));
    }
  }

  /** The server's product name and version, e.g. "Neo4j/5.26.30". */
  async serverAgent(): Promise<string> {
    const info = await this.shared.driver.getServerInfo({ database: this.shared.options.database });
    return info.agent ?? 'Neo4j';
  }

  /**
   * The plan Neo4j would run for `cypher` (EXPLAIN: nothing is executed), as a plain tree. For tests
   * and tools that check a statement uses the indexes it was written for.
   */
  async planOf(cypher: string, params: Params = {}): Promise<QueryPlan> {
    const result = await this.shared.driver.executeQuery(`EXPLAIN ${cypher}`, params, { database: this.shared.options.database });
    return toQueryPlan(result.summary.plan as unknown as QueryPlan);
  }

  async close(): Promise<void> {
    this.shared.health.stop();
    await this.shared.driver.close();
  }

  /** Plans `cypher` without running it; throws when planning fails (the gate then does not count it as planned). */
  private async explain(cypher: string, params: Params, mode: 'READ' | 'WRITE'): Promise<boolean> {
    const session = this.shared.driver.session({
      database: this.shared.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      await session.run(`EXPLAIN ${cypher}`, params, { timeout: PLANNING_TIMEOUT_MS });
      return true;
    } catch (error) {
      this.shared.options.logger.warn({ cypher: firstLine(cypher), code: (error as Neo4jError).code }, 'EXPLAIN failed during warm-up');
      throw error;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private execute<R>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<R>,
    timeoutMs = this.queryTimeoutOverrideMs ?? this.shared.options.queryTimeoutMs,
  ): Promise<R> {
    return this.admit(mode, () => this.transact(mode, work, timeoutMs));
  }

  /** Admission: known down → refuse at once; else the request's own queue, then the process-wide one. */
  private async admit<R>(mode: 'READ' | 'WRITE', run: () => Promise<R>): Promise<R> {
    const admitted = () => this.refuseWhileDown(() => (mode === 'READ' ? this.shared.reads : this.shared.writes).run(run));
    return this.afterRewarm(() => this.refuseWhileDown(() => (this.budget ? this.budget.queue.run(admitted) : admitted())));
  }

  /**
   * A session for the service's statements (auto-commit reads and transactions alike). One bookmark
   * manager for the whole driver (the one executeQuery uses): each transaction starts after every
   * transaction this process committed, so on a cluster a read routed to a secondary sees the writes
   * made through this instance (read-your-writes across requests).
   */
  private statementSession(mode: 'READ' | 'WRITE') {
    return this.shared.driver.session({
      database: this.shared.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.shared.driver.executeQueryBookmarkManager,
    });
  }

  /** One read statement in an auto-commit transaction (see `read`); the driver's error as it comes. */
  private async readAlone<T>(cypher: string, params: Params, timeoutMs: number): Promise<T[]> {
    const session = this.statementSession('READ');
    try {
      return await this.runIn<T>({ run: (text, values) => session.run(text, values, { timeout: timeoutMs }) }, cypher, params, 'READ');
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * While the known statements are planned again after Neo4j came back (state `warming`), a request
   * waits for that, bounded by `warmingHoldMs`, before opening any transaction. Letting it run would
   * have it plan its own statements alongside sixteen other clients' on two cores: every plan then
   * took seconds and requests hit the 15 s query timeout for 20-33 s after Neo4j answered
   * (docs/reliability.md). Waiting here holds no transaction and no pool connection.
   */
  private async afterRewarm<R>(next: () => Promise<R>): Promise<R> {
    if (this.shared.health.state === 'warming') {
      this.shared.health.counters.heldWhileWarming += 1;
      await this.shared.health.settled(this.shared.admission.warmingHoldMs);
    }
    return next();
  }

  private refuseWhileDown<R>(next: () => Promise<R>): Promise<R> {
    if (this.shared.health.isDown) {
      this.shared.health.counters.refusedWhileDown += 1;
      return Promise.reject(unavailableNow());
    }
    return next();
  }

  private async transact<R>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<R>, timeoutMs: number): Promise<R> {
    const session = this.statementSession(mode);
    const config = { timeout: timeoutMs };
    // Set once a transaction function has returned: its commit was then sent, and may have happened.
    let workReturned = false;
    const tracked = async (tx: ManagedTransaction) => {
      const result = await work(tx);
      workReturned = true;
      return result;
    };
    try {
      return mode === 'READ' ? await session.executeRead(tracked, config) : await session.executeWrite(tracked, config);
    } catch (error) {
      throw this.toFailure(error, mode, workReturned, timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * What a driver error becomes for the client (and for the health monitor: unavailability marks
   * Neo4j down). `workReturned`: a write's transaction function had returned, so its commit was
   * sent and may have happened.
   */
  private toFailure(error: unknown, mode: 'READ' | 'WRITE', workReturned: boolean, timeoutMs: number): unknown {
    const failure = classifyDriverError(error) ?? (this.isDriverFaultWhileDown(error) ? 'unavailable' : undefined);
    if (failure === 'unavailable') this.shared.health.reportUnavailable('request');
    if (mode === 'WRITE' && workReturned && failure === 'unavailable') return new WriteOutcomeUnknownError(RETRY_AFTER_SECONDS);
    if (failure === 'unavailable') return unavailableNow();
    return toAppError(error, timeoutMs);
  }

  /**
   * A transaction broken by a lost connection can fail inside the driver with a plain TypeError
   * ("Cannot read properties of undefined (reading 'onCompleted')", seen when Neo4j stopped under
   * load); while Neo4j is known down, such an error is unavailability, not a bug to mask.
   */
  private isDriverFaultWhileDown(error: unknown): boolean {
    return this.shared.health.isDown && !(error instanceof AppError) && !(error instanceof Neo4jError);
  }

  private async runIn<T>(tx: { run(cypher: string, params: Params): Result }, cypher: string, params: Params, mode: 'READ' | 'WRITE'): Promise<T[]> {
    this.counter.count += 1;
    if (this.budget) {
      this.budget.statements += 1;
      if (this.budget.statements > this.budget.maxStatements) throw new StatementLimitError(this.budget.maxStatements);
    }
    this.shared.book.note(cypher, params, mode);
    const started = performance.now();
    const result = await this.shared.gate.run(cypher, () => withoutCallerStack(() => tx.run(cypher, params)));
    const rows = toRows<T>(result);
    this.shared.options.logger.debug(
      { cypher: firstLine(cypher), ms: Math.round((performance.now() - started) * 10) / 10, rows: rows.length },
      'cypher',
    );
    return rows;
  }
}

/**
 * Starts a statement without capturing its caller's stack. The driver's Result captures one when it
 * is created (`new Error().stack`, formatted at once) only to graft it onto the stack of a failure,
 * which no client ever sees (errors are mapped to coded GraphQL errors) and which our logs identify
 * by the statement and the driver's code instead. It cost 0.08 ms of CPU per statement, 5 % of the
 * W4 search's server CPU (issue 13 profile; bare driver, 0.31 → 0.22 ms per trivial read). The
 * limit is restored before anything else runs: the Result is created synchronously.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A request that waited its full bound for another's first run of a statement (the plan gate). */
function warmingUpNow(): ServiceUnavailableError {
  return new ServiceUnavailableError('The service is warming up (planning its statements); try again in a moment', {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

function unavailableNow(): ServiceUnavailableError {
  return new ServiceUnavailableError('The graph database is unavailable; try again in a moment', { retryAfterSeconds: RETRY_AFTER_SECONDS });
}
