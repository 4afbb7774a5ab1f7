// A worker process of the job queue: takes jobs until stopped. Three kinds:
//   analyse  one arrival: fetch it when it is a URL, skip content already stored, analyse, store
//            (without a story); idempotent, so a job retried after its worker died stores nothing twice;
//   assign   the story assigner (src/app/assigner.ts): one at a time, in arrival order;
//   compare  one story's comparison, queued once per change of the story while it waits.
// Analysis runs in this thread with --concurrency 1, else in a pool of that many worker threads.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Article } from '../model/document.js';
import type { DatabaseStore } from '../store/types.js';
import type { StoryClusterer } from '../cluster/types.js';
import type { AnalysedForStore, AnalysisPool } from '../ingest/analysis-pool.js';
import { contentHash } from '../store/content-hash.js';
import { openStore } from '../store/open-store.js';
import { createUrlReader } from '../ingest/url-reader.js';
import { createAssigner } from './assigner.js';
import { ASSIGNER_ROLE, openJobQueue, QUEUES, type JobQueue, type QueueOptions } from './job-queue.js';
import type { ArrivalInput } from './ingest-service.js';

export interface WorkerOptions extends QueueOptions {
  url: string;
  /** Articles analysed at once (threads when > 1). */
  concurrency?: number;
  /** Analysis jobs fetched per poll (default 48 x concurrency: pg-boss polls, and a poll should keep the worker busy for about its interval). */
  batch?: number;
  log?: (line: string) => void;
  /** For tests: analysis and clustering supplied instead of loaded. */
  pool?: AnalysisPool;
  createClusterer?: () => StoryClusterer;
}

export interface KindStats {
  jobs: number;
  articles: number;
  /** CPU time of this process while the jobs ran (ms; overlapping jobs of other kinds included). */
  cpuMs: number;
  wallMs: number;
}

export interface RunningWorker {
  id: string;
  stats: Record<'analyse' | 'assign' | 'compare', KindStats> & { analysisThreadMs: number; replayed: number };
  /** Stops taking jobs; the jobs in hand finish (or, after timeoutMs, are released for another worker). */
  stop(timeoutMs?: number): Promise<void>;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const log = options.log ?? (() => {});
  const id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const queue: JobQueue = await openJobQueue(options.url, options);
  const store: DatabaseStore = await openStore(options.url);
  let pool = options.pool ?? null;
  if (!pool) {
    const { createInlinePool, createWorkerPool } = await import('../ingest/analysis-pool.js');
    if (concurrency === 1) {
      const analyzer = (await import('../analyze.js')).createAnalyzer();
      pool = createInlinePool((a) => analyzer.analyze(a));
    } else pool = createWorkerPool(concurrency); // analysed articles are only stored here
  }
  const createClusterer = options.createClusterer ?? (await (await import('../ingest/optional-modules.js')).loadClustererFactory()).create;
  const { compareArticles } = await import('../compare/index.js');
  const assigner = createAssigner({ store, queue, createClusterer });
  const blank = (): KindStats => ({ jobs: 0, articles: 0, cpuMs: 0, wallMs: 0 });
  const stats = { analyse: blank(), assign: blank(), compare: blank(), analysisThreadMs: 0, replayed: 0 };
  const timed = async <T>(kind: KindStats, fn: () => Promise<T>): Promise<T> => {
    const c0 = cpuNow();
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      kind.cpuMs += cpuNow() - c0;
      kind.wallMs += performance.now() - t0;
    }
  };

  const heartbeat = () =>
    queue.pool
      .query(
        `INSERT INTO parallax_workers (id, host, pid, concurrency) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
        [id, hostname(), process.pid, concurrency],
      )
      .catch(() => {});
  await heartbeat();
  const beat = setInterval(heartbeat, 5000);
  beat.unref();

  const readers = new Map<string, (url: string) => AsyncIterable<{ article: Article } | { failure: { subject: string; message: string } }>>();
  const itemsOf = async (input: ArrivalInput): Promise<{ articles: Article[]; errors: string[] }> => {
    if ('article' in input) return { articles: [input.article], errors: [] };
    const key = `${input.allowPrivate ? 1 : 0}|${input.outlet ?? ''}`;
    let read = readers.get(key);
    if (!read) readers.set(key, (read = createUrlReader({ allowPrivate: Boolean(input.allowPrivate), outlet: input.outlet ?? null })));
    const out: { articles: Article[]; errors: string[] } = { articles: [], errors: [] };
    for await (const item of read(input.url)) {
      if ('article' in item) out.articles.push(item.article);
      else out.errors.push(item.failure.message);
    }
    return out;
  };

  const analyseArrival = async (seq: number): Promise<void> => {
    const { rows } = await queue.pool.query<{ status: string; input: ArrivalInput; run: string | null }>('SELECT status, input, run FROM parallax_arrivals WHERE seq = $1', [seq]);
    const row = rows[0];
    if (!row || row.status !== 'queued') return; // done before this worker (or its predecessor) died
    let ids: string[] = [];
    let fresh = 0;
    const errors: string[] = [];
    try {
      const { articles, errors: readErrors } = await itemsOf(row.input);
      errors.push(...readErrors);
      for (const article of articles) {
        const known = (await store.knownHashes([contentHash(article)])).values().next().value;
        if (known !== undefined) {
          ids.push(known);
          continue;
        }
        let analysed: AnalysedForStore;
        try {
          // Only stored here: no layer needs to come back as objects.
          analysed = await pool!.analyzeForStore(article, []);
        } catch (e) {
          errors.push(`analysis failed: ${(e as Error).message}`);
          continue;
        }
        const [put] = await store.putArticles([{ article: analysed.article, rows: analysed.rows, story: null, ingestRun: row.run }]);
        ids.push(put!.id);
        if (put!.isNew) fresh++;
      }
    } catch (e) {
      // A fetch that failed for good (the URL reader retries what can be retried).
      if ((e as { code?: string }).code === undefined) throw e;
      errors.push((e as Error).message);
    }
    ids = [...new Set(ids)];
    stats.analyse.articles += ids.length;
    await queue.pool.query(
      `UPDATE parallax_arrivals SET status = $2, articles = $3, new_count = $4, error = $5, stored_at = now() WHERE seq = $1 AND status = 'queued'`,
      [seq, ids.length === 0 && errors.length ? 'failed' : 'done', ids, fresh, errors.length ? errors.join('; ').slice(0, 2000) : null],
    );
  };

  const poll = { pollingIntervalSeconds: options.pollSeconds ?? 0.5 };
  await queue.boss.work<{ seq: number }>(QUEUES.analyse, { ...poll, batchSize: options.batch ?? concurrency * 48 }, async (jobs) => {
    await timed(stats.analyse, async () => {
      stats.analyse.jobs += jobs.length;
      await Promise.all(jobs.map((j) => analyseArrival(j.data.seq)));
    });
    await queue.boss.send(QUEUES.assign, {});
  });
  // The assigner role: one process at a time holds it, through an advisory lock on a connection of its
  // own (PostgreSQL drops the lock the moment that process dies), and keeps its clusterer warm between
  // rounds. Assign jobs nudge it; the others try to take the role and otherwise leave the job to it.
  const roleClient = await queue.pool.connect();
  let hasRole = false;
  let draining: Promise<void> | null = null;
  const assign = () =>
    (draining ??= (async () => {
      try {
        if (!hasRole) hasRole = (await roleClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [ASSIGNER_ROLE])).rows[0]!.ok;
        if (!hasRole) return;
        await timed(stats.assign, async () => {
          stats.assign.jobs++;
          const r = await assigner.drain();
          stats.assign.articles += r.assigned;
          stats.replayed += r.replayed;
          if (r.replayed) log(`assigner caught up: ${r.replayed} articles replayed`);
        });
      } finally {
        draining = null;
      }
    })());
  // A nudge only starts the drain: the job does not wait for it, since a long drain (many blocks, or a
  // loaded machine) would outlive the job's lease, and pg-boss would fail the nudge into retries with
  // backoff that keep the queue open for minutes. A drain that fails is tried again by the tick below.
  await queue.boss.work(QUEUES.assign, { ...poll, batchSize: 1 }, async () => {
    void assign().catch((e: Error) => log(`assigner: ${e.message}`));
  });
  // The role holder also looks by itself (so that a nudge taken by another process is not missed), and
  // the others try to take the role when its holder has gone.
  const roleTick = setInterval(() => {
    if (!draining) void assign().catch((e: Error) => log(`assigner: ${e.message}`));
  }, 500);
  roleTick.unref();
  await queue.boss.work<{ story: string }>(QUEUES.compare, { ...poll, batchSize: 2 }, async (jobs) => {
    await timed(stats.compare, async () => {
      for (const j of jobs) {
        stats.compare.jobs++;
        const articles = await store.storyFullArticles(j.data.story);
        stats.compare.articles += articles.length;
        if (articles.length > 1) await store.putComparison(j.data.story, compareArticles(articles));
      }
    });
  });
  log(`worker ${id}: taking jobs (concurrency ${concurrency})`);

  let stopping: Promise<void> | null = null;
  return {
    id,
    get stats() {
      return { ...stats, analysisThreadMs: concurrency > 1 ? pool!.busyMs : stats.analysisThreadMs };
    },
    stop(timeoutMs = 30_000) {
      stopping ??= (async () => {
        clearInterval(beat);
        clearInterval(roleTick);
        // Waits for the jobs in hand; those still running after the timeout are failed, i.e. retried elsewhere.
        await queue.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true }).catch(() => {});
        await draining?.catch(() => {});
        if (hasRole) await roleClient.query('SELECT pg_advisory_unlock($1)', [ASSIGNER_ROLE]).catch(() => {});
        roleClient.release();
        await queue.pool.query('DELETE FROM parallax_workers WHERE id = $1', [id]).catch(() => {});
        if (!options.pool) await pool!.close();
        await store.close();
        await queue.pool.end();
      })();
      return stopping;
    },
  };
}
