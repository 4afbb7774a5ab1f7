import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import type { TokenView } from '../quantities/token-view.js';

/**
 * Which words are attribution cues in context: a binary averaged perceptron over a word and its
 * neighbours, trained on PolNeAR's training split by scripts/train-quote-cues.mjs (models/README.md).
 * Only words of the model's vocabulary (words that headed a cue in training) are scored, so the cost is a
 * set lookup for every other token.
 */
export interface CueModel {
  /** Words (or their stems, when `stems`) that headed a cue in training: only these are scored. */
  vocab: Set<string>;
  stems: boolean;
  table: WeightTable;
  bias: number;
  /** Score above which a word is taken as a cue. */
  threshold: number;
}

const OPEN_MARKS = new Set(['“', '"', '‘', '«', "'", "''", '``']);
const CLOSE_MARKS = new Set(['”', '"', '’', '»', "'", "''"]);
const PRONOUNS = new Set(['he', 'she', 'i', 'we', 'they', 'you', 'it', 'who']);
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'did', 'does', 'do', 'could', 'should', 'may', 'might', 'can', 'must']);

/** A coarse class of token k in the sentence [f, e): punctuation, pronoun, auxiliary, name, suffix class... */
export function cls(view: TokenView, k: number, f: number, e: number): string {
  if (k < f) return 'BOS';
  if (k >= e) return 'EOS';
  const w = view.words[k]!;
  const l = view.lower[k]!;
  if (OPEN_MARKS.has(w) || CLOSE_MARKS.has(w)) return 'Q';
  if (w === ',' || w === ':' || w === ';' || w === '.' || w === '—' || w === '–' || w === '(' || w === ')' || w === '?' || w === '!') return w;
  if (PRONOUNS.has(l)) return 'PRO';
  if (AUX.has(l)) return 'AUX';
  if (l === 'that' || l === 'to' || l === 'not' || l === 'the' || l === 'a' || l === 'an' || l === 'of' || l === 'for' || l === 'on' || l === 'in') return l;
  if (view.tokens[k]!.kind === 'number') return 'NUM';
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'CAP';
  if (l.endsWith('ly')) return 'LY';
  if (l.endsWith('ing')) return 'ING';
  if (l.endsWith('ed')) return 'ED';
  return 'w';
}

/** A crude stem: the word without -ing, -ed, -es, -s or a final -e ("supporting", "supported" -> "support"). */
export function stemOf(l: string): string {
  const n = l.length;
  if (n > 5 && l.endsWith('ing')) return l.slice(0, -3);
  if (n > 4 && (l.endsWith('ied') || l.endsWith('ies'))) return `${l.slice(0, -3)}y`;
  if (n > 4 && (l.endsWith('ed') || l.endsWith('es'))) return l.slice(0, -2);
  if (n > 3 && l.endsWith('s') && !l.endsWith('ss')) return l.slice(0, -1);
  if (n > 4 && l.endsWith('e')) return l.slice(0, -1);
  return l;
}

const markCache = new WeakMap<TokenView, Int32Array>();

/** counts[i] = quotation marks among tokens [0, i) (built once per view). */
function markCounts(view: TokenView): Int32Array {
  let c = markCache.get(view);
  if (c) return c;
  c = new Int32Array(view.words.length + 1);
  for (let i = 0; i < view.words.length; i++) c[i + 1] = c[i]! + (OPEN_MARKS.has(view.words[i]!) || CLOSE_MARKS.has(view.words[i]!) ? 1 : 0);
  markCache.set(view, c);
  return c;
}

/** Receives one feature as the concatenation of its parts (no string is built on the scoring path). */
type Emit = (a: string, b?: string, c?: string, d?: string, e?: string, f?: string) => void;

/**
 * Features of token k (a vocabulary word) in the sentence [f, e), given to `emit` as parts. `quoted` marks
 * tokens inside quoted passages of several words.
 */
function emitCueFeatures(view: TokenView, k: number, f: number, e: number, quoted: Uint8Array, emit: Emit): void {
  const l = view.lower[k]!;
  const w = view.words[k]!;
  const lw = (i: number) => (i < f ? '<s>' : i >= e ? '</s>' : view.lower[i]!);
  const p1 = lw(k - 1);
  const p2 = lw(k - 2);
  const n1 = lw(k + 1);
  const n2 = lw(k + 2);
  const cp1 = cls(view, k - 1, f, e);
  const cp2 = cls(view, k - 2, f, e);
  const cn1 = cls(view, k + 1, f, e);
  const cn2 = cls(view, k + 2, f, e);
  const cap = w !== l ? (k === f ? 'init' : 'cap') : 'low';
  // A word in quotation marks mid-sentence belongs to the quoted speaker's own words.
  const q = quoted[k] === 1 ? 'q' : '-';
  // A quotation mark near the word (within 40 tokens, inside the sentence), from prefix counts.
  const marks = markCounts(view);
  const quoteInSentence = marks[Math.min(e, k + 40)]! - marks[Math.max(f, k - 40)]! > 0;
  const pos = k === f ? 'first' : k - f <= 3 ? 'early' : e - k <= 3 ? 'late' : 'mid';
  // The inflections of a word share what they learn ("supported", "supporting", "supports").
  const st = stemOf(l);
  const csl = cls(view, subjectLeft(view, k, f), f, e);
  const clause = reportedClause(view, k, e);
  const { before, after } = speechAround(view, k, f, e);
  emit('spb=', before, '|', st);
  emit('spa=', after, '|', st);
  emit('spba=', before, '|', after);
  emit('b');
  emit('st=', st);
  emit('stcn1=', st, '|', cn1);
  emit('cp1st=', cp1, '|', st);
  emit('csl=', csl);
  emit('cslst=', csl, '|', st);
  emit('cslcn1=', csl, '|', cn1);
  emit('cl=', clause);
  emit('clst=', clause, '|', st);
  emit('w=', l);
  emit('s3=', l.length > 3 ? l.slice(-3) : l);
  emit('cap=', cap, '|', l);
  emit('q=', q);
  emit('q=', q, '|', l);
  emit('p1=', p1);
  emit('p2=', p2);
  emit('n1=', n1);
  emit('n2=', n2);
  emit('p1w=', p1, '|', l);
  emit('wn1=', l, '|', n1);
  emit('wn1n2=', l, '|', n1, '|', n2);
  emit('p2p1w=', p2, '|', p1, '|', l);
  emit('cp1=', cp1);
  emit('cn1=', cn1);
  emit('cp2cp1=', cp2, '|', cp1);
  emit('cn1cn2=', cn1, '|', cn2);
  emit('cp1w=', cp1, '|', l);
  emit('wcn1=', l, '|', cn1);
  emit('wcn1cn2=', l, '|', cn1, '|', cn2);
  emit('cp2cp1w=', cp2, '|', cp1, '|', l);
  emit('cp1cn1=', cp1, '|', cn1);
  emit('qs=', quoteInSentence ? '1' : '0', '|', l);
  emit('pos=', pos);
  emit('pos=', pos, '|', l);
  emit('cap=', cap);
}

/** The features of token k as strings (training, inspection). */
export function cueFeatures(view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): string[] {
  const out: string[] = [];
  emitCueFeatures(view, k, f, e, quoted, (a, b = '', c = '', d = '', x = '', y = '') => out.push(a + b + c + d + x + y));
  return out;
}

/** FNV-1a over the UTF-16 code units of s, continuing from h. */
export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

export const FNV_START = 0x811c9dc5 | 0;

const prefixHashes = new Map<string, number>();

/** fnv(FNV_START, a) for the constant first part of a feature, computed once per part (speed). */
export function prefixHash(a: string): number {
  let h = prefixHashes.get(a);
  if (h === undefined) prefixHashes.set(a, (h = fnv(FNV_START, a)));
  return h;
}

/**
 * Weights in an open-addressing table keyed by the 32-bit key of the feature string (featureKey). Key and
 * weight of a slot sit side by side in one buffer (one cache line per probe); key 0 marks an empty slot, so a
 * feature whose key is 0 is stored under 1.
 */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;
  constructor(entries: [string, number][]) {
    let size = 1;
    while (size < entries.length * 2) size <<= 1;
    const buf = new ArrayBuffer(size * 8);
    this.keys = new Int32Array(buf);
    this.values = new Float32Array(buf);
    this.mask = size - 1;
    for (const [k, v] of entries) {
      const h = featureKey(k) || 1;
      let i = h & this.mask;
      while (this.keys[2 * i] !== 0 && this.keys[2 * i] !== h) i = (i + 1) & this.mask;
      this.keys[2 * i] = h;
      this.values[2 * i + 1] = this.values[2 * i + 1]! + v;
    }
  }
  get(key: number): number {
    const h = key || 1;
    let i = h & this.mask;
    for (let x = this.keys[2 * i]!; x !== 0; x = this.keys[2 * i]!) {
      if (x === h) return this.values[2 * i + 1]!;
      i = (i + 1) & this.mask;
    }
    return 0;
  }
}

/** Combines a feature's hash so far with the hash of its next part. */
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * The table key of a feature string: its name (up to "=") and each "|"-separated value hashed on their own
 * and mixed, so that scoring can hash each token's word once per text instead of once per feature.
 */
export function featureKey(feature: string): number {
  const eq = feature.indexOf('=');
  if (eq < 0) return fnv(FNV_START, feature);
  let h = fnv(FNV_START, feature.slice(0, eq + 1));
  for (const part of feature.slice(eq + 1).split('|')) h = mix(h, fnv(FNV_START, part));
  return h;
}

/**
 * The nearest word left of the cue that is not an auxiliary, adverb or negation: the subject when there is one
 * ("he often attacked", "Trump has repeatedly said").
 */
function subjectLeft(view: TokenView, k: number, f: number): number {
  let sl = k - 1;
  while (sl >= f && sl > k - 5 && (AUX.has(view.lower[sl]!) || view.lower[sl]!.endsWith('ly') || view.lower[sl] === 'not' || view.lower[sl] === 'also')) sl--;
  return sl;
}

/** Words that nearly always report speech: another cue's content may hold the word being scored. */
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'asked', 'added', 'wrote', 'tweeted', 'stated', 'argued', 'insisted', 'claimed', 'according']);
const speechCache = new WeakMap<TokenView, { prev: Int32Array; next: Int32Array }>();

/** For each token, the nearest speech word before it and after it (-1: none), built once per view. */
function speechIndex(view: TokenView): { prev: Int32Array; next: Int32Array } {
  let x = speechCache.get(view);
  if (x) return x;
  const n = view.lower.length;
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    prev[i] = last;
    if (SPEECH.has(view.lower[i]!)) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    if (SPEECH.has(view.lower[i]!)) last = i;
  }
  speechCache.set(view, (x = { prev, next }));
  return x;
}

/**
 * A speech word before token k in its sentence [f, e) (within six tokens: 'near', else 'far', none: '-'), and
 * one after it: the word may sit in another attribution's content ("Rubio said he does support ..."), where
 * PolNeAR seldom marks an attribution of its own.
 */
function speechAround(view: TokenView, k: number, f: number, e: number): { before: 'near' | 'far' | '-'; after: 'near' | 'far' | '-' } {
  const { prev, next } = speechIndex(view);
  const p = prev[k]!;
  const q = next[k]!;
  return { before: p < f ? '-' : k - p <= 6 ? 'near' : 'far', after: q < 0 || q >= e ? '-' : q - k <= 6 ? 'near' : 'far' };
}

/** "that", a colon or a quotation mark soon after the cue: a reported clause follows ('-' when none). */
function reportedClause(view: TokenView, k: number, e: number): string {
  for (let i = k + 1; i < Math.min(e, k + 4); i++) {
    const x = view.lower[i]!;
    if (x === 'that') return 'that';
    if (x === ':') return 'colon';
    if (OPEN_MARKS.has(x)) return 'quote';
  }
  return '-';
}

const partHashes = new Map<string, number>();
/** fnv of a short constant or class string, remembered (classes, buckets, names). */
export function hashOf(x: string): number {
  let h = partHashes.get(x);
  if (h === undefined) {
    h = fnv(FNV_START, x);
    if (partHashes.size < 4096) partHashes.set(x, h);
  }
  return h;
}

/** One hash per token of a view, computed once per view and kept with it. */
function perTokenHashes(cache: WeakMap<TokenView, Int32Array>, view: TokenView, hashAt: (i: number, n: number) => number): Int32Array {
  let a = cache.get(view);
  if (!a) {
    a = new Int32Array(view.lower.length);
    for (let i = 0; i < a.length; i++) a[i] = hashAt(i, a.length);
    cache.set(view, a);
  }
  return a;
}

const lowerHashCache = new WeakMap<TokenView, Int32Array>();
/** fnv of each token's lower-cased word. */
export function lowerHashes(view: TokenView): Int32Array {
  return perTokenHashes(lowerHashCache, view, (i) => fnv(FNV_START, view.lower[i]!));
}

const classHashCache = new WeakMap<TokenView, Int32Array>();
/** fnv of each token's class (cls inside a sentence). */
export function classHashes(view: TokenView): Int32Array {
  return perTokenHashes(classHashCache, view, (i, n) => hashOf(cls(view, i, 0, n)));
}

const P = (name: string) => fnv(FNV_START, name);
const K = { b: fnv(FNV_START, 'b'), st: P('st='), stcn1: P('stcn1='), cp1st: P('cp1st='), csl: P('csl='), cslst: P('cslst='), cslcn1: P('cslcn1='), cl: P('cl='), clst: P('clst='), w: P('w='), s3: P('s3='), cap: P('cap='), q: P('q='), p1: P('p1='), p2: P('p2='), n1: P('n1='), n2: P('n2='), p1w: P('p1w='), wn1: P('wn1='), wn1n2: P('wn1n2='), p2p1w: P('p2p1w='), cp1: P('cp1='), cn1: P('cn1='), cp2cp1: P('cp2cp1='), cn1cn2: P('cn1cn2='), cp1w: P('cp1w='), wcn1: P('wcn1='), wcn1cn2: P('wcn1cn2='), cp2cp1w: P('cp2cp1w='), cp1cn1: P('cp1cn1='), qs: P('qs='), pos: P('pos='), spb: P('spb='), spa: P('spa='), spba: P('spba=') };
const stemHashCache = new WeakMap<TokenView, Int32Array>();
/** fnv of each token's stem (stemOf of its lower-cased word). */
export function stemHashes(view: TokenView): Int32Array {
  return perTokenHashes(stemHashCache, view, (i) => fnv(FNV_START, stemOf(view.lower[i]!)));
}

export const H_BOS = fnv(FNV_START, '<s>');
export const H_EOS = fnv(FNV_START, '</s>');
export const H_BOS_CLASS = fnv(FNV_START, 'BOS');
export const H_EOS_CLASS = fnv(FNV_START, 'EOS');

/**
 * Score of token k: the bias plus the weights of its features. The features are emitCueFeatures' (a test
 * holds the two equal), hashed from parts: each word's hash comes from a per-text array.
 */
const H_CAP = { init: hashOf('init'), cap: hashOf('cap'), low: hashOf('low') };
const H_Q = { q: hashOf('q'), none: hashOf('-') };
const H_QS = { yes: hashOf('1'), no: hashOf('0') };
const H_POS = { first: hashOf('first'), early: hashOf('early'), late: hashOf('late'), mid: hashOf('mid') };
const H_SPEECH = { near: hashOf('near'), far: hashOf('far'), '-': hashOf('-') };
const H_CLAUSE = { that: hashOf('that'), colon: hashOf('colon'), quote: hashOf('quote'), none: hashOf('-') };

const suffixHashCache = new WeakMap<TokenView, Int32Array>();
/** fnv of each token's last three letters (its whole word when shorter). */
function suffixHashes(view: TokenView): Int32Array {
  return perTokenHashes(suffixHashCache, view, (i) => {
    const l = view.lower[i]!;
    return fnv(FNV_START, l.length > 3 ? l.slice(-3) : l);
  });
}

/** The per-view arrays scoring reads, looked up once per view (not once per token). */
interface ViewHashes {
  view: TokenView | null;
  lower: Int32Array;
  cls: Int32Array;
  stem: Int32Array;
  suffix: Int32Array;
  marks: Int32Array;
}
const lastHashes: ViewHashes = { view: null, lower: new Int32Array(0), cls: new Int32Array(0), stem: new Int32Array(0), suffix: new Int32Array(0), marks: new Int32Array(0) };
function viewHashes(view: TokenView): ViewHashes {
  if (lastHashes.view !== view) {
    lastHashes.lower = lowerHashes(view);
    lastHashes.cls = classHashes(view);
    lastHashes.stem = stemHashes(view);
    lastHashes.suffix = suffixHashes(view);
    lastHashes.marks = markCounts(view);
    lastHashes.view = view;
  }
  return lastHashes;
}

/** "that", a colon or a quotation mark soon after the cue, as the hash of reportedClause's answer. */
function reportedClauseHash(view: TokenView, k: number, e: number): number {
  for (let i = k + 1; i < Math.min(e, k + 4); i++) {
    const x = view.lower[i]!;
    if (x === 'that') return H_CLAUSE.that;
    if (x === ':') return H_CLAUSE.colon;
    if (OPEN_MARKS.has(x)) return H_CLAUSE.quote;
  }
  return H_CLAUSE.none;
}

/**
 * Score of token k: the bias plus the weights of its features. The features are emitCueFeatures' (a test
 * holds the two equal), hashed from parts: each word's hash comes from a per-text array.
 */
export function scoreCueAt(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): number {
  const t = model.table;
  const { lower: L, cls: C, stem: S, suffix: S3, marks } = viewHashes(view);
  const l = view.lower[k]!;
  const w = view.words[k]!;
  const hl = L[k]!;
  const p1 = k - 1 < f ? H_BOS : L[k - 1]!;
  const p2 = k - 2 < f ? H_BOS : L[k - 2]!;
  const n1 = k + 1 >= e ? H_EOS : L[k + 1]!;
  const n2 = k + 2 >= e ? H_EOS : L[k + 2]!;
  const cp1 = k - 1 < f ? H_BOS_CLASS : C[k - 1]!;
  const cp2 = k - 2 < f ? H_BOS_CLASS : C[k - 2]!;
  const cn1 = k + 1 >= e ? H_EOS_CLASS : C[k + 1]!;
  const cn2 = k + 2 >= e ? H_EOS_CLASS : C[k + 2]!;
  const cap = w !== l ? (k === f ? H_CAP.init : H_CAP.cap) : H_CAP.low;
  const q = quoted[k] === 1 ? H_Q.q : H_Q.none;
  const qs = marks[Math.min(e, k + 40)]! - marks[Math.max(f, k - 40)]! > 0 ? H_QS.yes : H_QS.no;
  const pos = k === f ? H_POS.first : k - f <= 3 ? H_POS.early : e - k <= 3 ? H_POS.late : H_POS.mid;
  const st = S[k]!;
  const sl = subjectLeft(view, k, f);
  const csl = sl < f ? H_BOS_CLASS : C[sl]!;
  const cl = reportedClauseHash(view, k, e);
  const around = speechAround(view, k, f, e);
  const spb = H_SPEECH[around.before];
  const spa = H_SPEECH[around.after];
  let s = model.bias + t.get(K.b);
  s += t.get(mix(mix(K.spb, spb), st)) + t.get(mix(mix(K.spa, spa), st)) + t.get(mix(mix(K.spba, spb), spa));
  s += t.get(mix(K.st, st)) + t.get(mix(mix(K.stcn1, st), cn1)) + t.get(mix(mix(K.cp1st, cp1), st));
  s += t.get(mix(K.csl, csl)) + t.get(mix(mix(K.cslst, csl), st)) + t.get(mix(mix(K.cslcn1, csl), cn1));
  s += t.get(mix(K.cl, cl)) + t.get(mix(mix(K.clst, cl), st));
  s += t.get(mix(K.w, hl)) + t.get(mix(K.s3, S3[k]!));
  s += t.get(mix(mix(K.cap, cap), hl)) + t.get(mix(K.q, q)) + t.get(mix(mix(K.q, q), hl));
  s += t.get(mix(K.p1, p1)) + t.get(mix(K.p2, p2)) + t.get(mix(K.n1, n1)) + t.get(mix(K.n2, n2));
  s += t.get(mix(mix(K.p1w, p1), hl)) + t.get(mix(mix(K.wn1, hl), n1)) + t.get(mix(mix(mix(K.wn1n2, hl), n1), n2)) + t.get(mix(mix(mix(K.p2p1w, p2), p1), hl));
  s += t.get(mix(K.cp1, cp1)) + t.get(mix(K.cn1, cn1)) + t.get(mix(mix(K.cp2cp1, cp2), cp1)) + t.get(mix(mix(K.cn1cn2, cn1), cn2));
  s += t.get(mix(mix(K.cp1w, cp1), hl)) + t.get(mix(mix(K.wcn1, hl), cn1)) + t.get(mix(mix(mix(K.wcn1cn2, hl), cn1), cn2)) + t.get(mix(mix(mix(K.cp2cp1w, cp2), cp1), hl));
  s += t.get(mix(mix(K.cp1cn1, cp1), cn1)) + t.get(mix(mix(K.qs, qs), hl));
  s += t.get(mix(K.pos, pos)) + t.get(mix(mix(K.pos, pos), hl)) + t.get(mix(K.cap, cap));
  return s;
}

export function scoreCue(model: CueModel, feats: readonly string[]): number {
  let s = model.bias;
  for (const x of feats) s += model.table.get(featureKey(x));
  return s;
}

const scoreCache = new WeakMap<TokenView, WeakMap<CueModel, Float32Array>>();
const vocabCache = new WeakMap<TokenView, WeakMap<CueModel, Uint8Array>>();

/** The score and vocabulary arrays of the last view and model asked for (the stage asks token after token). */
const last: { view: TokenView | null; model: CueModel | null; scores: Float32Array; mask: Uint8Array } = { view: null, model: null, scores: new Float32Array(0), mask: new Uint8Array(0) };

function perViewModel<T>(cache: WeakMap<TokenView, WeakMap<CueModel, T>>, model: CueModel, view: TokenView, make: () => T): T {
  let byModel = cache.get(view);
  if (!byModel) cache.set(view, (byModel = new WeakMap()));
  let v = byModel.get(model);
  if (v === undefined) byModel.set(model, (v = make()));
  return v;
}

function remember(model: CueModel, view: TokenView): void {
  if (last.view === view && last.model === model) return;
  last.scores = perViewModel(scoreCache, model, view, () => new Float32Array(view.tokens.length).fill(Number.NaN));
  last.mask = perViewModel(vocabCache, model, view, () => {
    const mask = new Uint8Array(view.tokens.length);
    for (let k = 0; k < mask.length; k++) if (view.tokens[k]!.kind === 'word' && model.vocab.has(model.stems ? stemOf(view.lower[k]!) : view.lower[k]!)) mask[k] = 1;
    return mask;
  });
  last.view = view;
  last.model = model;
}

/**
 * scoreCueAt, computed once per token of a view and model (the rules and the sequence labeller both ask).
 */
export function cachedCueScore(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): number {
  remember(model, view);
  const scores = last.scores;
  let v = scores[k]!;
  if (Number.isNaN(v)) scores[k] = v = scoreCueAt(model, view, k, f, e, quoted);
  return v;
}

/** 1 for each token of a view that is a word of the model's vocabulary (computed once per view and model). */
export function vocabMask(model: CueModel, view: TokenView): Uint8Array {
  remember(model, view);
  return last.mask;
}

/** True when token k (in sentence [f, e)) is a cue according to the model. */
export function isCue(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): boolean {
  remember(model, view);
  if (last.mask[k] !== 1) return false;
  return cachedCueScore(model, view, k, f, e, quoted) > model.threshold;
}

export interface CueModelFile {
  about: string;
  vocab: string[];
  stems?: boolean;
  bias: number;
  threshold: number;
  weights: Record<string, number>;
}

export function cueModelFrom(file: CueModelFile): CueModel {
  return { vocab: new Set(file.vocab), stems: file.stems === true, table: new WeightTable(Object.entries(file.weights)), bias: file.bias, threshold: file.threshold };
}

export function cueModelPath(): string {
  return join(repoRoot(), 'models', 'quote-cues.json');
}

/** The committed model, or null when it has not been trained (the lexicon's cue list is used then). */
export function loadCueModel(path: string = cueModelPath()): CueModel | null {
  if (!existsSync(path)) return null;
  return cueModelFrom(JSON.parse(readFileSync(path, 'utf8')) as CueModelFile);
}
