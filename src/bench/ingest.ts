// `parallax bench --only ingest`: 10,000 articles (1,000 with --quick) from a JSON Lines file built
// from ../shared/eval, ingested with analysis in worker threads and story assignment, into a fresh
// SQLite database. Reports articles/s and where the time went; as a reference in the same run, the
// same articles stored with plain better-sqlite3 prepared statements (no Kysely, no FTS, no dedupe).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BenchSection } from './section.js';
import { openStore } from '../store/open-store.js';
import { createStoryClusterer } from '../cluster/index.js';
import { collectInputs } from '../ingest/collect.js';
import { ingest } from '../ingest/ingest.js';
import { createWorkerPool } from '../ingest/analysis-pool.js';
import { benchCorpus, writeBenchCorpus } from './ingest-corpus.js';

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

export const ingestBench: BenchSection = {
  name: 'ingest',
  description: 'ingest a JSON Lines corpus with analysis (worker threads) and story assignment into SQLite',
  async run({ quick, progress }) {
    const n = quick ? 1000 : 10_000;
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-ingest-'));
    const workers = Math.max(1, availableParallelism() - 1);
    try {
      const file = join(dir, 'corpus.jsonl');
      const corpus = writeBenchCorpus(file, n);
      progress(`corpus: ${corpus.articles} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB; ingesting with ${workers} worker thread(s)`);
      const store = await openStore(join(dir, 'bench.db'));
      const pool = createWorkerPool(workers);
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
              if ((c.new + c.duplicates) % 1000 < 64) progress(`${c.new + c.duplicates} done`);
            },
          },
          { batchSize: 64 },
        );
      } finally {
        await pool.close();
        await store.close();
      }
      const raw = rawInsertRate(dir, n);
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
          timingsMs: summary.timings,
          note: 'analysis = time summed over worker threads (runs beside clustering and storage on the main thread)',
          targetSeconds: quick ? null : 120,
          withinTarget: quick ? null : summary.seconds < 120 && summary.failed === 0 && summary.read === n,
          reference: { rawBetterSqlite3InsertsPerSecond: Math.round(raw), storageOnlyRatio: Math.round((summary.read / (summary.timings.storage / 1000) / raw) * 1000) / 1000 },
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
