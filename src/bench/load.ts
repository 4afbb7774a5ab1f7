// `parallax bench --only load`: the HTTP API at 100 concurrent connections for 60 seconds (10 with
// --quick), localhost only, on a server in a child process holding stored articles (the server bench's
// child). Mixed reads: story list (plain and by outlet), story comparisons, search. Reports errors, p99
// latency, and the server's memory after warm-up and at the end (target: within 10%): resident set and
// live heap (after a full collection in the child), each with its ratio end / after warm-up.
//   parallax bench --only load [--articles 10000] [--quick]
import { spawn, type ChildProcess } from 'node:child_process';
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

interface Memory {
  rss: number;
  heapUsed: number;
  afterGc: boolean;
}

/** The server's memory, asked over IPC (the child collects garbage first). */
function memoryOf(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not report its memory')), 60_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as Memory);
    });
    child.send('memory');
  });
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const ratio = (end: number, start: number) => Math.round((end / start) * 1000) / 1000;

function startServer(articles: number, warm: number): Promise<{ child: ChildProcess; info: ChildInfo }> {
  const child = spawn(process.execPath, ['--expose-gc', join(repoRoot(), 'dist/src/bench/server/child.js'), '--articles', String(articles), '--warm', String(warm)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
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
  async run({ quick, progress, articles: asked }) {
    const { default: autocannon } = await import('autocannon');
    const articles = asked ?? (quick ? 300 : 2000);
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
      const warmMemory = await memoryOf(child);
      progress(`load: ${seconds} s at ${CONNECTIONS} connections over ${paths.length} paths`);
      const r = await run(seconds);
      const endMemory = await memoryOf(child);
      const rssRatio = ratio(endMemory.rss, warmMemory.rss);
      const heapRatio = ratio(endMemory.heapUsed, warmMemory.heapUsed);
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
            afterWarmUp: { rssMB: mb(warmMemory.rss), heapUsedMB: mb(warmMemory.heapUsed) },
            atEnd: { rssMB: mb(endMemory.rss), heapUsedMB: mb(endMemory.heapUsed) },
            rssRatio,
            heapRatio,
            heapAfterGc: warmMemory.afterGc && endMemory.afterGc,
          },
          targets: { zeroErrors: errors === 0, rssWithin10Percent: rssRatio <= 1.1, heapWithin10Percent: heapRatio <= 1.1 },
        },
      };
    } finally {
      child.kill('SIGTERM');
    }
  },
};
