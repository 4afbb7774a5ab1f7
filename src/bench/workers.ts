// `parallax bench --only workers`: PostgreSQL on loopback (started here, as the store tests do), N
// articles (2,000; 300 with --quick; --articles N) queued and taken by 1, then 2 `parallax worker`
// processes: throughput of analysis + storage, and to the last story assignment; CPU time per article
// of each job kind (from the workers' own accounts) and the projection for 8 and 32 workers; a kill
// run (2 workers, one SIGKILLed >= 10 times) checked against the single-process stories; and the
// queue latency (queued -> stored) p50/p99 at a steady 50 articles/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { BenchSection } from './section.js';
import { evalPath } from '../shared-paths.js';
import { startPgTestServer, type PgTestServer } from '../../test/support/pg-test-server.js';
import { openJobQueue } from '../app/job-queue.js';
import { enqueueInputs } from '../app/ingest-service.js';
import { checkRun, eventCorpus, queueState, randomSource, readArticles, singleProcessStories, spawnWorker, waitDrained, writeJsonl, type Row, type SpawnedWorker } from './workers-harness.js';
import type { Article } from '../model/document.js';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface WorkerReport {
  analyse: { jobs: number; articles: number; cpuMs: number };
  assign: { jobs: number; articles: number; cpuMs: number };
  compare: { jobs: number; articles: number; cpuMs: number };
}

async function corpus(n: number, dir: string): Promise<{ articles: Article[]; source: string }> {
  const file = join(dir, 'in.jsonl');
  let source = 'synthetic events (eventCorpus)';
  let rows: Row[];
  if (existsSync(evalPath('stories/basil.jsonl'))) {
    const { benchCorpus } = await import('./ingest-corpus.js');
    rows = benchCorpus(n);
    source = 'ingest bench corpus (../shared/eval stories, PolNeAR, TimeBank)';
  } else rows = eventCorpus(n);
  writeJsonl(file, rows);
  return { articles: await readArticles(file), source };
}

async function stopAll(workers: SpawnedWorker[]): Promise<WorkerReport[]> {
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exit));
  return workers.map((w) => {
    try {
      return JSON.parse(w.stdout().trim().split('\n').pop() ?? '') as WorkerReport;
    } catch {
      return { analyse: { jobs: 0, articles: 0, cpuMs: 0 }, assign: { jobs: 0, articles: 0, cpuMs: 0 }, compare: { jobs: 0, articles: 0, cpuMs: 0 } };
    }
  });
}

/** Queues every article, then starts `count` workers and times them to the last stored and the last assigned article. */
async function throughput(server: PgTestServer, articles: Article[], count: number, progress: (m: string) => void) {
  const url = await server.createDatabase();
  const queue = await openJobQueue(url);
  await enqueueInputs(queue, articles.map((article) => ({ article })), { run: `bench-${count}` });
  await queue.close();
  const workers = Array.from({ length: count }, () => spawnWorker(url, ['--json']));
  await Promise.all(workers.map((w) => w.ready));
  const t0 = performance.now();
  let stored = 0;
  const end = await waitDrained(url, articles.length, 3_600_000, (s) => {
    if (!stored && s.waiting === 0) stored = performance.now() - t0;
    progress(`workers: ${count} worker(s): ${s.arrivals - s.waiting}/${s.arrivals} stored, ${s.assigned} assigned`);
  });
  const assigned = performance.now() - t0;
  const reports = await stopAll(workers);
  const sum = (k: 'analyse' | 'assign' | 'compare', f: 'cpuMs' | 'articles' | 'jobs') => reports.reduce((s, r) => s + r[k][f], 0);
  return {
    workers: count,
    articlesPerSecond: round(articles.length / (stored / 1000)),
    toAssignedPerSecond: round(articles.length / (assigned / 1000)),
    seconds: round(stored / 1000, 2),
    secondsToAssigned: round(assigned / 1000, 2),
    cpuMsPerArticle: {
      analyse: round(sum('analyse', 'cpuMs') / Math.max(1, sum('analyse', 'articles')), 2),
      assign: round(sum('assign', 'cpuMs') / Math.max(1, sum('assign', 'articles')), 2),
      comparePerStory: round(sum('compare', 'cpuMs') / Math.max(1, sum('compare', 'jobs')), 2),
    },
    comparisons: sum('compare', 'jobs'),
    openJobs: end.jobs,
  };
}

/** 2 workers, one SIGKILLed at random moments (>= 10 times) and restarted; then the checks. */
async function killRun(server: PgTestServer, file: Article[], progress: (m: string) => void) {
  const url = await server.createDatabase();
  const args = ['--lease', '10', '--batch', '8', '--json'];
  const workers = [spawnWorker(url, args), spawnWorker(url, args)];
  await Promise.all(workers.map((w) => w.ready));
  const queue = await openJobQueue(url);
  await enqueueInputs(queue, file.map((article) => ({ article })), { run: 'kill' });
  await queue.close();
  const r = randomSource(3);
  let kills = 0;
  let withWorkLeft = 0;
  while (kills < 10 || (await queueState(url)).waiting > file.length / 4) {
    await Promise.all(workers.map((w) => w.ready));
    await new Promise((res) => setTimeout(res, 500 + Math.floor(r() * 3000)));
    const s = await queueState(url);
    if (s.arrivals - s.assigned === 0) break;
    withWorkLeft++;
    const k = Math.floor(r() * workers.length);
    workers[k]!.child.kill('SIGKILL');
    await workers[k]!.exit;
    kills++;
    workers[k] = spawnWorker(url, args);
    progress(`workers: kill run: ${kills} kills, ${s.arrivals - s.waiting}/${s.arrivals} stored`);
  }
  const end = await waitDrained(url, file.length, 3_600_000);
  await stopAll(workers);
  const reference = await singleProcessStories(file);
  const check = await checkRun(url, file, reference.stories);
  return { kills, killsWithWorkLeft: withWorkLeft, lostJobs: end.waiting + end.jobs + end.dead, ...check };
}

/** Articles queued at `rate` a second for `seconds`, 2 workers: queued -> stored latency. */
async function latency(server: PgTestServer, articles: Article[], rate: number, seconds: number, progress: (m: string) => void) {
  const url = await server.createDatabase();
  const workers = [spawnWorker(url, ['--json', '--batch', '8']), spawnWorker(url, ['--json', '--batch', '8'])];
  await Promise.all(workers.map((w) => w.ready));
  const queue = await openJobQueue(url);
  const n = Math.min(articles.length, rate * seconds);
  const t0 = performance.now();
  for (let i = 0; i < n; i += rate / 10) {
    const part = articles.slice(i, i + rate / 10);
    await enqueueInputs(queue, part.map((article) => ({ article })), { run: `lat-${i}` });
    const due = t0 + ((i + part.length) / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    progress(`workers: latency run: ${i + part.length}/${n} queued`);
  }
  const queuedFor = (performance.now() - t0) / 1000;
  await queue.close();
  await waitDrained(url, n, 3_600_000);
  await stopAll(workers);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ ms: number }>(`SELECT extract(epoch FROM stored_at - queued_at) * 1000 AS ms FROM parallax_arrivals ORDER BY 1`);
  await c.end();
  const ms = rows.map((x) => Number(x.ms)).sort((a, b) => a - b);
  const q = (p: number) => round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0, 0);
  return { rate, articles: n, achievedRate: round(n / queuedFor), p50Ms: q(0.5), p99Ms: q(0.99), maxMs: q(1) };
}

export const workersBench: BenchSection = {
  name: 'workers',
  description: 'worker processes on PostgreSQL (loopback): 1 vs 2 workers, CPU per job kind, kill test, queue latency',
  async run({ quick, progress, articles: n }) {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-workers-'));
    const server = await startPgTestServer();
    try {
      const count = n ?? (quick ? 300 : 2000);
      const { articles, source } = await corpus(count, dir);
      const one = await throughput(server, articles, 1, progress);
      const two = await throughput(server, articles, 2, progress);
      const kill = await killRun(server, articles.slice(0, quick ? 300 : count), progress);
      const lat = await latency(server, articles, 50, quick ? 6 : 20, progress);
      const cpu = one.cpuMsPerArticle;
      // Projection: analysis scales with workers (one core each); the assigner is one process, so it caps
      // the rate at 1000 / (its CPU ms per article), whatever the number of workers.
      const perWorker = 1000 / Math.max(0.01, cpu.analyse);
      const assignerCap = 1000 / Math.max(0.01, cpu.assign);
      const project = (w: number) => round(Math.min(w * perWorker, assignerCap));
      return {
        articles: articles.length,
        corpus: source,
        one: one.articlesPerSecond,
        two: two.articlesPerSecond,
        speedup: round(two.articlesPerSecond / Math.max(0.001, one.articlesPerSecond), 2),
        lost: kill.lost + kill.lostJobs,
        duplicated: kill.duplicated,
        sameStoriesAfterKills: kill.sameStories,
        runs: { one, two },
        kill,
        latency: lat,
        cpuMsPerArticle: cpu,
        projected: { perWorker: round(perWorker), assignerCap: round(assignerCap), w8: project(8), w32: project(32), limit: 8 * perWorker > assignerCap ? 'the assigner (one process) by 8 workers' : 32 * perWorker > assignerCap ? 'the assigner (one process) between 8 and 32 workers' : 'analysis (add workers) up to 32 workers' },
        machine: 'throughput on a shared 2-core machine; one worker = one process, concurrency 1',
      };
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
