// Error analysis for story clustering (run after `npm run build`):
//   node scripts/stories-error-analysis.mjs [basil|allsides]
// Prints (1) how separable the stories are by text alone: for each article, is its most similar other
// article (TF-IDF cosine, the clusterer's own vectors) in the same gold story, and (2) what the
// clusterer does wrong: predicted story sizes, gold stories split into how many predicted ones, and the
// largest impure predicted stories with their gold labels and titles.
import { evalPath } from '../dist/src/shared-paths.js';
import { readFile } from '../dist/src/ingest/read-inputs.js';
import { readGold, clusterArticles } from '../dist/src/eval/stories.js';
import { createLexicon } from '../dist/src/cluster/lexicon.js';
import { createTermStats, loadBackground } from '../dist/src/cluster/term-stats.js';
import { createFeatureContext, extractFeatures, DEFAULT_FEATURE_OPTIONS } from '../dist/src/cluster/features.js';
import { dot } from '../dist/src/cluster/sparse.js';

const name = process.argv[2] ?? 'allsides';
const file = evalPath('stories', `${name}.jsonl`);
const gold = readGold(file);
const articles = readFile(file, { maxBytes: 512 * 1024 * 1024 });
const storyOf = articles.map((a) => gold.get(a.id));

// (1) Nearest neighbour by text, with IDF over the whole file (features extracted twice: the second pass sees all counts).
const ctx = createFeatureContext(createLexicon(), createTermStats(loadBackground(), true));
for (const a of articles) extractFeatures(a, ctx, DEFAULT_FEATURE_OPTIONS);
const features = articles.map((a) => extractFeatures(a, ctx, DEFAULT_FEATURE_OPTIONS));
let nearestSame = 0;
for (let i = 0; i < articles.length; i++) {
  let best = -1;
  let bestScore = -1;
  for (let j = 0; j < articles.length; j++) {
    if (j === i) continue;
    const s = dot(features[i].terms, features[j].terms);
    if (s > bestScore) [best, bestScore] = [j, s];
  }
  if (storyOf[best] === storyOf[i]) nearestSame++;
}
console.log(`${name}: ${articles.length} articles; nearest neighbour by text in the same story: ${(nearestSame / articles.length).toFixed(3)}`);

// (2) The clusterer's errors.
const predicted = clusterArticles(articles);
const byPredicted = new Map();
articles.forEach((a, i) => {
  const p = predicted.get(a.id);
  if (!byPredicted.has(p)) byPredicted.set(p, []);
  byPredicted.get(p).push(i);
});
const sizes = {};
for (const list of byPredicted.values()) sizes[list.length] = (sizes[list.length] ?? 0) + 1;
console.log('predicted story sizes:', JSON.stringify(sizes));
const byGold = new Map();
articles.forEach((a, i) => {
  if (!byGold.has(storyOf[i])) byGold.set(storyOf[i], []);
  byGold.get(storyOf[i]).push(i);
});
const splits = {};
for (const list of byGold.values()) {
  const key = `${list.length} -> ${new Set(list.map((i) => predicted.get(articles[i].id))).size}`;
  splits[key] = (splits[key] ?? 0) + 1;
}
console.log('gold story size -> predicted stories:', JSON.stringify(splits));
const impure = [...byPredicted.values()].filter((l) => new Set(l.map((i) => storyOf[i])).size > 1).sort((a, b) => b.length - a.length);
console.log(`impure predicted stories: ${impure.length}; the largest:`);
for (const list of impure.slice(0, 3)) {
  console.log(`  ${list.length} articles`);
  for (const i of list.slice(0, 12)) console.log(`    ${storyOf[i]} | ${articles[i].outlet ?? ''} | ${articles[i].title ?? articles[i].text.slice(0, 80)}`);
}
