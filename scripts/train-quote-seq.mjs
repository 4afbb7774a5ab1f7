// Trains models/quote-seq.bin.gz, the attribution sequence labeller of the quote stage
// (src/annotate/quotes/seq-model.ts), from PolNeAR's training split (../shared/eval/quotes/polnear.train.jsonl).
// Never reads the dev split.
// 1. Every training document is tokenized and split as the stage does; the rules (findAnchors) run on each
//    sentence. The labeller is the cascade's second step, so it is trained on the sentences it will see: no
//    attribution by the rules, and a cue candidate (a cue-vocabulary word scoring above GATE).
// 2. Gold labels per token: content, then source, then cue (a cue inside another attribution's content is a
//    cue), as B/I runs.
// 3. A structured averaged perceptron (Collins 2002) with Viterbi under BIO constraints, shuffled with a fixed
//    seed; features seen fewer than 2 times are left out, averaged weights below 0.01 dropped.
// With --holdout, the fixed held-out slice (src/eval/heldout.ts) is kept out of training (use --cue PATH for the
// cue model trained without it); --out PATH writes elsewhere than models/quote-seq.bin.gz.
// Usage: npm run build && node scripts/train-quote-seq.mjs [--holdout] [--cue PATH] [--epochs N] [--out PATH]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : dflt);
const holdout = args.includes('--holdout');
const EPOCHS = Number(opt('--epochs', '6'));
const GATE = Number(opt('--gate', '-4'));
// The stage's gate (speed): held-out F1 +0.0064 at -4, +0.0045 at -2, +0.0025 at -1 over the rules alone, at
// about 3x, 2.2x and 1.25x the quote stage's time.
const RUN_GATE = Number(opt('--run-gate', '-2'));
const RULES_FIRST = args.includes('--only-unmatched');
const out = opt('--out', join(root, 'models', 'quote-seq.bin.gz'));
const train = join(root, '..', 'shared', 'eval', 'quotes', 'polnear.train.jsonl');
const SEED = 20261207;

const d = (p) => import(join(root, 'dist', 'src', ...p.split('/')));
const { makeArticle } = await d('model/document.js');
const { tokenize } = await d('annotate/tokens.js');
const { splitSentences } = await d('annotate/sentences.js');
const { tokenView } = await d('annotate/quantities/token-view.js');
const { findQuotedSpans } = await d('annotate/quotes/marks.js');
const { quotedTokenMask } = await d('annotate/quotes/index.js');
const { findAnchors } = await d('annotate/quotes/attributions.js');
const { loadQuoteLexicon } = await d('annotate/quotes/lexicon.js');
const { loadCueModel } = await d('annotate/quotes/cue-model.js');
const { NL, ruleRoles, seqSentence, seqFeatureHashes, viterbi, encodeSeqModel } = await d('annotate/quotes/seq-model.js');
const { isHeldOut } = await d('eval/heldout.js');

const lex = loadQuoteLexicon({ model: false });
lex.cueModel = loadCueModel(opt('--cue', undefined) ?? join(root, 'models', 'quote-cues.json'));

const docs = readFileSync(train, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((x) => !(holdout && isHeldOut(x.id)));

// Sentences: flattened feature hashes per token, gold labels.
const sents = [];
const featCount = new Map();
let tokens = 0;
for (const doc of docs) {
  const a = makeArticle({ id: doc.id, source: 'eval', format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, doc.text);
  a.layers.tokens = tokenize(doc.text);
  a.layers.sentences = splitSentences(doc.text, a.layers.tokens);
  const view = tokenView(a);
  const quoted = quotedTokenMask(view, findQuotedSpans(doc.text));
  // Roles per token from the gold attributions: 1 source, 2 cue, 3 content (cue > source > content).
  const role = new Int8Array(view.tokens.length);
  const id = new Int32Array(view.tokens.length).fill(-1);
  const mark = (span, r, n) => {
    if (!span) return;
    for (let k = 0; k < view.tokens.length; k++) {
      const t = view.tokens[k];
      if (t.end <= span.start) continue;
      if (t.start >= span.end) break;
      const pri = r === 2 ? 3 : r === 1 ? 2 : 1;
      const cur = role[k] === 2 ? 3 : role[k] === 1 ? 2 : role[k] === 3 ? 1 : 0;
      if (pri >= cur) {
        role[k] = r;
        id[k] = n;
      }
    }
  };
  doc.attributions.forEach((at, n) => {
    for (const c of at.content) mark(c, 3, n);
  });
  doc.attributions.forEach((at, n) => mark(at.source, 1, n));
  doc.attributions.forEach((at, n) => mark(at.cue, 2, n));
  for (let s = 0; s < view.sentences.length; s++) {
    const f = view.sentStart[s];
    const e = view.sentEnd[s];
    if (e <= f) continue;
    const anchors = findAnchors(view, lex, f, e, quoted);
    if (RULES_FIRST && anchors.length > 0) continue;
    const ss = seqSentence(view, lex.cueModel, f, e, quoted, ruleRoles(anchors, f, e), GATE);
    if (ss.best < 0 || ss.score[ss.best - f] <= GATE) continue;
    const n = e - f;
    const gold = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const r = role[f + i];
      if (r === 0) continue;
      const b = r === 1 ? 1 : r === 2 ? 3 : 5;
      const cont = i > 0 && role[f + i - 1] === r && id[f + i - 1] === id[f + i];
      gold[i] = cont ? b + 1 : b;
    }
    const feats = [];
    const hs = [];
    for (let i = 0; i < n; i++) {
      seqFeatureHashes(view, ss, f + i, quoted, hs);
      feats.push(Int32Array.from(hs));
      for (const h of hs) featCount.set(h, (featCount.get(h) ?? 0) + 1);
    }
    tokens += n;
    sents.push({ feats, gold, n });
  }
}
const rowOf = new Map();
for (const [h, c] of featCount) if (c >= 2) rowOf.set(h, rowOf.size);
const R = rowOf.size;
// Features as row indices (-1: pruned).
for (const s of sents) s.rows = s.feats.map((hs) => Int32Array.from(hs, (h) => rowOf.get(h) ?? -1));
console.error(`${docs.length} documents, ${sents.length} gated sentences, ${tokens} tokens, ${R} features`);

const w = new Float32Array(R * NL);
const u = new Float32Array(R * NL);
const tw = new Float32Array((NL + 1) * NL);
const tu = new Float32Array((NL + 1) * NL);
let c = 1;
let seed = SEED;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
function emissionsOf(s) {
  const em = new Float32Array(s.n * NL);
  for (let i = 0; i < s.n; i++) for (const r of s.rows[i]) if (r >= 0) for (let y = 0; y < NL; y++) em[i * NL + y] += w[r * NL + y];
  return em;
}
function update(s, i, y, delta) {
  for (const r of s.rows[i]) {
    if (r < 0) continue;
    w[r * NL + y] += delta;
    u[r * NL + y] += c * delta;
  }
}
const order = sents.map((_, i) => i);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let errors = 0;
  for (const idx of order) {
    const s = sents[idx];
    const pred = viterbi(emissionsOf(s), tw, s.n);
    let wrong = false;
    for (let i = 0; i < s.n; i++) {
      const g = s.gold[i];
      const p = pred[i];
      const gp = i === 0 ? NL : s.gold[i - 1];
      const pp = i === 0 ? NL : pred[i - 1];
      if (g !== p) {
        wrong = true;
        errors++;
        update(s, i, g, 1);
        update(s, i, p, -1);
      }
      if (g !== p || gp !== pp) {
        tw[gp * NL + g] += 1;
        tu[gp * NL + g] += c;
        tw[pp * NL + p] -= 1;
        tu[pp * NL + p] -= c;
      }
    }
    if (wrong) c++;
    else c++;
  }
  console.error(`epoch ${epoch}: ${errors} token errors of ${tokens}`);
}
// Averaged weights; rows whose weights are all small are dropped.
const keepHashes = [];
const keepRows = [];
for (const [h, r] of rowOf) {
  let big = false;
  const row = new Float32Array(NL);
  for (let y = 0; y < NL; y++) {
    row[y] = w[r * NL + y] - u[r * NL + y] / c;
    if (Math.abs(row[y]) >= 0.01) big = true;
  }
  if (big) {
    keepHashes.push(h >>> 0);
    keepRows.push(row);
  }
}
const weights = new Float32Array(keepRows.length * NL);
keepRows.forEach((row, i) => weights.set(row, i * NL));
const trans = new Float32Array((NL + 1) * NL);
for (let i = 0; i < trans.length; i++) trans[i] = tw[i] - tu[i] / c;
const buf = encodeSeqModel(Uint32Array.from(keepHashes), weights, trans, { gate: GATE, runGate: RUN_GATE, epochs: EPOCHS, seed: SEED, trainedOn: 'polnear.train.jsonl', holdout, sentences: sents.length, tokens });
writeFileSync(out, gzipSync(buf, { level: 9 }));
console.error(`${keepHashes.length} features -> ${out}`);
