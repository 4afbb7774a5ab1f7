// Builds data/cluster/background-df.json: document frequencies of word stems in a background corpus of
// news (PolNeAR training articles, US political news 2015-16, and the CoNLL-2003 training documents,
// Reuters newswire 1996), both from ../shared/eval. The clusterer mixes these counts with the stream's
// own, so that IDF is sensible from the first article of a stream.
// Run after `npm run build`: node scripts/build-cluster-background.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLexicon } from '../dist/src/cluster/lexicon.js';
import { scanText } from '../dist/src/cluster/features.js';
import { evalPath, repoRoot } from '../dist/src/shared-paths.js';

const docs = [];
for (const line of readFileSync(evalPath('quotes', 'polnear.train.jsonl'), 'utf8').split('\n')) {
  if (line.trim()) docs.push(JSON.parse(line).text);
}
let current = [];
for (const line of readFileSync(evalPath('ner', 'conll2003.train.txt'), 'utf8').split('\n')) {
  if (line.startsWith('-DOCSTART-')) {
    if (current.length) docs.push(current.join(' '));
    current = [];
  } else if (line.trim()) current.push(line.split(' ')[0]);
}
if (current.length) docs.push(current.join(' '));

const lexicon = createLexicon();
const df = new Map();
for (const text of docs) {
  const counts = { terms: new Map(), names: new Map(), phrases: new Map(), hashes: [] };
  scanText(text, lexicon, counts, 1, false);
  for (const stem of counts.terms.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
}
// Stems seen in one document only carry no more than "unseen" does; dropping them keeps the file small.
const kept = [...df].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = {
  source: 'PolNeAR train (840 articles) + CoNLL-2003 English train (946 documents), ../shared/eval; stems by the cluster lexicon',
  docs: docs.length,
  df: Object.fromEntries(kept),
};
writeFileSync(join(repoRoot(), 'data', 'cluster', 'background-df.json'), JSON.stringify(out) + '\n');
console.log(`${docs.length} documents, ${kept.length} stems kept of ${df.size}`);
