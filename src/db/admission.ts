/**
 * A FIFO gate in front of some shared capacity: at most `limit` holders run at once, at most
 * `queueLimit` wait (in arrival order), and a waiter that is not admitted within `timeoutMs` gives
 * up. Used twice: process-wide in front of the driver's connection pool (one for reads, one for
 * writes, so writes keep their own share) and per GraphQL request (so one request cannot take the
 * pool from the others).
 *
 * Why not just the driver's pool: its waiters fail after the acquisition timeout (3 s) with a
 * "database unavailable" error although the database is healthy. Here they wait in a bounded queue,
 * and the excess is refused at once with a message that says the service is busy.
 */
export interface AdmissionOptions {
  limit: number;
  /** Waiters beyond this are refused at once with `refuse()`; Infinity for an unbounded queue. */
  queueLimit: number;
  /** How long a waiter may wait; undefined waits for as long as it takes. */
  timeoutMs?: number;
  /** The error a refused or timed-out waiter gets. */
  refuse(): Error;
}

interface Waiter {
  admit(): void;
  fail(error: Error): void;
  timer?: NodeJS.Timeout;
}

/** Counters for tests and the resilience report. */
export interface AdmissionStats {
  admitted: number;
  refused: number;
  timedOut: number;
  peakActive: number;
  peakQueued: number;
}

export class AdmissionQueue {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  readonly stats: AdmissionStats = { admitted: 0, refused: 0, timedOut: 0, peakActive: 0, peakQueued: 0 };

  constructor(private readonly options: AdmissionOptions) {}

  get activeCount(): number {
    return this.active;
  }

  get queuedCount(): number {
    return this.waiting.length;
  }

  /** Runs `work` once a slot is free; the slot is released when it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Fails every waiter with `error` (Neo4j is known to be down: waiting would only delay the answer). */
  failWaiting(error: Error): void {
    for (const waiter of this.waiting.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.fail(error);
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.limit && this.waiting.length === 0) {
      this.take();
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queueLimit) {
      this.stats.refused += 1;
      return Promise.reject(this.options.refuse());
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { admit: resolve, fail: reject };
      if (this.options.timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          this.stats.timedOut += 1;
          reject(this.options.refuse());
        }, this.options.timeoutMs);
      }
      this.waiting.push(waiter);
      this.stats.peakQueued = Math.max(this.stats.peakQueued, this.waiting.length);
    });
  }

  private take(): void {
    this.active += 1;
    this.stats.admitted += 1;
    this.stats.peakActive = Math.max(this.stats.peakActive, this.active);
  }

  private release(): void {
    this.active -= 1;
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      this.take();
      next.admit();
    }
  }
}
