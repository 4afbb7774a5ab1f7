// Derives data/lexicons/quote-cues.json from PolNeAR's training split (../shared/eval/quotes/polnear.train.jsonl).
// 1. For every word that heads an annotated cue ("said", "according", "told", "pointed out" -> "pointed"): how
//    often it is a cue (`cue`), how often it occurs at all (`total`), and the ratio (`rate`).
// 2. With the quote extractor itself (compiled: run `npm run build` first) taking every such word as a cue: how
//    many of the attributions it finds through that word PolNeAR also has (`tp`, content overlap/union >= 0.3)
//    and how many it does not (`fp`). The quote stage keeps the words whose precision is high enough.
// Never reads the dev split. Usage: npm run build && node scripts/derive-quote-cues.mjs [TRAIN_FILE] [OUT_FILE]
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

const docs = readFileSync(train, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const cue = new Map();
const total = new Map();
for (const d of docs) {
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
const learned = {};
for (const [w, c] of cue) if (c >= 2 && !SKIP.has(w)) learned[w] = { cue: c, total: total.get(w) ?? c, rate: Math.round((c / (total.get(w) ?? c)) * 1000) / 1000 };

// Step 2: the extractor with every word as a cue.
const { buildQuoteLexicon } = await import(join(root, 'dist', 'src', 'annotate', 'quotes', 'lexicon.js'));
const { predictAttributions } = await import(join(root, 'dist', 'src', 'eval', 'quotes.js'));
const { charSet, intersection, size } = await import(join(root, 'dist', 'src', 'eval', 'quotes-score.js'));
const hand = JSON.parse(readFileSync(join(root, 'data', 'lexicons', 'quotes.json'), 'utf8'));
const lex = buildQuoteLexicon(hand, learned, { all: true });
const stats = new Map();
for (const d of docs) {
  const gold = d.attributions.map((a) => charSet(a.content));
  for (const p of predictAttributions(d.text, lex)) {
    if (!p.cue) continue;
    const words = [...p.cue.text.matchAll(WORD)].map((m) => m[0].toLowerCase());
    const head = words.find((w) => !SKIP.has(w)) ?? words[0];
    if (!head) continue;
    const ps = charSet(p.content);
    const hit = gold.some((g) => {
      const ov = intersection(g, ps);
      return ov > 0 && ov / (size(g) + size(ps) - ov) >= 0.3;
    });
    const s = stats.get(head) ?? { tp: 0, fp: 0 };
    if (hit) s.tp++;
    else s.fp++;
    stats.set(head, s);
  }
}
for (const [w, s] of stats) if (learned[w]) Object.assign(learned[w], s);
const entries = Object.entries(learned).sort((a, b) => b[1].cue - a[1].cue);
writeFileSync(
  out,
  JSON.stringify({ source: 'PolNeAR train split (networkdynamics/PolNeAR @ c3eee83), derived by scripts/derive-quote-cues.mjs', documents: docs.length, cues: Object.fromEntries(entries) }).replace(/\},"/g, '},\n"') + '\n',
);
console.log(`${entries.length} cue words from ${docs.length} documents -> ${out}`);
