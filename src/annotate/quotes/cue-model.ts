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
  // The nearest word on the left that is not an auxiliary, adverb or negation: the subject when there is one
  // ("he often attacked", "Trump has repeatedly said").
  let sl = k - 1;
  while (sl >= f && sl > k - 5 && (AUX.has(view.lower[sl]!) || view.lower[sl]!.endsWith('ly') || view.lower[sl] === 'not' || view.lower[sl] === 'also')) sl--;
  const csl = cls(view, sl, f, e);
  // "that", a colon or a quotation mark soon after: a reported clause follows.
  let clause = '-';
  for (let i = k + 1; i < Math.min(e, k + 4); i++) {
    const x = view.lower[i]!;
    if (x === 'that' || x === ':' || OPEN_MARKS.has(x)) {
      clause = x === 'that' ? 'that' : x === ':' ? 'colon' : 'quote';
      break;
    }
  }
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

/** Weights in an open-addressing table keyed by the 32-bit hash of the feature string. */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  constructor(entries: [string, number][]) {
    let size = 1;
    while (size < entries.length * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.values = new Float32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const [k, v] of entries) {
      const h = fnv(FNV_START, k);
      let i = h & this.mask;
      while (this.used[i] === 1 && this.keys[i] !== h) i = (i + 1) & this.mask;
      this.used[i] = 1;
      this.keys[i] = h;
      this.values[i] = this.values[i]! + v;
    }
  }
  get(h: number): number {
    let i = h & this.mask;
    while (this.used[i] === 1) {
      if (this.keys[i] === h) return this.values[i]!;
      i = (i + 1) & this.mask;
    }
    return 0;
  }
}

/** Score of token k: the bias plus the weights of its features. */
export function scoreCueAt(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): number {
  let s = model.bias;
  emitCueFeatures(view, k, f, e, quoted, (a, b, c, d, x, y) => {
    let h = fnv(FNV_START, a);
    if (b !== undefined) h = fnv(h, b);
    if (c !== undefined) h = fnv(h, c);
    if (d !== undefined) h = fnv(h, d);
    if (x !== undefined) h = fnv(h, x);
    if (y !== undefined) h = fnv(h, y);
    s += model.table.get(h);
  });
  return s;
}

export function scoreCue(model: CueModel, feats: readonly string[]): number {
  let s = model.bias;
  for (const x of feats) s += model.table.get(fnv(FNV_START, x));
  return s;
}

const scoreCache = new WeakMap<TokenView, WeakMap<CueModel, Float32Array>>();

/**
 * scoreCueAt, computed once per token of a view and model (the rules and the sequence labeller both ask):
 * NaN when not yet computed.
 */
export function cachedCueScore(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): number {
  let byModel = scoreCache.get(view);
  if (!byModel) scoreCache.set(view, (byModel = new WeakMap()));
  let scores = byModel.get(model);
  if (!scores) byModel.set(model, (scores = new Float32Array(view.tokens.length).fill(Number.NaN)));
  let v = scores[k]!;
  if (Number.isNaN(v)) scores[k] = v = scoreCueAt(model, view, k, f, e, quoted);
  return v;
}

/** True when token k (in sentence [f, e)) is a cue according to the model. */
export function isCue(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): boolean {
  if (!model.vocab.has(model.stems ? stemOf(view.lower[k]!) : view.lower[k]!)) return false;
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
