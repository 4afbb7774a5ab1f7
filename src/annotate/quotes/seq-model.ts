import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from '../../shared-paths.js';
import type { TokenView } from '../quantities/token-view.js';
import { cachedCueScore, classHashes, fnv, FNV_START, H_BOS, H_BOS_CLASS, H_EOS, H_EOS_CLASS, hashOf, lowerHashes, mix, stemHashes, vocabMask, type CueModel } from './cue-model.js';
import type { TokRange } from './speaker.js';

/**
 * The attribution sequence labeller: a first-order linear-chain model over the tokens of a sentence (labels
 * O, B/I-source, B/I-cue, B/I-content), trained as a structured averaged perceptron (Collins 2002) on PolNeAR
 * train by scripts/train-quote-seq.mjs and decoded by Viterbi under BIO constraints. Its features are what
 * the rules compute: the cue classifier's score of each candidate word, the word's place relative to the
 * best cue of the sentence, quotation marks, "that"/comma clause edges, word classes. The quote stage runs
 * it as the second step of a cascade, on the sentences where the rules found no attribution but a cue
 * candidate stands (models/README.md says which wins where).
 */
export const SEQ_LABELS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-Q', 'I-Q'] as const;
export const NL = SEQ_LABELS.length;

export interface SeqModel {
  /** Feature hash -> row index into `weights` (NL floats per row). */
  index: RowIndex;
  weights: Float32Array;
  /** Transition weights, (NL + 1) x NL: row NL is the start of the sentence. */
  trans: Float32Array;
  /** Cue-score floor under which a word is no cue candidate (training sentences hold one). */
  gate: number;
  /** The stage runs the labeller on a sentence only when a word above this score is no rule cue (speed). */
  runGate: number;
}

/** Feature hash -> row, as an open-addressing table of typed arrays (a Map of 130k numbers was a tenth of the stage). */
export class RowIndex {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  constructor(hashes: ArrayLike<number>) {
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! | 0;
      let i = h & this.mask;
      while (this.rows[i] !== -1 && this.keys[i] !== h) i = (i + 1) & this.mask;
      if (this.rows[i] === -1) {
        this.keys[i] = h;
        this.rows[i] = r;
      }
    }
  }
  /** The row of a hash, -1 when the model has none. */
  get(h: number): number {
    let i = h & this.mask;
    for (let r = this.rows[i]!; r !== -1; r = this.rows[i]!) {
      if (this.keys[i] === h) return r;
      i = (i + 1) & this.mask;
    }
    return -1;
  }
}

/** I-X only after B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 2 || cur === 4 || cur === 6) return prev === cur || prev === cur - 1;
  return true;
}

/** Per-sentence context computed once: cue scores of the vocabulary words and the best cue. */
export interface SeqSentence {
  f: number;
  e: number;
  score: Float32Array;
  best: number;
  /** What the rules made of each token: 0 nothing, 1 source, 2 cue, 3 content (the stacking features). */
  rule: Int8Array;
  /** Nearest cue candidate of each token (-1: none). */
  near: Int32Array;
  /** Prefix counts over the sentence of quotation marks, "that" and commas (index i: tokens f..f+i-1). */
  prefix: { marks: Int32Array; thats: Int32Array; commas: Int32Array };
}

/** Marks the rules' attributions of a sentence as token roles (cue over source over content). */
export function ruleRoles(anchors: readonly { cue: TokRange; source: TokRange | null; content: readonly TokRange[] }[], f: number, e: number): Int8Array {
  const r = new Int8Array(e - f);
  const put = (x: TokRange | null, v: number) => {
    if (!x) return;
    for (let k = Math.max(f, x.first); k < Math.min(e, x.end); k++) if (v > r[k - f]! || r[k - f] === 3) r[k - f] = v;
  };
  for (const a of anchors) for (const c of a.content) put(c, 3);
  for (const a of anchors) put(a.source, 1);
  for (const a of anchors) put(a.cue, 2);
  return r;
}

const NO_SCORE = -1e9;

export function seqSentence(view: TokenView, cue: CueModel, f: number, e: number, quoted: Uint8Array, rule: Int8Array = new Int8Array(e - f), gate = -4): SeqSentence {
  const score = new Float32Array(e - f).fill(NO_SCORE);
  let best = -1;
  const inVocab = vocabMask(cue, view);
  for (let k = f; k < e; k++) {
    if (inVocab[k] !== 1) continue;
    const s = cachedCueScore(cue, view, k, f, e, quoted) - cue.threshold;
    score[k - f] = s;
    if (best < 0 || s > score[best - f]!) best = k;
  }
  const near = new Int32Array(e - f).fill(-1);
  let last = -1;
  for (let k = f; k < e; k++) {
    if (score[k - f]! > gate) last = k;
    near[k - f] = last;
  }
  last = -1;
  for (let k = e - 1; k >= f; k--) {
    if (score[k - f]! > gate) last = k;
    if (last >= 0 && (near[k - f]! < 0 || last - k < k - near[k - f]!)) near[k - f] = last;
  }
  const n = e - f;
  const marks = new Int32Array(n + 1);
  const thats = new Int32Array(n + 1);
  const commas = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const w = view.words[f + i]!;
    marks[i + 1] = marks[i]! + (w === '“' || w === '”' || w === '"' ? 1 : 0);
    thats[i + 1] = thats[i]! + (view.lower[f + i] === 'that' ? 1 : 0);
    commas[i + 1] = commas[i]! + (w === ',' ? 1 : 0);
  }
  return { f, e, score, best, rule, near, prefix: { marks, thats, commas } };
}

function bucket(s: number): string {
  if (s <= NO_SCORE / 2) return 'nv';
  if (s > 2) return 'hi';
  if (s > 0) return 'pos';
  if (s > -2) return 'neg';
  return 'low';
}

function relBucket(d: number): string {
  if (d === 0) return '0';
  const a = Math.abs(d);
  const b = a === 1 ? '1' : a === 2 ? '2' : a <= 4 ? '4' : a <= 8 ? '8' : '+';
  return (d < 0 ? 'L' : 'R') + b;
}

const BUCKET_HASHES = { nv: hashOf('nv'), hi: hashOf('hi'), pos: hashOf('pos'), neg: hashOf('neg'), low: hashOf('low') };
/** hashOf(bucket(s)), without the string. */
function bucketHash(s: number): number {
  if (s <= NO_SCORE / 2) return BUCKET_HASHES.nv;
  if (s > 2) return BUCKET_HASHES.hi;
  if (s > 0) return BUCKET_HASHES.pos;
  if (s > -2) return BUCKET_HASHES.neg;
  return BUCKET_HASHES.low;
}
/** hashOf(relBucket(d)) for d in -9..9, and beyond. */
const REL_HASHES = Array.from({ length: 19 }, (_, i) => hashOf(relBucket(i - 9)));
const REL_FAR = { left: hashOf(relBucket(-9)), right: hashOf(relBucket(9)) };
function relBucketHash(d: number): number {
  if (d < -9) return REL_FAR.left;
  if (d > 9) return REL_FAR.right;
  return REL_HASHES[d + 9]!;
}

const N = (name: string) => fnv(FNV_START, name);
/** The name part of each feature (its value parts are mixed in: word, class and bucket hashes). */
const K = { b: N('b'), w: N('w='), st: N('st='), c: N('c='), p1: N('p1='), n1: N('n1='), p2: N('p2='), n2: N('n2='), cp1c: N('cp1c='), ccn1: N('ccn1='), cp1cn1: N('cp1cn1='), sc: N('sc='), scw: N('scw='), scm1: N('sc-1='), scp1: N('sc+1='), rel: N('rel='), relb: N('relb='), relc: N('relc='), rele: N('rele='), relw: N('relw='), q: N('q='), qc: N('qc='), pos: N('pos='), r: N('r='), rp: N('rp='), rc: N('rc='), rw: N('rw='), near: N('near='), nearr: N('nearr='), nearw: N('nearw=') };
const H = { none: hashOf('none'), q: hashOf('q'), dash: hashOf('-'), that: hashOf('that'), comma: hashOf(','), first: hashOf('first'), last: hashOf('last'), mid: hashOf('mid'), empty: hashOf('') };
const ROLE_HASHES = ['O', 'S', 'C', 'Q'].map(hashOf);
const ROLE_OUTSIDE = hashOf('_');

/**
 * Feature hashes of token k (training and inference share them): each feature is its name's hash mixed with
 * the hashes of its parts, and words, stems and classes are hashed once per text (no string is built per
 * feature). The features: the word, its stem, class and neighbours; the cue scores of the word and its
 * neighbours (buckets); the place of the word relative to the sentence's best cue candidate, with the clause
 * edge between them; quotation; what the rules made of the word and its neighbours; the nearest cue candidate.
 */
export function seqFeatureHashes(view: TokenView, s: SeqSentence, k: number, quoted: Uint8Array, out: number[]): void {
  out.length = 0;
  const { f, e } = s;
  const L = lowerHashes(view);
  const C = classHashes(view);
  const lw = (i: number) => (i < f ? H_BOS : i >= e ? H_EOS : L[i]!);
  const cl = (i: number) => (i < f ? H_BOS_CLASS : i >= e ? H_EOS_CLASS : C[i]!);
  const l = L[k]!;
  const c0 = C[k]!;
  const cp1 = cl(k - 1);
  const cn1 = cl(k + 1);
  const sc = bucketHash(s.score[k - f]!);
  const rel = s.best < 0 ? H.none : relBucketHash(k - s.best);
  const bestScore = s.best < 0 ? H.none : bucketHash(s.score[s.best - f]!);
  // Between the best cue and this word: a quotation mark, else "that", else a comma (clause edges), from the
  // sentence's prefix counts.
  let edge = H.dash;
  if (s.best >= 0) {
    const lo = Math.min(k, s.best) + 1 - f;
    const hi = Math.max(k, s.best) - f;
    if (hi > lo) {
      const { marks, thats, commas } = s.prefix;
      edge = marks[hi]! - marks[lo]! > 0 ? H.q : thats[hi]! - thats[lo]! > 0 ? H.that : commas[hi]! - commas[lo]! > 0 ? H.comma : H.dash;
    }
  }
  const q = quoted[k] === 1 ? H.q : H.dash;
  const rr = (i: number) => (i < f || i >= e ? ROLE_OUTSIDE : ROLE_HASHES[s.rule[i - f]!]!);
  const r0 = rr(k);
  const nr = s.near[k - f]!;
  const near = nr < 0 ? H.none : relBucketHash(k - nr);
  out.push(
    K.b,
    mix(K.w, l),
    mix(K.st, stemHashes(view)[k]!),
    mix(K.c, c0),
    mix(K.p1, lw(k - 1)),
    mix(K.n1, lw(k + 1)),
    mix(K.p2, lw(k - 2)),
    mix(K.n2, lw(k + 2)),
    mix(mix(K.cp1c, cp1), c0),
    mix(mix(K.ccn1, c0), cn1),
    mix(mix(K.cp1cn1, cp1), cn1),
    mix(K.sc, sc),
    mix(mix(K.scw, sc), l),
    mix(K.scm1, k > f ? bucketHash(s.score[k - 1 - f]!) : H_BOS),
    mix(K.scp1, k + 1 < e ? bucketHash(s.score[k + 1 - f]!) : H_EOS),
    mix(K.rel, rel),
    mix(mix(K.relb, rel), bestScore),
    mix(mix(K.relc, rel), c0),
    mix(mix(K.rele, rel), edge),
    mix(mix(K.relw, rel), l),
    mix(K.q, q),
    mix(mix(K.qc, q), rel),
    mix(K.pos, k === f ? H.first : e - k <= 2 ? H.last : H.mid),
    mix(K.r, r0),
    mix(mix(mix(K.rp, rr(k - 1)), r0), rr(k + 1)),
    mix(mix(K.rc, r0), c0),
    mix(mix(K.rw, r0), l),
    mix(mix(K.near, near), nr < 0 ? H.empty : bucketHash(s.score[nr - f]!)),
    mix(mix(mix(K.nearr, near), nr < 0 ? H.empty : rr(nr)), r0),
    mix(mix(K.nearw, near), l),
  );
}

/** Emission scores (n x NL) of a sentence under a model given as a lookup of feature rows. */
export function emissions(view: TokenView, s: SeqSentence, quoted: Uint8Array, row: (h: number) => Float32Array | null): Float32Array {
  const n = s.e - s.f;
  const em = new Float32Array(n * NL);
  const hs: number[] = [];
  for (let i = 0; i < n; i++) {
    seqFeatureHashes(view, s, s.f + i, quoted, hs);
    for (const h of hs) {
      const r = row(h);
      if (!r) continue;
      for (let y = 0; y < NL; y++) em[i * NL + y] = em[i * NL + y]! + r[y]!;
    }
  }
  return em;
}

/** Viterbi under the BIO constraints: the best label of each token. */
export function viterbi(em: Float32Array, trans: Float32Array, n: number): Int8Array {
  const out = new Int8Array(n);
  if (n === 0) return out;
  const score = new Float32Array(n * NL);
  const back = new Int8Array(n * NL);
  for (let y = 0; y < NL; y++) score[y] = allowed(0, y) ? em[y]! + trans[NL * NL + y]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < NL; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NL; p++) {
        if (!allowed(p, y)) continue;
        const v = score[(i - 1) * NL + p]! + trans[p * NL + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * NL + y] = best + em[i * NL + y]!;
      back[i * NL + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < NL; k++) if (score[(n - 1) * NL + k]! > score[(n - 1) * NL + y]!) y = k;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = y;
    y = back[i * NL + y]!;
  }
  return out;
}

export interface SeqAttribution {
  source: TokRange | null;
  cue: TokRange;
  content: TokRange[];
}

/** Runs of one role (S, C or Q) in a label sequence, as token ranges. */
function runs(labels: Int8Array, f: number, role: 'S' | 'C' | 'Q'): TokRange[] {
  const b = role === 'S' ? 1 : role === 'C' ? 3 : 5;
  const out: TokRange[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== b) continue;
    let j = i + 1;
    while (j < labels.length && labels[j] === b + 1) j++;
    out.push({ first: f + i, end: f + j });
    i = j - 1;
  }
  return out;
}

function gap(a: TokRange, b: TokRange): number {
  return a.end <= b.first ? b.first - a.end : b.end <= a.first ? a.first - b.end : 0;
}

/**
 * Attributions from a label sequence, decoded with the constraints of an attribution: every content has a
 * cue (the nearest one of the sentence; a content with none is dropped), the source is the source run
 * nearest to that cue, and a source must hold a word.
 */
export function attributionsFromLabels(view: TokenView, labels: Int8Array, f: number): SeqAttribution[] {
  const cues = runs(labels, f, 'C');
  if (cues.length === 0) return [];
  const sources = runs(labels, f, 'S').filter((r) => {
    for (let k = r.first; k < r.end; k++) if (view.tokens[k]!.kind === 'word') return true;
    return false;
  });
  const byCue = new Map<number, SeqAttribution>();
  for (const q of runs(labels, f, 'Q')) {
    let words = 0;
    for (let k = q.first; k < q.end; k++) if (view.tokens[k]!.kind === 'word') words++;
    if (words === 0) continue;
    let c = 0;
    for (let i = 1; i < cues.length; i++) if (gap(cues[i]!, q) < gap(cues[c]!, q)) c = i;
    let a = byCue.get(c);
    if (!a) {
      const cue = cues[c]!;
      let src: TokRange | null = null;
      for (const s of sources) if (!src || gap(s, cue) < gap(src, cue)) src = s;
      a = { source: src && gap(src, cue) <= 12 ? src : null, cue, content: [] };
      byCue.set(c, a);
    }
    a.content.push(q);
  }
  return [...byCue.values()];
}

/** Labels a sentence with the model. */
export function labelSentence(model: SeqModel, view: TokenView, s: SeqSentence, quoted: Uint8Array): Int8Array {
  const n = s.e - s.f;
  const em = new Float32Array(n * NL);
  const hs: number[] = [];
  const w = model.weights;
  for (let i = 0; i < n; i++) {
    seqFeatureHashes(view, s, s.f + i, quoted, hs);
    for (const h of hs) {
      const r = model.index.get(h);
      if (r < 0) continue;
      for (let y = 0; y < NL; y++) em[i * NL + y] = em[i * NL + y]! + w[r * NL + y]!;
    }
  }
  return viterbi(em, model.trans, s.e - s.f);
}

/** File format: `PXQSEQ2\n` + JSON header line + uint32 hashes + float32 weights (rows x NL) + transitions. */
export function encodeSeqModel(hashes: Uint32Array, weights: Float32Array, trans: Float32Array, header: Record<string, unknown>): Buffer {
  const head = Buffer.from(`PXQSEQ2\n${JSON.stringify({ ...header, rows: hashes.length, labels: SEQ_LABELS })}\n`, 'utf8');
  return Buffer.concat([head, Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength), Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength), Buffer.from(trans.buffer, trans.byteOffset, trans.byteLength)]);
}

export function decodeSeqModel(buf: Buffer): SeqModel {
  const nl1 = buf.indexOf(10);
  const nl2 = buf.indexOf(10, nl1 + 1);
  if (buf.subarray(0, nl1).toString('utf8') !== 'PXQSEQ2') throw new Error('not a quote sequence model');
  const header = JSON.parse(buf.subarray(nl1 + 1, nl2).toString('utf8')) as { rows: number; gate: number; runGate?: number };
  const body = Buffer.from(buf.subarray(nl2 + 1)); // copied: aligned for the typed arrays
  const rows = header.rows;
  const hashes = new Uint32Array(body.buffer, body.byteOffset, rows);
  const weights = new Float32Array(body.buffer, body.byteOffset + rows * 4, rows * NL);
  const trans = new Float32Array(body.buffer, body.byteOffset + rows * 4 + rows * NL * 4, (NL + 1) * NL);
  return { index: new RowIndex(hashes), weights, trans, gate: header.gate, runGate: header.runGate ?? header.gate };
}

export function seqModelPath(): string {
  return join(repoRoot(), 'models', 'quote-seq.bin.gz');
}

/** The committed model, or null when it has not been trained (the rules alone run then). */
export function loadSeqModel(path: string = seqModelPath()): SeqModel | null {
  if (!existsSync(path)) return null;
  return decodeSeqModel(gunzipSync(readFileSync(path)));
}
