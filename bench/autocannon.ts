/**
 * HTTP load for the benches: autocannon in a child process (so that its CPU is not the measured
 * server's), loopback addresses only.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
export const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The host of a URL or URI, '' when it does not parse. */
export function hostOf(uri: string): string {
  try {
    return new URL(uri).hostname;
  } catch {
    return '';
  }
}

export interface Timing {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}

export function autocannon(url: string, body: string, connections: number, seconds: number): Promise<Timing> {
  if (!LOOPBACK.has(hostOf(url))) throw new Error(`refusing to load ${url}: not a loopback address`);
  const bin = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const args = [
    bin,
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    body,
    '-j',
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 << 20 }, (error, stdout) => {
      if (error) return reject(error);
      const r = JSON.parse(stdout) as AutocannonResult;
      // No request finished within the duration: autocannon reports 0 ms; the table shows "–".
      const finished = r.requests.total > 0;
      resolve({
        p50: finished ? r.latency.p50 : NaN,
        p99: finished ? r.latency.p99 : NaN,
        rps: r.requests.average,
        requests: r.requests.total,
        errors: r.errors + r.non2xx + r.timeouts,
      });
    });
  });
}
