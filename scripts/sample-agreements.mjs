#!/usr/bin/env node
// Prints a seeded sample of the agreements `parallax compare --json` reports on a set of real stories, for
// reading by hand (is each pair, and every outlet a finding names, about one fact that both state?).
// Usage (after npm run build): node scripts/sample-agreements.mjs [STORIES.jsonl GOLD.json] [--n 40] [--seed 18]
//   [--kind agreement|conflict|partial] [--save FILE.json]
// Default set: ../shared/eval/comparison/realdev.*; BASIL: ../shared/eval/stories/basil.jsonl
// test/fixtures/basil-comparison/basil.gold.json. The same seed over the same findings draws the same sample;
// --save writes every finding of the kind (with its story) for other reading.
import { writeFileSync } from 'node:fs';
import { compareStoryAsCli, readStoryArticles } from '../dist/src/eval/real.js';
import { readRealGold } from '../dist/src/eval/real-score.js';
import { mulberry32 } from '../dist/src/cluster/random.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const n = Number(opt('n', '40'));
const seed = Number(opt('seed', '18'));
const kind = opt('kind', 'agreement');
const save = opt('save', null);
const [storiesFile = '../shared/eval/comparison/realdev.stories.jsonl', goldFile = '../shared/eval/comparison/realdev.gold.json'] = argv;

const articles = readStoryArticles(storiesFile);
const gold = readRealGold(goldFile);
const all = [];
for (const st of gold) {
  const findings = await compareStoryAsCli(st.articles, articles);
  for (const f of findings) if (f.kind === kind) all.push({ story: st.story, ...f });
}
if (save) writeFileSync(save, JSON.stringify(all, null, 1));
// Fisher-Yates with the seeded generator, then the first n.
const order = all.map((_, i) => i);
const rand = mulberry32(seed);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const sample = order.slice(0, n).sort((x, y) => x - y).map((i) => all[i]);
const outlet = (id) => articles.get(id)?.outlet ?? id;
sample.forEach((f, k) => {
  console.log(`\n#${k + 1} [${f.story}] ${f.type ? `${f.type} ` : ''}${f.verdict ? `(${f.verdict}) ` : ''}${f.summary}`);
  for (const e of f.evidence) console.log(`   ${e.role ?? ''} ${outlet(e.article)}: ${e.text.replace(/\s+/g, ' ')}`);
});
console.log(`\n${kind}s: ${all.length} in ${gold.length} stories; sample of ${sample.length} (seed ${seed})`);
