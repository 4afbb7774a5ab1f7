// `parallax eval stories FILE`: cluster the items in file order as a stream (the system sees everything
// but `story`), score B-cubed and pairwise against the gold stories, run the plain TF-IDF baseline in the
// same process, and measure how much arrival order moves F1 (seeded shuffles).
import { readFileSync } from 'node:fs';
import type { EvalTask } from '../eval/task.js';
import { readFile } from '../ingest/read-inputs.js';
import type { Article } from '../model/document.js';
import { round } from '../eval/prf.js';
import { createStoryClusterer, type ClusterOptions } from './clusterer.js';
import { tfidfBaseline, BASELINE_THRESHOLD } from './baseline.js';
import { scoreClusters, type ClusterScore } from './score.js';
import { createLexicon } from './lexicon.js';
import { loadBackground } from './term-stats.js';
import { seededShuffle } from './random.js';

export const ORDER_SEEDS = [1, 2, 3, 4, 5];

function rounded(s: ClusterScore): Record<string, number> {
  return {
    f1: round(s.f1),
    precision: round(s.precision),
    recall: round(s.recall),
    pairwiseF1: round(s.pairwiseF1),
    clusters: s.clusters,
    goldClusters: s.goldClusters,
  };
}

export function readGold(file: string): Map<string, string> {
  const gold = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; story: string };
    gold.set(o.id, o.story);
  }
  return gold;
}

export function clusterArticles(articles: Article[], options: Partial<ClusterOptions> = {}, deps = { lexicon: createLexicon(), background: loadBackground() }): Map<string, string> {
  const clusterer = createStoryClusterer(options, deps);
  for (const a of articles) clusterer.add(a);
  return new Map(articles.map((a) => [a.id, clusterer.storyOf(a.id)!]));
}

export const storiesTask: EvalTask = {
  name: 'stories',
  description: 'Story clustering: B-cubed and pairwise F1 against gold stories, with a plain TF-IDF baseline.',
  defaultFile: 'stories/basil.jsonl',
  async run(file, options) {
    const gold = readGold(file);
    let articles = readFile(file, { maxBytes: 512 * 1024 * 1024 });
    if (options.limit) articles = articles.slice(0, options.limit);
    const goldOf = articles.map((a) => gold.get(a.id)!);
    const deps = { lexicon: createLexicon(), background: loadBackground() };
    const started = performance.now();
    const predicted = clusterArticles(articles, {}, deps);
    const ms = performance.now() - started;
    const main = scoreClusters(goldOf, articles.map((a) => predicted.get(a.id)!));
    const baseline = scoreClusters(goldOf, tfidfBaseline(articles));
    const orderF1 = ORDER_SEEDS.map((seed) => {
      const shuffled = seededShuffle(articles, seed);
      const p = clusterArticles(shuffled, {}, deps);
      return scoreClusters(goldOf, articles.map((a) => p.get(a.id)!)).f1;
    });
    const maxDelta = Math.max(...orderF1.map((f) => Math.abs(f - main.f1)));
    return {
      summary: {
        items: articles.length,
        ...rounded(main),
        baselines: { tfidf: { ...rounded(baseline), threshold: BASELINE_THRESHOLD } },
        order: {
          seeds: ORDER_SEEDS,
          f1: orderF1.map((f) => round(f)),
          maxDelta: round(maxDelta),
          meanDelta: round(orderF1.reduce((sum, f) => sum + Math.abs(f - main.f1), 0) / orderF1.length),
        },
        articlesPerSecond: Math.round(articles.length / (ms / 1000)),
        ...(options.limit ? { limit: options.limit } : {}),
      },
      predictions: articles.map((a) => ({ id: a.id, story: predicted.get(a.id)! })),
    };
  },
};
