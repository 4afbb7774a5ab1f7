// The server under test for `parallax bench --only server`, run as a child process so that the load
// tool does not share its event loop. It stores the bench corpus, warms the comparisons of the stories
// to be requested, listens on 127.0.0.1, prints one JSON line, answers 'memory' messages, and stops on
// SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../../analyze.js';
import { compareArticles } from '../../compare/index.js';
import { repoRoot } from '../../shared-paths.js';
import { createApp } from '../../server/app.js';
import { loadExampleStories } from '../../server/examples.js';
import { listen } from '../../server/listen.js';
import { openServerStore } from '../../server/open-store.js';
import { storyTitleFor } from '../../server/put-article.js';
import type { Article } from '../../model/document.js';
import { articleOfRow, benchCorpus, readStoryRows } from './corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string' }, warm: { type: 'string' }, memory: { type: 'boolean' } } });
const count = Number(values.articles ?? 10000);
const warm = Number(values.warm ?? 200);

const t0 = performance.now();
const analyzer = createAnalyzer();
const rows = readStoryRows().slice(0, count);
const analysed = rows.map((row) => ({ row, article: analyzer.analyze(articleOfRow(row)) }));
const analyseSeconds = (performance.now() - t0) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
const { store, label } = await openServerStore(values.memory ? ':memory:' : join(dir, 'bench.db'));
const t1 = performance.now();
const members = new Map<string, number>();
let stored = 0;
let batch: { article: Article; story: string; storyTitle: string }[] = [];
const flush = async () => {
  if (store.putArticles) await store.putArticles(batch);
  else for (const b of batch) await store.putArticle(b.article, b.story);
  batch = [];
};
for (const item of benchCorpus(analysed, count)) {
  batch.push({ ...item, storyTitle: storyTitleFor(item.article) });
  if (batch.length >= 250) await flush();
  members.set(item.story, (members.get(item.story) ?? 0) + 1);
  stored++;
}
await flush();
await loadExampleStories(store, (a) => analyzer.analyze(a), join(repoRoot(), 'examples'));
const storeSeconds = (performance.now() - t1) / 1000;

const app = createApp({ store, analyze: (a) => analyzer.analyze(a), compare: (a) => compareArticles(a), webRoot: join(repoRoot(), 'dist', 'web'), log: (m) => process.stderr.write(m + '\n') });
// Comparisons are computed once per story and cached in the store; the pages measured are warm.
const stories = [...members.entries()].filter(([, n]) => n >= 2).map(([id]) => id);
const step = Math.max(1, Math.floor(stories.length / warm));
const chosen = stories.filter((_, i) => i % step === 0).slice(0, warm);
const cold: number[] = [];
for (const id of chosen) {
  const s = performance.now();
  const res = await app.request(`/api/stories/${encodeURIComponent(id)}/comparison`);
  if (res.status !== 200) throw new Error(`warm-up of ${id}: ${res.status}`);
  await res.arrayBuffer();
  cold.push(performance.now() - s);
}
cold.sort((a, b) => a - b);
const outlets = (await store.listStories({ limit: 1 }))[0]?.outlets[0] ?? null;

const server = await listen(app, { port: 0, host: '127.0.0.1' });
process.stdout.write(
  JSON.stringify({
    url: server.url,
    backend: label,
    articles: stored,
    stories: members.size,
    analysedOnce: analysed.length,
    analyseSeconds,
    storeSeconds,
    warmStories: chosen,
    coldComparisonMs: { median: cold[Math.floor(cold.length / 2)] ?? null, p90: cold[Math.floor(cold.length * 0.9)] ?? null },
    anOutlet: outlets,
  }) + '\n',
);
// Memory on request (the load bench asks after warm-up and at the end, over the IPC channel when it
// opened one): after a full collection when the process runs with --expose-gc, so that the heap figure
// is what is live, not garbage not yet collected.
process.on('message', (m) => {
  if (m !== 'memory' || !process.send) return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const u = process.memoryUsage();
  process.send({ rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, arrayBuffers: u.arrayBuffers, afterGc: Boolean(gc) });
});
process.on('SIGTERM', () => {
  void server.close().then(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
