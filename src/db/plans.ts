/**
 * Query plans after a (re)connection. Neo4j keeps its plan cache in memory, keyed by statement text
 * and parameter types; after a restart every big statement is planned again, and a herd of requests
 * arriving together planned the same statements at once, each slowly (15 s timeouts for 80 s were
 * seen). Two remedies live here:
 *
 * - `StatementBook` remembers each statement the service has run, with the parameters of its first
 *   run in each list shape (the cache key holds types, not values, except that Neo4j keys a list of
 *   one element apart from longer ones), so that after a reconnection they can be planned again with
 *   `EXPLAIN` before /ready turns 200.
 * - `PlanGate` lets the first run of a statement since the last (re)connection go alone: concurrent
 *   runs of the same text wait for it (bounded, so a lock held by a waiter cannot deadlock them),
 *   then find its plan cached; a waiter whose bound runs out is refused with "try again shortly"
 *   rather than planning the same statement a second time.
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
 * The same parameters with lists cut to two elements (driver values such as Integer and Point kept as
 * they are). Two, not one: Neo4j plans `x IN [a]` as `x = a` and keys one-element lists apart, so
 * after an `EXPLAIN` with one element a run with two planned again (2.7 s, as cold, on the test
 * Neo4j), while an `EXPLAIN` with two served runs with 9, 60 or 100 elements (0.2-0.4 s).
 */
export function toShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(toShape);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toShape(v)]));
  return value;
}

/**
 * Which plan-cache variant `params` falls into: each list's length class (empty, one element, more),
 * its first element looked into. Runs of one statement with the same signature share one plan.
 */
export function listSignature(value: unknown): string {
  if (Array.isArray(value)) return `[${Math.min(value.length, 2)}${value.length > 0 ? listSignature(value[0]) : ''}]`;
  if (isPlainObject(value)) {
    let signature = '';
    for (const key in value) {
      const inner = listSignature(value[key]);
      if (inner) signature += `${key}${inner}`;
    }
    return signature ? `{${signature}}` : '';
  }
  return '';
}

interface BookVariant extends BookEntry {
  cypher: string;
}

export class StatementBook {
  /** By statement text, then by list signature: one entry per plan Neo4j keeps apart. */
  private readonly entries = new Map<string, Map<string, BookVariant>>();
  private variants = 0;

  constructor(private readonly capacity = 400) {}

  /** How many (statement, list shape) variants are known. */
  get size(): number {
    return this.variants;
  }

  /** Notes a run of `cypher`; the first run in each list shape keeps its parameters as its representative. */
  note(cypher: string, params: Params, mode: 'READ' | 'WRITE'): void {
    let byShape = this.entries.get(cypher);
    const signature = listSignature(params);
    const known = byShape?.get(signature);
    if (known) {
      known.runs += 1;
      return;
    }
    if (this.variants >= this.capacity || NOT_PLANNABLE.test(cypher)) return;
    if (!byShape) this.entries.set(cypher, (byShape = new Map()));
    byShape.set(signature, { cypher, params: toShape(params) as Params, mode, runs: 1 });
    this.variants += 1;
  }

  /** The statements in each list shape they ran with, most run first, with how often each ran. */
  hottest(): { cypher: string; params: Params; mode: 'READ' | 'WRITE'; runs: number }[] {
    return [...this.entries.values()]
      .flatMap((byShape) => [...byShape.values()])
      .sort((a, b) => b.runs - a.runs)
      .map(({ cypher, params, mode, runs }) => ({ cypher, params, mode, runs }));
  }
}

/** Counters that tests read: how many first runs went through, how many runs waited for one. */
export interface GateStats {
  firstRuns: number;
  waited: number;
  /** The most first runs of one statement text that were ever in flight together (1 when the gate works). */
  peakConcurrentFirstRuns: number;
  /** Runs refused after waiting the full bound for a first run still in flight (SERVICE_UNAVAILABLE, retry later). */
  refusedAfterWaiting: number;
}

export class PlanGate {
  private readonly planned = new Set<string>();
  private readonly firstRuns = new Map<string, Promise<void>>();
  readonly stats: GateStats = { firstRuns: 0, waited: 0, peakConcurrentFirstRuns: 0, refusedAfterWaiting: 0 };
  private readonly inFlightPerText = new Map<string, number>();

  /**
   * `refuse` makes the error of a run that waited `maxWaitMs` for a first run still in flight: that
   * first run is planning slowly (Neo4j just came back, or is overloaded), and a second planning of
   * the same text would only slow it down and time out as well, so the waiter answers "try again
   * shortly" instead (docs/reliability.md).
   */
  constructor(
    private readonly maxWaitMs: number,
    private readonly refuse: () => Error,
    private readonly capacity = 2000,
  ) {}

  /**
   * Runs `run` for `cypher`: at once when planned since the last reconnection, else after the first
   * run of it; refused (`refuse`) when that first run is still going after `maxWaitMs`.
   */
  async run<T>(cypher: string, run: () => Promise<T>): Promise<T> {
    if (this.planned.has(cypher)) return run();
    const first = this.firstRuns.get(cypher);
    if (first) {
      this.stats.waited += 1;
      if (!(await waitAtMost(first, this.maxWaitMs))) {
        this.stats.refusedAfterWaiting += 1;
        throw this.refuse();
      }
      return run();
    }
    let done!: () => void;
    this.firstRuns.set(cypher, new Promise<void>((resolve) => (done = resolve)));
    this.stats.firstRuns += 1;
    const inFlight = (this.inFlightPerText.get(cypher) ?? 0) + 1;
    this.inFlightPerText.set(cypher, inFlight);
    this.stats.peakConcurrentFirstRuns = Math.max(this.stats.peakConcurrentFirstRuns, inFlight);
    try {
      const result = await run();
      this.markPlanned(cypher);
      return result;
    } finally {
      this.inFlightPerText.set(cypher, (this.inFlightPerText.get(cypher) ?? 1) - 1);
      this.firstRuns.delete(cypher);
      done();
    }
  }

  /** Records that Neo4j holds a plan for `cypher` (a run or an EXPLAIN succeeded). */
  markPlanned(cypher: string): void {
    if (this.planned.size >= this.capacity) this.planned.clear();
    this.planned.add(cypher);
  }

  /** After a reconnection Neo4j may have restarted with an empty plan cache. */
  forgetPlans(): void {
    this.planned.clear();
  }
}

/** True when `promise` settled within `ms`, false when the time ran out first. */
function waitAtMost(promise: Promise<void>, ms: number): Promise<boolean> {
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
