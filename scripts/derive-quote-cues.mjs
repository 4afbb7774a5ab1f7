// Derives data/lexicons/quote-cues.json from PolNeAR's training split (../shared/eval/quotes/polnear.train.jsonl):
// for every word that heads an annotated cue ("said", "according", "told", "pointed out" -> "pointed"), how
// often it is a cue and how often it occurs at all. The quote stage keeps words whose cue rate is high enough.
// Usage: node scripts/derive-quote-cues.mjs [TRAIN_FILE] [OUT_FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const train = process.argv[2] ?? join(root, '..', 'shared', 'eval', 'quotes', 'polnear.train.jsonl');
const out = process.argv[3] ?? join(root, 'data', 'lexicons', 'quote-cues.json');

// Words that are never the head of a cue (auxiliaries, adverbs, prepositions, determiners).
const SKIP = new Set(
  'has have had is are was were be been being will would also then later previously again further recently once just still already not never to that of about for on in out with at by as from over up back down off it a an the his her their its this which who had also and or but so'.split(' '),
);
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

const cue = new Map();
const total = new Map();
let docs = 0;
for (const line of readFileSync(train, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const d = JSON.parse(line);
  docs++;
  for (const m of d.text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    total.set(w, (total.get(w) ?? 0) + 1);
  }
  for (const a of d.attributions) {
    if (!a.cue) continue;
    const words = [...a.cue.text.matchAll(WORD)].map((m) => m[0].toLowerCase());
    const head = words.find((w) => !SKIP.has(w)) ?? null;
    if (head) cue.set(head, (cue.get(head) ?? 0) + 1);
  }
}
const entries = [...cue.entries()]
  .filter(([w, c]) => c >= 3 && !SKIP.has(w))
  .map(([w, c]) => [w, { cue: c, total: total.get(w) ?? c, rate: Math.round((c / (total.get(w) ?? c)) * 1000) / 1000 }])
  .sort((a, b) => b[1].cue - a[1].cue);
writeFileSync(
  out,
  JSON.stringify({ source: 'PolNeAR train split (networkdynamics/PolNeAR @ c3eee83), derived by scripts/derive-quote-cues.mjs', documents: docs, cues: Object.fromEntries(entries) }, null, 0).replace(/\},"/g, '},\n"') + '\n',
);
console.log(`${entries.length} cue words from ${docs} documents -> ${out}`);
