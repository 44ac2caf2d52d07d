/**
 * Query plans after a (re)connection. Neo4j keeps its plan cache in memory, keyed by statement text
 * and parameter types; after a restart every big statement is planned again, and a herd of requests
 * arriving together planned the same statements at once, each slowly (15 s timeouts for 80 s were
 * seen). Two remedies live here:
 *
 * - `StatementBook` remembers each statement the service has run, with the parameters of its first
 *   run (lists cut to their first element: the cache key holds types, not values), so that after a
 *   reconnection they can be planned again with `EXPLAIN` before /ready turns 200.
 * - `PlanGate` plans each statement (EXPLAIN) before its first run since the last (re)connection,
 *   a few plans at a time, those a request waits for first; concurrent runs of the same text share
 *   the plan; a run whose plan is not made within its bound is refused with "try again shortly".
 */
import type { Params } from './neo4j';

interface BookEntry {
  params: Params;
  mode: 'READ' | 'WRITE';
  runs: number;
}

/** Schema commands cannot be explained (and are not hot). */
const NOT_PLANNABLE = /^\s*(CREATE|DROP)\s+(OR\s+REPLACE\s+)?(CONSTRAINT|INDEX|FULLTEXT|RANGE|POINT|TEXT|VECTOR|LOOKUP)\b|^\s*(SHOW|EXPLAIN|PROFILE)\b/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The same shape with lists cut to two elements (driver values such as Integer and Point kept as
 * they are). Two, not one: Neo4j's plan cache keys a one-element list apart from longer ones (it
 * plans `x IN [a]` as `x = a`); measured, an EXPLAIN with a one-element list left a run with two
 * elements to plan again (2.7 s), while 2 → 9, 10 → 2 and 100 → 60 elements reused the plan.
 */
export function toShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(toShape);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toShape(v)]));
  return value;
}

export class StatementBook {
  private readonly entries = new Map<string, BookEntry>();

  constructor(private readonly capacity = 400) {}

  get size(): number {
    return this.entries.size;
  }

  /** Notes a run of `cypher`; the first run's parameters are kept as its representative. */
  note(cypher: string, params: Params, mode: 'READ' | 'WRITE'): void {
    const known = this.entries.get(cypher);
    if (known) {
      known.runs += 1;
      return;
    }
    if (this.entries.size >= this.capacity || NOT_PLANNABLE.test(cypher)) return;
    this.entries.set(cypher, { params: toShape(params) as Params, mode, runs: 1 });
  }

  /** The parameter shapes and mode of a statement's first run, if it ran. */
  lookup(cypher: string): { params: Params; mode: 'READ' | 'WRITE' } | undefined {
    const entry = this.entries.get(cypher);
    return entry && { params: entry.params, mode: entry.mode };
  }

  /** The statements, most run first. */
  hottest(): { cypher: string; params: Params; mode: 'READ' | 'WRITE' }[] {
    return [...this.entries.entries()].sort(([, a], [, b]) => b.runs - a.runs).map(([cypher, e]) => ({ cypher, params: e.params, mode: e.mode }));
  }
}

/** Counters that tests and the resilience report read. */
export interface GateStats {
  /** Plans made (EXPLAINs run) since the start, requested or in the background. */
  plans: number;
  /** Plans that failed (the run then plans for itself, or reports the real error). */
  failedPlans: number;
  /** Runs that found their statement being planned and waited for that plan instead of planning it too. */
  waited: number;
  /** Runs refused after waiting their full bound for a plan still in flight (SERVICE_UNAVAILABLE, retry later). */
  refusedAfterWaiting: number;
  /** The most plans ever in flight at once (at most the gate's concurrency: no herd of cold plans). */
  peakPlanning: number;
}

/** Plans a statement without running it (EXPLAIN); rejects when it cannot. */
export type Planner = (cypher: string, params: Params, mode: 'READ' | 'WRITE') => Promise<void>;

export interface PlanGateOptions {
  /** Plans a statement (Database: EXPLAIN in a session of its own, outside any transaction). */
  plan: Planner;
  /** Makes the error of a run that waited its whole bound for a plan still in flight. */
  refuse: () => Error;
  /** Plans in flight at once (2: one per core of a small Neo4j host; planning is CPU-bound). */
  concurrency?: number;
  /** Of which background plans (re-planning known statements), so that a request's plan always finds a slot soon. */
  backgroundConcurrency?: number;
  /** Told how long each plan took and whether it succeeded: slow plans are logged. */
  onPlanned?: (cypher: string, ms: number, ok: boolean) => void;
  capacity?: number;
}

interface PlanJob {
  cypher: string;
  params: Params;
  mode: 'READ' | 'WRITE';
  demanded: boolean;
  started: boolean;
  /** Settles true when planned, false when planning failed or was dropped. */
  done: Promise<boolean>;
  finish: (ok: boolean) => void;
}

/**
 * Plans statements before they run, one plan per statement text, a few at a time. Neo4j plans a
 * statement on its first run after a start or restart; when a herd of requests arrives together on a
 * cold Neo4j, every distinct statement plans at once on its two cores and each takes many times its
 * own cost: all time out together (15 s timeouts for 80 s were seen, issue 9). So a run whose text has
 * no plan since the last (re)connection first asks for one: an EXPLAIN, queued here, at most
 * `concurrency` in flight, the plans that requests wait for before the background re-planning; runs
 * of the same text share that plan. The wait happens before the run's transaction opens (no
 * connection held, no transaction timeout ticking), and is bounded: a run whose plan is still not
 * made after `maxWaitMs` is refused with "try again shortly" (`refuse`) instead of planning the same
 * statement a second time. A failed plan lets the run go on (it plans for itself, or reports its
 * real error).
 */
export class PlanGate {
  private readonly planned = new Set<string>();
  private readonly jobs = new Map<string, PlanJob>();
  private readonly demandQueue: PlanJob[] = [];
  private readonly warmupQueue: PlanJob[] = [];
  private readonly backgroundQueue: PlanJob[] = [];
  private running = 0;
  private backgroundRunning = 0;
  readonly stats: GateStats = { plans: 0, failedPlans: 0, waited: 0, refusedAfterWaiting: 0, peakPlanning: 0 };
  private readonly concurrency: number;
  private readonly backgroundConcurrency: number;
  private readonly capacity: number;

  constructor(private readonly options: PlanGateOptions) {
    this.concurrency = options.concurrency ?? 2;
    this.backgroundConcurrency = Math.min(options.backgroundConcurrency ?? 1, this.concurrency);
    this.capacity = options.capacity ?? 2000;
  }

  isPlanned(cypher: string): boolean {
    return this.planned.has(cypher);
  }

  /**
   * Resolves once `cypher` may run without planning in a herd: at once when planned since the last
   * reconnection, else after its plan (requested now, or joined when already queued or in flight).
   * Rejects with `refuse()` when the plan is still not made after `maxWaitMs`.
   */
  async ensurePlanned(cypher: string, params: Params, mode: 'READ' | 'WRITE', maxWaitMs: number, warmup = false): Promise<void> {
    if (this.planned.has(cypher) || NOT_PLANNABLE.test(cypher)) return;
    const known = this.jobs.get(cypher);
    if (known) this.stats.waited += 1;
    const job = known ?? this.enqueue(cypher, params, mode);
    this.demand(job, warmup);
    if (!(await waitAtMost(job.done, maxWaitMs))) {
      this.stats.refusedAfterWaiting += 1;
      throw this.options.refuse();
    }
  }

  /**
   * Queues the plan of `cypher` without waiting for it: `demanded` (a question about to run it, e.g.
   * the later statements of a pipeline) before the background ones. Resolves true once planned.
   */
  prepare(cypher: string, params: Params, mode: 'READ' | 'WRITE', demanded: boolean): Promise<boolean> {
    if (this.planned.has(cypher) || NOT_PLANNABLE.test(cypher)) return Promise.resolve(this.planned.has(cypher));
    const job = this.jobs.get(cypher) ?? this.enqueue(cypher, params, mode);
    if (demanded) this.demand(job);
    else if (!job.demanded && !job.started && !this.backgroundQueue.includes(job)) {
      this.backgroundQueue.push(job);
      this.pump();
    }
    return job.done;
  }

  /** Records that Neo4j holds a plan for `cypher` (a run succeeded). */
  markPlanned(cypher: string): void {
    if (this.planned.size >= this.capacity) this.planned.clear();
    this.planned.add(cypher);
  }

  /** After a reconnection Neo4j may have restarted with an empty plan cache; queued background plans are dropped. */
  forgetPlans(): void {
    this.planned.clear();
    for (const job of this.backgroundQueue.splice(0)) {
      if (job.started || job.demanded) continue;
      this.jobs.delete(job.cypher);
      job.finish(false);
    }
  }

  private enqueue(cypher: string, params: Params, mode: 'READ' | 'WRITE'): PlanJob {
    let finish!: (ok: boolean) => void;
    const done = new Promise<boolean>((resolve) => (finish = resolve));
    const job: PlanJob = { cypher, params, mode, demanded: false, started: false, done, finish };
    this.jobs.set(cypher, job);
    return job;
  }

  /** A client's request goes before the warm-up's questions, which go before the background re-planning. */
  private demand(job: PlanJob, warmup = false): void {
    if (job.started || (job.demanded && (warmup || !this.warmupQueue.includes(job)))) return;
    job.demanded = true;
    (warmup ? this.warmupQueue : this.demandQueue).push(job);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const job = this.nextJob();
      if (!job) return;
      void this.start(job);
    }
  }

  private nextJob(): PlanJob | undefined {
    let job: PlanJob | undefined;
    while ((job = this.demandQueue.shift())) if (!job.started) return job;
    while ((job = this.warmupQueue.shift())) if (!job.started) return job;
    if (this.backgroundRunning >= this.backgroundConcurrency) return undefined;
    while ((job = this.backgroundQueue.shift())) if (!job.started) return job;
    return undefined;
  }

  private async start(job: PlanJob): Promise<void> {
    job.started = true;
    const background = !job.demanded;
    this.running += 1;
    if (background) this.backgroundRunning += 1;
    this.stats.peakPlanning = Math.max(this.stats.peakPlanning, this.running);
    const started = performance.now();
    let ok = false;
    try {
      await this.options.plan(job.cypher, job.params, job.mode);
      ok = true;
      this.stats.plans += 1;
      this.markPlanned(job.cypher);
    } catch {
      this.stats.failedPlans += 1;
    } finally {
      this.running -= 1;
      if (background) this.backgroundRunning -= 1;
      this.jobs.delete(job.cypher);
      this.options.onPlanned?.(job.cypher, performance.now() - started, ok);
      job.finish(ok);
      this.pump();
    }
  }
}

/** True when `promise` settled within `ms`, false when the time ran out first. */
function waitAtMost(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * How many subqueries a statement holds: CALL, COLLECT, EXISTS and COUNT subqueries and pattern
 * comprehensions, each a plan of its own that the planner builds and joins. With the statement's
 * size, what its cold planning time grows with (docs/benchmarks.md, "Planning time").
 */
export function countSubqueries(cypher: string): number {
  const subqueries = cypher.match(/\bCALL\s*(\([^)]*\))?\s*\{|\b(COLLECT|EXISTS|COUNT)\s*\{/gi) ?? [];
  const comprehensions = cypher.match(/\[\s*\(\w*(:\w+)?\)\s*<?-/g) ?? [];
  return subqueries.length + comprehensions.length;
}
