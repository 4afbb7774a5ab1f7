// `parallax bench --only load`: the HTTP API at 100 concurrent connections for 60 seconds (10 with
// --quick), localhost only, on a server in a child process holding stored articles (the server bench's
// child). Mixed reads: story list (plain and by outlet), story comparisons, search. Reports errors, p99
// latency, and the server's resident memory after warm-up and at the end (target: within 10%).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchSection } from './section.js';
import { repoRoot } from '../shared-paths.js';

const CONNECTIONS = 100;

interface ChildInfo {
  url: string;
  backend: string;
  articles: number;
  stories: number;
  warmStories: string[];
  anOutlet: string | null;
}

/** Resident memory of a process in bytes (Linux /proc), or null elsewhere. */
function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function startServer(articles: number, warm: number): Promise<{ child: ChildProcess; info: ChildInfo }> {
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/src/server/bench/child.js'), '--articles', String(articles), '--warm', String(warm)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + d).slice(-4000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the server did not start within 10 minutes'));
    }, 10 * 60_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, info: JSON.parse(line) as ChildInfo });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${err}`));
    });
  });
}

export const loadBench: BenchSection = {
  name: 'load',
  description: 'API under 100 concurrent connections for 60 s: errors, p99 latency, memory after warm-up vs at the end',
  async run({ quick, progress }) {
    const { default: autocannon } = await import('autocannon');
    const articles = quick ? 300 : 2000;
    const seconds = quick ? 10 : 60;
    const warmSeconds = quick ? 3 : 15;
    progress(`starting a server with ${articles} articles…`);
    const { child, info } = await startServer(articles, quick ? 20 : 100);
    try {
      const outlet = encodeURIComponent(info.anOutlet ?? 'x');
      const paths = [
        '/api/stories',
        `/api/stories?outlet=${outlet}`,
        '/api/search?q=president',
        '/api/search?q=trade%20talks',
        ...info.warmStories.slice(0, 50).map((id) => `/api/stories/${encodeURIComponent(id)}/comparison`),
        ...info.warmStories.slice(0, 50).map((id) => `/api/stories/${encodeURIComponent(id)}`),
      ];
      const run = (duration: number) => {
        let i = 0;
        return autocannon({
          url: info.url,
          connections: CONNECTIONS,
          duration,
          // Long enough that a slow answer counts as latency, not as an error (the machine may be shared).
          timeout: 30,
          requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length]! }) }],
        });
      };
      progress(`warm-up: ${warmSeconds} s at ${CONNECTIONS} connections`);
      await run(warmSeconds);
      const rssAfterWarmUp = rssOf(child.pid!);
      progress(`load: ${seconds} s at ${CONNECTIONS} connections over ${paths.length} paths`);
      const r = await run(seconds);
      const rssAtEnd = rssOf(child.pid!);
      const growth = rssAfterWarmUp && rssAtEnd ? rssAtEnd / rssAfterWarmUp - 1 : null;
      const errors = r.errors + r.timeouts + r.non2xx;
      return {
        load: {
          articles: info.articles,
          stories: info.stories,
          backend: info.backend,
          connections: CONNECTIONS,
          durationSeconds: seconds,
          paths: paths.length,
          requests: r.requests.total,
          requestsPerSecond: Math.round(r.requests.average),
          latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
          memory: {
            rssAfterWarmUpMB: rssAfterWarmUp ? Math.round(rssAfterWarmUp / 1048576) : null,
            rssAtEndMB: rssAtEnd ? Math.round(rssAtEnd / 1048576) : null,
            growthPercent: growth === null ? null : Math.round(growth * 1000) / 10,
          },
          targets: { zeroErrors: errors === 0, memoryWithin10Percent: growth === null ? null : growth <= 0.1 },
        },
      };
    } finally {
      child.kill('SIGTERM');
    }
  },
};
