import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/** The parts of a V8 CPU profile (`Profiler.stop`) read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per key, largest first, with each key's share of the total. */
function topOf(selfMs: Map<string, number>, total: number, count: number): string[] {
  return [...selfMs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${key}`);
}

/** Where a frame comes from: a package of node_modules, our source folder, Node's internals, or V8's pseudo-frames. */
function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/(src\/[^/]+|bench)\//.exec(url);
  if (own) return own[1];
  return url.startsWith('node:') ? 'node internals' : url;
}

/**
 * A summary of a CPU profile: self time by origin (package, source folder, GC...) and the
 * functions with the most self time. Self time is what a function ran itself, callees excluded:
 * the figure that says where the CPU goes, not who called it.
 */
export function summariseProfile(profile: CpuProfile, functions = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id);
    if (!frame) return;
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    const fn = `${frame.functionName || '(anonymous)'} ${where} [${originOf(frame.url, frame.functionName)}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const origin = originOf(frame.url, frame.functionName);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
    total += ms;
  });
  const busy = total - (byOrigin.get('(idle)') ?? 0);
  return [
    `sampled ${total.toFixed(0)} ms, of which not idle ${busy.toFixed(0)} ms`,
    'self time by origin:',
    ...topOf(byOrigin, total, 16),
    'functions with the most self time:',
    ...topOf(byFunction, total, functions),
  ];
}

/**
 * Runs `work` under V8's sampling profiler of this process (the inspector, as `node --cpu-prof`
 * does, but only around the measurement: not the start, the seeding or the warm-up), writes the
 * profile to `file` (open it in Chrome DevTools) and returns `work`'s result with a summary.
 */
export async function profiled<R>(file: string, work: () => Promise<R>): Promise<{ result: R; summary: string[] }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    return { result, summary: summariseProfile(profile) };
  } finally {
    session.disconnect();
  }
}
