// `parallax bench --only server`: the HTTP API under load (autocannon, 50 connections) with 10,000
// articles stored (1,000 with --quick), against a server in a child process on 127.0.0.1. Also the
// time until the example story page shows its highlights in Chromium, when Chromium is installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon, { type Result } from 'autocannon';
import type { BenchSection } from '../section.js';
import { repoRoot } from '../../shared-paths.js';

interface ChildInfo {
  url: string;
  backend: string;
  articles: number;
  stories: number;
  analysedOnce: number;
  analyseSeconds: number;
  storeSeconds: number;
  warmStories: string[];
  coldComparisonMs: { median: number | null; p90: number | null };
  anOutlet: string | null;
}

const CONNECTIONS = 50;
const TARGET_P99_MS = 50;

function startChild(articles: number, warm: number): Promise<{ child: ChildProcess; info: ChildInfo }> {
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/src/bench/server/child.js'), '--articles', String(articles), '--warm', String(warm)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + d).slice(-4000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the bench server did not start within 15 minutes'));
    }, 15 * 60_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, info: JSON.parse(line) as ChildInfo });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited (${code}): ${err}`));
    });
  });
}

function figures(r: Result) {
  return {
    requestsPerSecond: Math.round(r.requests.average),
    requests: r.requests.total,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

async function examplePageMs(url: string): Promise<number[] | string> {
  if (!existsSync('/usr/bin/chromium')) return 'not measured: /usr/bin/chromium is missing';
  try {
    return await examplePageTimes(url);
  } catch (e) {
    return `not measured: ${(e as Error).message.split('\n')[0]}`;
  }
}

async function examplePageTimes(url: string): Promise<number[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${url}/stories/example-bishkek`, { timeout: 60_000 });
      await page.waitForSelector('.px-articles mark', { timeout: 60_000 });
      times.push(Date.now() - start);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

export const serverBench: BenchSection = {
  name: 'server',
  description: 'HTTP API latency under load with 10,000 stored articles; example story page load time',
  async run({ quick, progress }) {
    const articles = quick ? 1000 : 10000;
    const duration = quick ? 3 : 10;
    progress(`starting a server with ${articles} articles (analysis, storage, warm comparisons)…`);
    const { child, info } = await startChild(articles, quick ? 30 : 200);
    try {
      progress(`server ready at ${info.url} (${info.backend}); ${info.stories} stories`);
      const run = (path: string | null, paths?: string[]) => {
        let i = 0;
        return autocannon({
          url: info.url + (path ?? ''),
          connections: CONNECTIONS,
          duration,
          timeout: 10,
          ...(paths ? { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }] } : {}),
        });
      };
      progress('baseline: a static JSON document (/openapi.json)');
      const baseline = figures(await run('/openapi.json'));
      progress('story list');
      const list = figures(await run('/api/stories'));
      progress('story list filtered by outlet');
      const filtered = figures(await run(`/api/stories?outlet=${encodeURIComponent(info.anOutlet ?? 'x')}`));
      progress(`story pages (${info.warmStories.length} stories, comparisons cached)`);
      const pages = figures(await run(null, info.warmStories.map((id) => `/api/stories/${encodeURIComponent(id)}/comparison`)));
      progress('example story page in Chromium');
      const pageMs = await examplePageMs(info.url);
      const ok = (f: ReturnType<typeof figures>) => f.latencyMs.p99 < TARGET_P99_MS && f.errors === 0 && f.non2xx === 0 && f.timeouts === 0;
      return {
        server: {
          articles: info.articles,
          stories: info.stories,
          backend: info.backend,
          connections: CONNECTIONS,
          durationSeconds: duration,
          setup: { analysedOnce: info.analysedOnce, analyseSeconds: round(info.analyseSeconds), storeSeconds: round(info.storeSeconds), coldComparisonMs: info.coldComparisonMs },
          baselineStaticJson: baseline,
          storyList: list,
          storyListByOutlet: filtered,
          storyPage: pages,
          loadAverage: loadavg().map((x) => round(x)),
          ratios: { storyListVsBaselineRps: round(list.requestsPerSecond / baseline.requestsPerSecond), storyPageVsBaselineRps: round(pages.requestsPerSecond / baseline.requestsPerSecond) },
          examplePageUsableMs: pageMs,
          targets: {
            storyListP99Under50ms: ok(list) && ok(filtered),
            storyPageP99Under50ms: ok(pages),
            examplePageUnder1s: Array.isArray(pageMs) ? Math.max(...pageMs.slice(1)) < 1000 : null,
          },
        },
      };
    } finally {
      child.kill('SIGTERM');
    }
  },
};

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
