// `parallax bench --only clustering`: cluster synthetic streams of 10k, 30k and 100k articles built
// from the development stories (see synthetic-corpus.ts), timing only the clusterer (tokenising
// included, corpus generation excluded), with peak memory, the fitted growth exponent (slope of
// log time on log size), B-cubed F1 against the synthetic stories, and the plain TF-IDF baseline
// (which scans every story) timed on the smallest stream for a ratio.
import { existsSync } from 'node:fs';
import { growthExponent } from './growth.js';
import type { BenchSection } from './section.js';
import { round } from '../eval/prf.js';
import { ParallaxError } from '../model/errors.js';
import { evalPath } from '../shared-paths.js';
import type { Article } from '../model/document.js';
import { createStoryClusterer } from '../cluster/clusterer.js';
import { createLexicon } from '../cluster/lexicon.js';
import { loadBackground } from '../cluster/term-stats.js';
import { loadSourceStories, syntheticStream, syntheticStory } from './synthetic-corpus.js';
import { scoreClusters } from '../eval/stories-score.js';
import { tfidfBaseline } from '../eval/stories-baseline.js';

export interface SizeResult {
  articles: number;
  /** Wall-clock seconds spent in the clusterer. */
  seconds: number;
  /** CPU seconds of this process over the same calls (the machine is shared: wall time includes waiting). */
  cpuSeconds: number;
  articlesPerSecond: number;
  peakRssMB: number;
  heapUsedMB: number;
  stories: number;
  f1: number;
}

const MB = 1024 * 1024;

function runSize(sources: ReturnType<typeof loadSourceStories>, size: number, deps: { lexicon: ReturnType<typeof createLexicon>; background: ReturnType<typeof loadBackground> }, progress: (m: string) => void): SizeResult {
  const clusterer = createStoryClusterer({}, deps);
  const gold: string[] = [];
  const ids: string[] = [];
  let ns = 0n;
  let cpu = 0;
  let peak = process.memoryUsage().rss;
  // Articles are made in batches outside the timed part; one clock reading per batch keeps the
  // measurement itself out of the figures.
  const batch: Article[] = [];
  const flush = () => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const article of batch) clusterer.add(article);
    ns += process.hrtime.bigint() - t0;
    const c1 = process.cpuUsage(c0);
    cpu += c1.user + c1.system;
    for (const article of batch) {
      gold.push(syntheticStory(article.id));
      ids.push(article.id);
    }
    batch.length = 0;
    peak = Math.max(peak, process.memoryUsage().rss);
    // CPU and memory too: a 1M run on a shared machine may not finish, and its growth is the figure.
    if (ids.length % 25_000 === 0) progress(`${size}: ${ids.length} articles, ${(Number(ns) / 1e9).toFixed(1)} s (CPU ${(cpu / 1e6).toFixed(1)} s), peak RSS ${Math.round(peak / MB)} MB`);
  };
  for (const article of syntheticStream(sources, size)) {
    batch.push(article);
    if (batch.length === 1000) flush();
  }
  flush();
  // The merges that wait for the settled view are part of clustering: timed as well.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  clusterer.settle();
  ns += process.hrtime.bigint() - t0;
  const c1 = process.cpuUsage(c0);
  cpu += c1.user + c1.system;
  const mem = process.memoryUsage();
  peak = Math.max(peak, mem.rss);
  const seconds = Number(ns) / 1e9;
  const predicted = ids.map((id) => clusterer.storyOf(id)!);
  return {
    articles: size,
    seconds: round(seconds, 2),
    cpuSeconds: round(cpu / 1e6, 2),
    articlesPerSecond: Math.round(size / seconds),
    peakRssMB: Math.round(peak / MB),
    heapUsedMB: Math.round(mem.heapUsed / MB),
    stories: clusterer.stats().stories,
    f1: round(scoreClusters(gold, predicted).f1),
  };
}

export const clusteringBench: BenchSection = {
  name: 'clustering',
  description: 'Story clustering on synthetic streams of 10k/30k/100k articles (or --articles N alone): time, memory, growth exponent.',
  async run({ quick, progress, articles: only }) {
    const files = [evalPath('stories', 'basil.jsonl'), evalPath('stories', 'allsides.jsonl')];
    for (const f of files) if (!existsSync(f)) throw new ParallaxError('E_READ', 'the clustering bench builds its corpus from this file, which is absent', f);
    const sources = loadSourceStories(files);
    // --articles N: one stream of that size alone (the 1M run), without the baseline.
    const sizes = only ? [only] : quick ? [1_000, 3_000, 10_000] : [10_000, 30_000, 100_000];
    const deps = { lexicon: createLexicon(), background: loadBackground() };
    // Warm up (JIT, lexicon cache) on a small stream so the first size is not penalised.
    runSize(sources, 500, deps, () => {});
    const results: SizeResult[] = [];
    for (const size of sizes) {
      progress(`clustering ${size} articles`);
      results.push(runSize(sources, size, deps, progress));
    }
    if (only) return { clustering: { corpus: 'synthetic stories from stories/basil.jsonl + stories/allsides.jsonl (seed 7)', sizes: results } };
    // The plain baseline compares each article with every story: timed on a small stream only.
    const baseSize = 2_000;
    const articles: Article[] = [...syntheticStream(sources, baseSize)];
    const t0 = performance.now();
    tfidfBaseline(articles);
    const baselineSeconds = (performance.now() - t0) / 1000;
    const ours = runSize(sources, baseSize, deps, () => {});
    const largest = results[results.length - 1]!;
    return {
      clustering: {
        corpus: 'synthetic stories from stories/basil.jsonl + stories/allsides.jsonl (seed 7): 2-6 articles each, paragraphs resampled, dates shifted',
        sizes: results,
        growthExponent: round(growthExponent(results), 3),
        growthExponentCpu: round(growthExponent(results.map((r) => ({ articles: r.articles, seconds: r.cpuSeconds }))), 3),
        largest: { articles: largest.articles, seconds: largest.seconds, cpuSeconds: largest.cpuSeconds, peakRssMB: largest.peakRssMB, under60s: largest.seconds < 60, under2GB: largest.peakRssMB < 2048 },
        baselineTfidf: { articles: baseSize, seconds: round(baselineSeconds, 2), oursSeconds: ours.seconds, speedup: round(baselineSeconds / ours.seconds, 1) },
      },
    };
  },
};
