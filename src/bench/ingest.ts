// `parallax bench --only ingest`: 10,000 articles (1,000 with --quick) from a JSON Lines file built
// from ../shared/eval, ingested with analysis in worker threads and story assignment, into a fresh
// SQLite database. Reports articles/s and where the time went; as a reference in the same run, the
// same articles stored with plain better-sqlite3 prepared statements (no Kysely, no FTS, no dedupe).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BenchSection } from './section.js';
import { openStore } from '../store/open-store.js';
import { createStoryClusterer } from '../cluster/index.js';
import { collectInputs } from '../ingest/collect.js';
import { ingest } from '../ingest/ingest.js';
import { createWorkerPool, defaultAnalysisWorkers } from '../ingest/analysis-pool.js';
import { benchCorpus, writeBenchCorpus } from './ingest-corpus.js';
import { processThreadsCpuMs, threadTid } from '../ingest/thread-cpu.js';

/**
 * The process's CPU over a span split by thread (seconds): this thread (clustering, storage, receiving the
 * analysed articles), the analysis threads (with their start-up), and the rest: V8's helper threads
 * (optimising compilation, concurrent and parallel GC) and libuv's. Threads that ended within the span are
 * in none (the analysis threads are read before the pool closes).
 */
function threadSplit(before: Map<number, number>, after: Map<number, number>, analysisTids: readonly number[]) {
  const main = threadTid();
  const split = { main: 0, analysis: 0, helpers: 0 };
  for (const [tid, ms] of after) {
    const d = (ms - (before.get(tid) ?? 0)) / 1000;
    if (tid === main) split.main += d;
    else if (analysisTids.includes(tid)) split.analysis += d;
    else split.helpers += d;
  }
  const r = (x: number) => Math.round(x * 100) / 100;
  return { main: r(split.main), analysis: r(split.analysis), helpers: r(split.helpers) };
}

function rawInsertRate(dir: string, n: number): number {
  const rows = benchCorpus(n);
  const db = new BetterSqlite3(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE a (id TEXT PRIMARY KEY, outlet TEXT, title TEXT, published TEXT, text TEXT)');
  const insert = db.prepare('INSERT INTO a VALUES (?, ?, ?, ?, ?)');
  const batch = db.transaction((xs: typeof rows) => {
    for (const r of xs) insert.run(r.id, r.outlet, r.title, r.published, r.text);
  });
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 64) batch(rows.slice(i, i + 64));
  const s = (performance.now() - t0) / 1000;
  db.close();
  return rows.length / s;
}

/**
 * What the run stored, as digests a change of speed must leave alone: the story groups (each group's
 * article ids; groups by content, not by story id) and every stored column of every article but its
 * time stamps, with its claims and entities (sources relative to `inputDir`, so that runs compare).
 */
export function storedDigest(path: string, inputDir = ''): { articles: number; storyGroups: number; groupsSha256: string; rowsSha256: string } {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    // Rows are read one at a time (the 10k database holds ~370 MB of text and layers).
    const groups = new Map<string, string[]>();
    for (const r of db.prepare('SELECT id, story_id FROM articles').iterate() as Iterable<{ id: string; story_id: string | null }>) {
      if (r.story_id === null) continue;
      const g = groups.get(r.story_id);
      if (g) g.push(r.id);
      else groups.set(r.story_id, [r.id]);
    }
    const digest = (lines: Iterable<string>) => {
      const h = createHash('sha256');
      for (const l of lines) h.update(l).update('\n');
      return h.digest('hex').slice(0, 16);
    };
    const queries = [
      'SELECT id, content_hash, canonical_url, revision_of, is_current, source, format, outlet_id, outlet, title, published, url, language, authors, raw, original, text, cleaning, layers, story_id FROM articles ORDER BY id',
      'SELECT article_id, idx, start_offset, end_offset, text, data FROM claims ORDER BY article_id, idx',
      'SELECT article_id, entity_key, mentions FROM article_entities ORDER BY article_id, entity_key',
      'SELECT key, name, type FROM entities ORDER BY key',
    ];
    // Sources name the input file, in a directory of its own each run: the digest reads them relative to it.
    const relative = (r: Record<string, unknown>) => (inputDir && typeof r.source === 'string' && r.source.startsWith(inputDir) ? { ...r, source: r.source.slice(inputDir.length) } : r);
    function* rows() {
      for (const q of queries) for (const r of db.prepare(q).iterate() as Iterable<Record<string, unknown>>) yield JSON.stringify(relative(r));
    }
    return {
      articles: (db.prepare('SELECT count(*) FROM articles').pluck().get() as number),
      storyGroups: groups.size,
      groupsSha256: digest([...groups.values()].map((g) => g.sort().join(' ')).sort()),
      rowsSha256: digest(rows()),
    };
  } finally {
    db.close();
  }
}

export const ingestBench: BenchSection = {
  name: 'ingest',
  description: 'ingest a JSON Lines corpus with analysis (worker threads) and story assignment into SQLite',
  async run({ quick, progress }) {
    const n = quick ? 1000 : 10_000;
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-ingest-'));
    const workers = defaultAnalysisWorkers();
    try {
      const file = join(dir, 'corpus.jsonl');
      const corpus = writeBenchCorpus(file, n);
      progress(`corpus: ${corpus.articles} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB; ingesting with ${workers} worker thread(s)`);
      const dbPath = join(dir, 'bench.db');
      const store = await openStore(dbPath);
      const pool = createWorkerPool(workers);
      const load = [loadavg()[0]!];
      const cpu0 = process.cpuUsage();
      const threads0 = processThreadsCpuMs();
      let threads: ReturnType<typeof threadSplit> | null = null;
      let summary;
      try {
        summary = await ingest(
          collectInputs([file], { cwd: dir }),
          {
            store,
            pool,
            clusterer: createStoryClusterer(),
            clustererName: 'story clusterer',
            onProgress: (c) => {
              if ((c.new + c.duplicates) % 1000 < 64) {
                load.push(loadavg()[0]!);
                progress(`${c.new + c.duplicates} done (load average ${loadavg()[0]!.toFixed(1)})`);
              }
            },
          },
          { batchSize: 64 },
        );
        threads = threadSplit(threads0, processThreadsCpuMs(), pool.threadIds);
      } finally {
        await pool.close();
        await store.close();
      }
      const cpu = process.cpuUsage(cpu0);
      load.push(loadavg()[0]!);
      const stored = storedDigest(dbPath, dir);
      const raw = rawInsertRate(dir, n);
      const processCpuSeconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
      return {
        ingest: {
          articles: summary.read,
          stored: summary.new,
          failed: summary.failed,
          stories: summary.stories.new,
          megabytes: Math.round(corpus.bytes / 1e5) / 10,
          seconds: summary.seconds,
          articlesPerSecond: summary.articlesPerSecond,
          workers,
          cores: availableParallelism(),
          timingsMs: summary.timings,
          cpuMs: summary.cpuMs,
          /** CPU of the whole process (all threads) over the ingest: divided by the cores, the least wall time it allows. */
          processCpuSeconds,
          /** processCpuSeconds by thread (Linux): main, analysis threads (with start-up), V8 and libuv helper threads. */
          threadCpuSeconds: threads,
          cpuFloorSeconds: Math.round((processCpuSeconds / availableParallelism()) * 100) / 100,
          loadAverage: { min: Math.min(...load), max: Math.max(...load) },
          note: 'timingsMs are wall time (analysis summed over worker threads, beside clustering and storage on the main thread); cpuMs are CPU time of the threads',
          digest: stored,
          targetSeconds: quick ? null : 60,
          withinTarget: quick ? null : summary.seconds < 60 && summary.failed === 0 && summary.read === n,
          reference: { rawBetterSqlite3InsertsPerSecond: Math.round(raw), storageOnlyRatio: Math.round((summary.read / (summary.timings.storage / 1000) / raw) * 1000) / 1000 },
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
