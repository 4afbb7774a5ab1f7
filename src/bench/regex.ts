import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../shared-paths.js';
import type { BenchSection } from './section.js';
import { collectRegexes, type FoundRegex } from './regex/collect.js';
import type { AttackResult } from './regex/attack.js';

interface Timed extends FoundRegex {
  result?: AttackResult;
  error?: string;
  timedOut?: boolean;
}

/** Runs the worker from `from` on; resolves with the index that timed out, or -1 when all finished. */
function runWorker(regexes: Timed[], from: number, length: number, limitMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./regex/worker.js', import.meta.url), { workerData: { regexes, from, length } });
    let current = from;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        resolve(current);
      }, limitMs);
    };
    worker.on('message', (m: { type: string; i: number; result?: AttackResult; error?: string }) => {
      if (m.type === 'start') {
        current = m.i;
        arm();
      } else if (m.type === 'done') {
        if (m.result) regexes[m.i]!.result = m.result;
        if (m.error) regexes[m.i]!.error = m.error;
      } else if (m.type === 'end') {
        clearTimeout(timer);
        void worker.terminate();
        resolve(-1);
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Loads the modules that build regexes from variables and returns what they built at load time. */
function builtAtLoad(dynamic: { module: string; line: number }[], root: string): Promise<FoundRegex[]> {
  const dist = (m: string) => pathToFileURL(join(root, 'dist', m.replace(/\.ts$/, '.js'))).href;
  const modules = [...new Set(dynamic.map((d) => d.module))].map((module) => ({ module, url: dist(module) }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./regex/dynamic-worker.js', import.meta.url), { workerData: { modules } });
    worker.once('message', (built: { module: string; source: string; flags: string }[]) => {
      void worker.terminate();
      // Construction order is source order for module-level constants: pair them with the lines found.
      const lines = new Map<string, number[]>();
      for (const d of dynamic) lines.set(d.module, [...(lines.get(d.module) ?? []), d.line]);
      const taken = new Map<string, number>();
      resolve(
        built.map((b) => {
          const k = taken.get(b.module) ?? 0;
          taken.set(b.module, k + 1);
          return { module: b.module, line: lines.get(b.module)?.[k] ?? 0, source: b.source, flags: b.flags };
        }),
      );
    });
    worker.once('error', reject);
  });
}

/** Worst-case time of every regex in src/ on inputs made to backtrack; a stuck regex is stopped and reported. */
export const regexBench: BenchSection = {
  name: 'regex',
  description: 'worst-case time of every regular expression in src/ on adversarial input (catastrophic backtracking)',
  async run({ quick, progress }) {
    const length = quick ? 2_000 : 10_000;
    const limitMs = 15_000;
    const { found, dynamic } = await collectRegexes(repoRoot());
    const atLoad = await builtAtLoad(dynamic, repoRoot());
    const regexes: Timed[] = [...found, ...atLoad];
    progress(`${found.length} regex literals, ${atLoad.length} of ${dynamic.length} built from variables; inputs of ${length} characters`);
    let from = 0;
    while (from < regexes.length) {
      const stuck = await runWorker(regexes, from, length, limitMs);
      if (stuck < 0) break;
      regexes[stuck]!.timedOut = true;
      progress(`stopped after ${limitMs} ms: ${regexes[stuck]!.module}:${regexes[stuck]!.line} /${regexes[stuck]!.source.slice(0, 80)}/`);
      from = stuck + 1;
    }
    const perModule: Record<string, { regexes: number; worstMs: number; worst: string; unit: string; growth: number }> = {};
    for (const r of regexes) {
      const m = (perModule[r.module] ??= { regexes: 0, worstMs: 0, worst: '', unit: '', growth: 1 });
      m.regexes++;
      const ms = r.timedOut ? Infinity : (r.result?.ms ?? 0);
      if (ms >= m.worstMs) Object.assign(m, { worstMs: ms, worst: `${r.line}: /${r.source.slice(0, 100)}/${r.flags}`, unit: r.result?.unit ?? '', growth: r.result?.growth ?? 1 });
    }
    for (const m of Object.values(perModule)) m.worstMs = Number.isFinite(m.worstMs) ? Math.round(m.worstMs * 100) / 100 : -1;
    const sorted = regexes.filter((r) => r.result || r.timedOut).sort((a, b) => (b.timedOut ? Infinity : b.result!.ms) - (a.timedOut ? Infinity : a.result!.ms));
    const worst = sorted.slice(0, 10).map((r) => ({
      at: `${r.module}:${r.line}`,
      regex: `/${r.source.slice(0, 120)}/${r.flags}`,
      ms: r.timedOut ? `over ${limitMs}` : Math.round(r.result!.ms * 100) / 100,
      unit: r.result?.unit ?? null,
      growth: r.result ? Math.round(r.result.growth * 10) / 10 : null,
    }));
    return {
      regex: {
        inputLength: length,
        regexes: regexes.length,
        builtFromVariables: dynamic.length,
        // Built inside functions from run-time values (not timed): check these by hand.
        builtFromVariablesNotTimed: dynamic.filter((d) => !atLoad.some((a) => a.module === d.module && a.line === d.line)).map((d) => `${d.module}:${d.line}`),
        timedOut: regexes.filter((r) => r.timedOut).map((r) => `${r.module}:${r.line}`),
        // Above 100 ms on 10,000 characters, or growing faster than about quadratically.
        slow: regexes.filter((r) => r.timedOut || (r.result && (r.result.ms > 100 || r.result.growth > 6))).length,
        worst,
        perModule,
      },
    };
  },
};
