// `parallax eval stories FILE`: cluster the items in file order as a stream (the system sees everything
// but `story`), score B-cubed and pairwise against the gold stories, run the plain TF-IDF baseline in the
// same process, and measure how much arrival order moves F1 (seeded shuffles).
import type { EvalTask } from './task.js';
import { readFile } from '../ingest/read-inputs.js';
import type { Article } from '../model/document.js';
import { round } from './prf.js';
import { createStoryClusterer, type ClusterOptions, type ClustererDeps } from '../cluster/clusterer.js';
import { tfidfBaseline, BASELINE_THRESHOLD } from './stories-baseline.js';
import { scoreClusters, type ClusterScore } from './stories-score.js';
import { createLexicon } from '../cluster/lexicon.js';
import { loadBackground } from '../cluster/term-stats.js';
import { seededShuffle } from '../cluster/random.js';
import { loadSameEventModel, logitOf } from '../cluster/same-event.js';
import { readJsonRecords } from '../ingest/json-lines.js';

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
  return new Map(readJsonRecords<{ id: string; story: string }>(file).map((o) => [o.id, o.story]));
}

export function clusterArticles(articles: Article[], options: Partial<ClusterOptions> = {}, deps: ClustererDeps = { lexicon: createLexicon(), background: loadBackground() }): Map<string, string> {
  const clusterer = createStoryClusterer(options, deps);
  for (const a of articles) clusterer.add(a);
  return new Map(articles.map((a) => [a.id, clusterer.storyOf(a.id)!]));
}

export interface WrongPair {
  a: string;
  b: string;
  /** The same-event model's probability for the pair. */
  probability: number;
  gold: [string, string];
  titles: [string, string];
  /** Whether the clusterer put them in one story after all (the settled view can overrule a pair). */
  together: boolean;
}

const headline = (a: Article): string => (a.title ?? a.text.split('\n')[0] ?? '').slice(0, 90);

/** The pairs the scorer gets most wrong: other events it finds likeliest, same events it finds unlikeliest. */
function mostWrong(pairs: Array<{ i: number; j: number; p: number }>, articles: Article[], gold: string[], predicted: Map<string, string>, n: number): { falseSame: WrongPair[]; missed: WrongPair[] } {
  const show = ({ i, j, p }: { i: number; j: number; p: number }): WrongPair => ({
    a: articles[i]!.id,
    b: articles[j]!.id,
    probability: round(p),
    gold: [gold[i]!, gold[j]!],
    titles: [headline(articles[i]!), headline(articles[j]!)],
    together: predicted.get(articles[i]!.id) === predicted.get(articles[j]!.id),
  });
  const falseSame = pairs.filter((x) => gold[x.i] !== gold[x.j]).sort((x, y) => y.p - x.p);
  const missed = pairs.filter((x) => gold[x.i] === gold[x.j]).sort((x, y) => x.p - y.p);
  return { falseSame: falseSame.slice(0, n).map(show), missed: missed.slice(0, n).map(show) };
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
    // The pairs the clusterer scored, with the model's probability (for the most-wrong list).
    const model = loadSameEventModel();
    const pairs: Array<{ i: number; j: number; p: number }> = [];
    const onPair = model ? (i: number, j: number, x: Float64Array) => pairs.push({ i, j, p: 1 / (1 + Math.exp(-logitOf(model, x))) }) : undefined;
    const started = performance.now();
    const predicted = clusterArticles(articles, {}, { ...deps, ...(onPair ? { onPair } : {}) });
    const ms = performance.now() - started;
    const main = scoreClusters(goldOf, articles.map((a) => predicted.get(a.id)!));
    const baseline = scoreClusters(goldOf, tfidfBaseline(articles));
    const orderF1 = ORDER_SEEDS.map((seed) => {
      const shuffled = seededShuffle(articles, seed);
      const p = clusterArticles(shuffled, {}, deps);
      return scoreClusters(goldOf, articles.map((a) => p.get(a.id)!)).f1;
    });
    const maxDelta = Math.max(...orderF1.map((f) => Math.abs(f - main.f1)));
    // The server asks for an article's story as soon as it is added: the stories at the end of such a stream.
    const asked = createStoryClusterer({}, deps);
    for (const a of articles) {
      asked.add(a);
      asked.storyOf(a.id);
    }
    const askedEach = scoreClusters(goldOf, articles.map((a) => asked.storyOf(a.id)!));
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
        askedAfterEachArticle: { f1: round(askedEach.f1), precision: round(askedEach.precision), recall: round(askedEach.recall) },
        articlesPerSecond: Math.round(articles.length / (ms / 1000)),
        ...(options.limit ? { limit: options.limit } : {}),
        mostWrong: mostWrong(pairs, articles, goldOf, predicted, 5),
      },
      predictions: articles.map((a) => ({ id: a.id, story: predicted.get(a.id)! })),
    };
  },
};
