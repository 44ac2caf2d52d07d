import type { Logger } from 'pino';

/**
 * What the service knows of Neo4j:
 * - `cold`: started, the start-time warm-up has not finished (requests run; /ready 503);
 * - `up`: answering and warm (/ready 200);
 * - `down`: a request or probe failed for unavailability, or the driver found a connection Neo4j
 *   closed (`connectionLost`: a stop or restart, even with no request running); requests fail at once with
 *   SERVICE_UNAVAILABLE instead of each waiting for the driver's timeouts, and Neo4j is probed
 *   every `probeIntervalMs`;
 * - `warming`: a probe succeeded; the known statements are being planned again (/ready 503;
 *   requests wait, bounded, before their transactions: see `settled`), then `up`.
 */
export type DbState = 'cold' | 'up' | 'down' | 'warming';

export interface HealthCounters {
  /** Times the state went from up (or cold, warming) to down. */
  outages: number;
  /** Times Neo4j answered again after an outage. */
  recoveries: number;
  /** Requests refused at once because Neo4j was known down. */
  refusedWhileDown: number;
  /** Statements that waited for re-planning after Neo4j came back (`settled`) before running. */
  heldWhileWarming: number;
  /** Times the driver found a connection Neo4j had closed while the service was up (`connectionLost`). */
  connectionsLost: number;
}

/**
 * Why the service turned Neo4j down: a connection Neo4j closed (`connectionLost`), a statement that
 * failed for unavailability (`request`), or a `/ready` ping that failed or did not answer in time
 * (`readiness`).
 */
export type OutageCause = 'connection-closed' | 'request' | 'readiness';

/** A change of state, with when (epoch ms) and, for `down`, why. */
export interface HealthTransition {
  at: number;
  state: DbState;
  cause?: OutageCause;
}

/** How many changes of state the monitor keeps (an outage and its recovery are three). */
const TRANSITIONS_KEPT = 30;

export interface HealthMonitorOptions {
  probe: () => Promise<boolean>;
  /** Runs after a probe succeeds, before the state turns `up` (re-planning the hot statements). */
  rewarm: () => Promise<void>;
  probeIntervalMs: number;
  logger: Logger;
  /** Called on each change of state (the admission queues drop their waiters when down). */
  onChange?: (state: DbState) => void;
}

export class HealthMonitor {
  private current: DbState = 'cold';
  private timer: NodeJS.Timeout | undefined;
  /** Called once when the state next leaves `warming` (requests held while re-planning runs). */
  private settledListeners: (() => void)[] = [];
  private stopped = false;
  private downSince = 0;
  readonly counters: HealthCounters = { outages: 0, recoveries: 0, refusedWhileDown: 0, heldWhileWarming: 0, connectionsLost: 0 };
  /** The last changes of state, oldest first: what an operator (or a test) reads to tell one outage from another. */
  private readonly history: HealthTransition[] = [];

  constructor(private readonly options: HealthMonitorOptions) {}

  get state(): DbState {
    return this.current;
  }

  get isDown(): boolean {
    return this.current === 'down';
  }

  /** The last changes of state (at most TRANSITIONS_KEPT), oldest first. */
  get transitions(): HealthTransition[] {
    return this.history.map((transition) => ({ ...transition }));
  }

  /**
   * Resolves at once unless the state is `warming`; then when it leaves `warming` (up or down), or
   * after `maxMs`, whichever comes first.
   */
  settled(maxMs: number): Promise<void> {
    if (this.current !== 'warming' || maxMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, maxMs);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.settledListeners.push(done);
    });
  }

  /** The start-time warm-up is done: from now on the service is ready while Neo4j answers. */
  markWarm(): void {
    if (this.current === 'cold') this.set('up');
  }

  /** A request or the readiness ping failed because Neo4j is unreachable or not serving: start probing. */
  reportUnavailable(cause: OutageCause): void {
    if (this.current === 'down' || this.stopped) return;
    this.counters.outages += 1;
    this.downSince = Date.now();
    this.options.logger.warn({ cause }, 'Neo4j is unavailable: refusing requests at once and probing until it answers');
    this.set('down', cause);
    this.schedule();
  }

  /** Stops probing (at shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probeOnce(), this.options.probeIntervalMs);
    this.timer.unref();
  }

  /**
   * The driver found a connection that Neo4j closed (the `closedByServer` test of its log): Neo4j
   * is stopping or restarting, which no request sees fail when the pool is idle (the driver then
   * replaces the connection silently, and a restarted Neo4j, which lost its plans, would be served
   * as if warm). Treated as an outage: refused at once, probed, and once Neo4j answers the known
   * statements are planned again. A close without a restart costs one probe interval of refusals
   * and a re-planning that finds the plans cached.
   */
  connectionLost(): void {
    if (this.current !== 'up' || this.stopped) return;
    this.counters.connectionsLost += 1;
    this.reportUnavailable('connection-closed');
  }

  private async probeOnce(): Promise<void> {
    if (this.stopped || this.current !== 'down') return;
    if (!(await this.options.probe())) {
      this.schedule();
      return;
    }
    await this.recover();
  }

  /** Neo4j answers again: the known statements are planned again (`warming`, requests held), then `up`. */
  private async recover(): Promise<void> {
    this.counters.recoveries += 1;
    this.set('warming');
    const back = Date.now();
    try {
      await this.options.rewarm();
    } catch (error) {
      this.options.logger.warn({ err: error }, 're-planning after reconnection failed; the plan gate covers the rest');
    }
    // A request may have reported a new outage while re-planning ran.
    if ((this.current as DbState) !== 'warming') return;
    this.set('up');
    this.options.logger.info({ downMs: back - this.downSince, rewarmMs: Date.now() - back }, 'Neo4j answers again');
  }

  private set(state: DbState, cause?: OutageCause): void {
    this.current = state;
    this.history.push(cause ? { at: Date.now(), state, cause } : { at: Date.now(), state });
    if (this.history.length > TRANSITIONS_KEPT) this.history.shift();
    if (state !== 'warming' && this.settledListeners.length > 0) {
      const listeners = this.settledListeners;
      this.settledListeners = [];
      for (const listener of listeners) listener();
    }
    this.options.onChange?.(state);
  }
}
