// Trains models/quote-cues.json, the cue classifier of the quote stage (src/annotate/quotes/cue-model.ts), from
// PolNeAR's training split (../shared/eval/quotes/polnear.train.jsonl). Never reads the dev split.
// 1. The head of every annotated cue ("has since said" -> "said", "according to" -> "according") is a positive
//    token; the vocabulary is the set of stems (cue-model.ts stemOf) that headed a cue at least MIN_HEAD times.
// 2. Every other occurrence of a vocabulary word is a negative token.
// 3. A binary averaged perceptron (Collins 2002) over cueFeatures(), shuffled with a fixed seed.
// With --holdout, the fixed held-out slice (src/eval/heldout.ts) is kept out of training and cue precision/recall
// on it is printed; --out PATH writes elsewhere than models/quote-cues.json (a held-out model is not committed).
// Usage: npm run build && node scripts/train-quote-cues.mjs [--holdout] [--epochs N] [--out PATH] [TRAIN_FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const holdout = args.includes('--holdout');
const epochsAt = args.indexOf('--epochs');
const EPOCHS = epochsAt >= 0 ? Number(args[epochsAt + 1]) : 8;
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--epochs' && args[i - 1] !== '--out');
const train = positional[0] ?? join(root, '..', 'shared', 'eval', 'quotes', 'polnear.train.jsonl');
const out = args.indexOf('--out') >= 0 ? args[args.indexOf('--out') + 1] : join(root, 'models', 'quote-cues.json');
const MIN_HEAD = 2;
const SEED = 20261206;

const d = (p) => import(join(root, 'dist', 'src', ...p.split('/')));
const { makeArticle } = await d('model/document.js');
const { tokenize } = await d('annotate/tokens.js');
const { splitSentences } = await d('annotate/sentences.js');
const { tokenView } = await d('annotate/quantities/token-view.js');
const { findQuotedSpans } = await d('annotate/quotes/marks.js');
const { quotedTokenMask } = await d('annotate/quotes/index.js');
const { cueFeatures, stemOf } = await d('annotate/quotes/cue-model.js');
const { isHeldOut } = await d('eval/heldout.js');

// Words that are never the head of a cue (auxiliaries, adverbs, prepositions, determiners).
const SKIP = new Set(
  'has have had is are was were be been being will would could should may might can must did does do also then later previously again further recently once just still already not never n’t n\'t to that of about for on in out with at by as from over up back down off it a an the his her their its this which who and or but so long since even first twice'.split(' '),
);

const docs = readFileSync(train, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** Token index of the head word of a cue span, or -1. */
function headOf(view, cue) {
  let first = -1;
  for (let k = 0; k < view.tokens.length; k++) {
    const t = view.tokens[k];
    if (t.end <= cue.start) continue;
    if (t.start >= cue.end) break;
    if (t.kind !== 'word') continue;
    if (first < 0) first = k;
    const l = view.lower[k];
    // "didn’t ask", "doesn’t mention": the verb after the negation is the head.
    if (SKIP.has(l) || (l.endsWith('ly') && l !== 'reportedly') || l.endsWith('n’t') || l.endsWith("n't")) continue;
    return k;
  }
  return first;
}

// Prepare every document once: its view, its quoted-token mask and the gold head tokens.
const prepared = [];
const headCount = new Map();
for (const doc of docs) {
  const a = makeArticle({ id: doc.id, source: 'eval', format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, doc.text);
  a.layers.tokens = tokenize(doc.text);
  a.layers.sentences = splitSentences(doc.text, a.layers.tokens);
  const view = tokenView(a);
  const quoted = quotedTokenMask(view, findQuotedSpans(doc.text));
  const heads = new Set();
  for (const at of doc.attributions) {
    if (!at.cue) continue;
    const h = headOf(view, at.cue);
    if (h < 0) continue;
    heads.add(h);
    // The vocabulary comes from the training documents only.
    if (!(holdout && isHeldOut(doc.id))) headCount.set(stemOf(view.lower[h]), (headCount.get(stemOf(view.lower[h])) ?? 0) + 1);
  }
  prepared.push({ id: doc.id, view, quoted, heads });
}
const vocab = new Set([...headCount].filter(([, c]) => c >= MIN_HEAD).map(([w]) => w));

function examplesOf(p) {
  const ex = [];
  const { view, quoted, heads } = p;
  for (let s = 0; s < view.sentences.length; s++) {
    const f = view.sentStart[s];
    const e = view.sentEnd[s];
    for (let k = f; k < e; k++) {
      if (view.tokens[k].kind !== 'word' || !vocab.has(stemOf(view.lower[k]))) continue;
      ex.push({ feats: cueFeatures(view, k, f, e, quoted), y: heads.has(k) ? 1 : -1 });
    }
  }
  return ex;
}

const trainEx = [];
const testEx = [];
prepared.forEach((p) => (holdout && isHeldOut(p.id) ? testEx : trainEx).push(...examplesOf(p)));
// Features seen fewer than MIN_FEATURE times carry no weight (a smaller file, and less overfitting).
const MIN_FEATURE = 3;
const seen = new Map();
for (const { feats } of trainEx) for (const f of feats) seen.set(f, (seen.get(f) ?? 0) + 1);
for (const x of trainEx) x.feats = x.feats.filter((f) => seen.get(f) >= MIN_FEATURE);

// Seeded PRNG (mulberry32) for the shuffles.
let state = SEED;
function rand() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// Averaged perceptron with the usual lazy-update trick: w = current, u = sum of c * update.
const w = new Map();
const u = new Map();
let c = 1;
const order = trainEx.map((_, i) => i);
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let errors = 0;
  for (const i of order) {
    const { feats, y } = trainEx[i];
    let s = 0;
    for (const f of feats) s += w.get(f) ?? 0;
    if (y * s <= 0) {
      errors++;
      for (const f of feats) {
        w.set(f, (w.get(f) ?? 0) + y);
        u.set(f, (u.get(f) ?? 0) + y * c);
      }
    }
    c++;
  }
  console.error(`epoch ${epoch + 1}: ${errors} training errors of ${order.length}`);
}
const avg = new Map();
for (const [f, v] of w) {
  const a = v - (u.get(f) ?? 0) / c;
  if (Math.abs(a) >= 0.02) avg.set(f, Math.round(a * 1000) / 1000);
}
const bias = avg.get('b') ?? 0;
avg.delete('b');

if (holdout) {
  for (const th of [-0.5, -0.25, 0, 0.25, 0.5]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { feats, y } of testEx) {
      let s = bias;
      for (const f of feats) if (f !== 'b') s += avg.get(f) ?? 0;
      if (s > th && y > 0) tp++;
      else if (s > th) fp++;
      else if (y > 0) fn++;
    }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    console.log(`held-out cue heads, threshold ${th}: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r)).toFixed(3)}`);
  }
}

const file = {
  about: `Cue classifier of the quote stage: averaged perceptron, ${EPOCHS} epochs, seed ${SEED}, trained by scripts/train-quote-cues.mjs on ${holdout ? 'PolNeAR train without the held-out slice' : 'PolNeAR train'} (networkdynamics/PolNeAR @ c3eee83, ${docs.length} documents)`,
  vocab: [...vocab].sort(),
  stems: true,
  bias,
  threshold: 0,
  weights: Object.fromEntries([...avg].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
};
// One weight a line (diffs stay readable); keys are escaped by JSON.stringify.
const { weights, ...head } = file;
const lines = Object.entries(weights).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
writeFileSync(out, `${JSON.stringify(head).slice(0, -1)},"weights":{\n${lines.join(',\n')}\n}}\n`);
console.log(`${vocab.size} vocabulary words, ${avg.size} weights, ${trainEx.length} training tokens -> ${out}`);
