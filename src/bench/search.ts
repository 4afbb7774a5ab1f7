// `parallax bench --only search`: builds a database of 100,000 articles (10,000 with --quick) from the
// benchmark corpus (stored as read, no analysis), then times 200 deterministic queries (words from
// titles, some with outlet or date filters) through Store.search. Reference in the same run: the same
// words found by a full scan (instr over every article), which is what search costs without an index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BenchSection } from './section.js';
import { makeArticle } from '../model/document.js';
import { benchCorpus } from './ingest-corpus.js';
import { openStore } from '../store/open-store.js';
import type { StoryFilter } from '../store/types.js';

const STOP = new Set('about after again against their there these those which while would could should being where with from that this have said were will what when into than them then they been more most over also just only some such very your'.split(' '));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export const searchBench: BenchSection = {
  name: 'search',
  description: 'full-text search latency (p50/p95) on 100,000 stored articles',
  async run({ quick, progress }) {
    const n = quick ? 10_000 : 100_000;
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-search-'));
    try {
      const rows = benchCorpus(n);
      const path = join(dir, 'search.db');
      const store = await openStore(path);
      const t0 = performance.now();
      for (let i = 0; i < rows.length; i += 500) {
        const items = rows.slice(i, i + 500).map((r) => ({
          article: makeArticle({ id: r.id, source: `bench:${i}`, format: 'jsonl', outlet: r.outlet, title: r.title, published: r.published, url: null, language: 'en' }, r.text),
          story: null,
        }));
        await store.putArticles(items);
        if (i % 10_000 === 0) progress(`stored ${i}`);
      }
      const buildSeconds = (performance.now() - t0) / 1000;
      // Queries: one or two words of a title, every 500th article; a fifth filtered by outlet, a tenth by dates.
      const queries: { q: string; filter: StoryFilter }[] = [];
      for (let i = 0; queries.length < 200 && i < rows.length; i += Math.floor(rows.length / 200)) {
        const r = rows[i]!;
        const words = (r.title ?? r.text.slice(0, 200)).toLowerCase().match(/\p{L}{5,}/gu)?.filter((w) => !STOP.has(w)) ?? [];
        if (words.length === 0) continue;
        const q = queries.length % 2 === 0 ? words[0]! : words.slice(0, 2).join(' ');
        const filter: StoryFilter = { limit: 20 };
        if (queries.length % 5 === 0 && r.outlet) filter.outlet = r.outlet;
        if (queries.length % 10 === 3) {
          filter.from = '2015-01-01';
          filter.to = '2019-12-31';
        }
        queries.push({ q, filter });
      }
      for (const { q, filter } of queries.slice(0, 10)) await store.search(q, filter); // warm the page cache
      const times: number[] = [];
      let hits = 0;
      for (const { q, filter } of queries) {
        const t = performance.now();
        hits += (await store.search(q, filter)).length;
        times.push(performance.now() - t);
      }
      await store.close();
      // Reference: full scan for the single-word queries (10 of them).
      const raw = new BetterSqlite3(path, { readonly: true });
      const scan = raw.prepare("SELECT id FROM articles WHERE is_current = 1 AND instr(lower(text), ?) > 0 ORDER BY coalesce(published, '') DESC LIMIT 20");
      const scanTimes: number[] = [];
      for (const { q } of queries.filter((x) => !x.q.includes(' ')).slice(0, 10)) {
        const t = performance.now();
        scan.all(q);
        scanTimes.push(performance.now() - t);
      }
      raw.close();
      const round = (x: number) => Math.round(x * 100) / 100;
      const p95 = quantile(times, 0.95);
      return {
        search: {
          articles: n,
          buildSeconds: round(buildSeconds),
          queries: queries.length,
          meanHits: round(hits / queries.length),
          p50Ms: round(quantile(times, 0.5)),
          p95Ms: round(p95),
          maxMs: round(Math.max(...times)),
          targetP95Ms: 50,
          withinTarget: p95 < 50,
          reference: { fullScanMedianMs: round(quantile(scanTimes, 0.5)), speedupVsFullScan: round(quantile(scanTimes, 0.5) / quantile(times, 0.5)) },
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
