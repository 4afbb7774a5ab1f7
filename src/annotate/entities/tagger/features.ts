import { hashString, mix } from './hash.js';
import type { WordClusters } from './word-clusters.js';

// Feature extraction for the tagger. Every token gets exactly FEATURES_PER_TOKEN 32-bit feature hashes:
// atoms of a word type (form, shape, affixes, clusters, word-list flags) are computed once per type and
// cached; contextual features mix an atom of a neighbour with the template number.

/** What features may know about a word besides its letters. */
export interface FeatureResources {
  /** Lower-cased word -> [coarse cluster, fine cluster] (computed from word vectors; see data/ner/README.md). */
  clusters: WordClusters;
  /** Flags of a word type from the word lists (title, organisation head word...), as a small integer. */
  wordListFlags(word: string): number;
}

// Atom slots of a word type.
const A_WORD = 0;
const A_LOWER = 1;
const A_SHAPE = 2;
const A_PRE = 3; // 3..6: prefixes of 1..4 letters
const A_SUF = 7; // 7..10: suffixes of 1..4 letters
const A_CL1 = 11;
const A_CL2 = 12;
const A_CAPS = 13;
const A_LIST = 14;
export const N_ATOMS = 15;

/** (atom, offset) unigram templates. */
const UNIGRAMS: [number, number][] = [
  [A_WORD, 0], [A_LOWER, 0], [A_SHAPE, 0], [A_PRE, 0], [A_PRE + 1, 0], [A_PRE + 2, 0], [A_PRE + 3, 0],
  [A_SUF, 0], [A_SUF + 1, 0], [A_SUF + 2, 0], [A_SUF + 3, 0], [A_CL1, 0], [A_CL2, 0], [A_CAPS, 0], [A_LIST, 0],
  [A_LOWER, -1], [A_SHAPE, -1], [A_CL1, -1], [A_CL2, -1], [A_LIST, -1], [A_SUF + 2, -1],
  [A_LOWER, 1], [A_SHAPE, 1], [A_CL1, 1], [A_CL2, 1], [A_LIST, 1], [A_SUF + 2, 1],
  [A_LOWER, -2], [A_SHAPE, -2], [A_CL1, -2],
  [A_LOWER, 2], [A_SHAPE, 2], [A_CL1, 2],
];
/** (atom, offset, atom, offset) bigram templates. */
const BIGRAMS: [number, number, number, number][] = [
  [A_LOWER, -1, A_LOWER, 0],
  [A_LOWER, 0, A_LOWER, 1],
  [A_SHAPE, -1, A_SHAPE, 0],
  [A_SHAPE, 0, A_SHAPE, 1],
  [A_CL1, -1, A_SHAPE, 0],
  [A_SHAPE, 0, A_CL1, 1],
  [A_LOWER, -1, A_SHAPE, 0],
  [A_SHAPE, 0, A_LOWER, 1],
];
/** Sentence and document features (see docFeatures). */
const N_CONTEXT = 8;

export const FEATURES_PER_TOKEN = UNIGRAMS.length + BIGRAMS.length + N_CONTEXT + 1;
/** Bumped when templates change: a model records it and refuses features it was not trained with. */
export const FEATURE_VERSION = 1;

export const BOS = 'BOS\u0001';
export const EOS = 'EOS\u0001';

export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function capsClass(w: string): string {
  const len = w.length > 8 ? 'L' : w.length > 3 ? 'M' : String(w.length);
  if (/^\p{Lu}+$/u.test(w)) return 'AC' + len;
  if (/^\p{Lu}\p{Ll}+$/u.test(w)) return 'IC' + len;
  if (/^\p{Ll}+$/u.test(w)) return 'LC' + len;
  if (/^\p{Lu}/u.test(w)) return 'MX' + len;
  if (/\p{N}/u.test(w)) return 'NUM' + len;
  return 'OT' + len;
}

export const U_SLOT = Int32Array.from(UNIGRAMS.map((u) => u[0]));
export const U_OFF = Int32Array.from(UNIGRAMS.map((u) => u[1]));
/** Unigram templates look at most this far left or right. */
export const MAX_OFFSET = 2;
/** Features a token has besides its unigrams (bigrams, sentence and document features). */
export const REST_PER_TOKEN = BIGRAMS.length + N_CONTEXT + 1;
export const B_S1 = Int32Array.from(BIGRAMS.map((b) => b[0]));
export const B_O1 = Int32Array.from(BIGRAMS.map((b) => b[1]));
export const B_S2 = Int32Array.from(BIGRAMS.map((b) => b[2]));
export const B_O2 = Int32Array.from(BIGRAMS.map((b) => b[3]));
/** Atom slots the bigram and sentence templates read (the tagger keeps only these per word type). */
export const ATOM_LOWER = A_LOWER;
export const ATOM_SHAPE = A_SHAPE;

// Letter facts of a word type, cached with its atoms (bits).
export const STARTS_LOWER = 1;
export const TITLE_CASE = 2; // upper then lower ("Moscow")
export const HAS_LOWER = 4;
export const HAS_LETTER = 8;
export const STARTS_UPPER = 16;

/** A sentence whose first word is one of these starts at its second word for the `initial` feature. */
export const isOpeningQuote = (w: string): boolean => /^["“'‘(]$/.test(w);

export interface WordInfo {
  atoms: Uint32Array;
  bits: number;
  lower: string;
}

/** Computes features of tokens; caches word-type atoms (bounded, per instance). */
export class Featurizer {
  private cache = new Map<string, WordInfo>();
  constructor(private res: FeatureResources) {}

  atoms(w: string): Uint32Array {
    return this.info(w).atoms;
  }

  info(w: string): WordInfo {
    let info = this.cache.get(w);
    if (info) return info;
    info = this.compute(w);
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(w, info);
    return info;
  }

  /** The atoms and letter facts of a word type (not cached). */
  compute(w: string): WordInfo {
    const a = new Uint32Array(N_ATOMS);
    const lower = w.toLowerCase();
    a[A_WORD] = hashString('w' + w);
    a[A_LOWER] = hashString('l' + lower);
    a[A_SHAPE] = hashString('s' + shapeOf(w));
    for (let k = 0; k < 4; k++) {
      a[A_PRE + k] = hashString('p' + (lower.length > k ? lower.slice(0, k + 1) : lower + '_'));
      a[A_SUF + k] = hashString('x' + (lower.length > k ? lower.slice(-(k + 1)) : '_' + lower));
    }
    const cl = this.res.clusters.get(lower);
    a[A_CL1] = hashString('c' + (cl ? cl[0] : -1));
    a[A_CL2] = hashString('C' + (cl ? cl[1] : -1));
    a[A_CAPS] = hashString('k' + capsClass(w));
    a[A_LIST] = hashString('g' + this.res.wordListFlags(w));
    let bits = 0;
    if (/^\p{Ll}/u.test(w)) bits |= STARTS_LOWER;
    if (/^\p{Lu}\p{Ll}/u.test(w)) bits |= TITLE_CASE;
    if (/\p{Ll}/u.test(w)) bits |= HAS_LOWER;
    if (/\p{L}/u.test(w)) bits |= HAS_LETTER;
    if (/^\p{Lu}/u.test(w)) bits |= STARTS_UPPER;
    return { atoms: a, bits, lower };
  }

  /**
   * Features of a document: `words` with sentences as [start, end) token ranges. `gazetteer[i]` is a
   * small code for the gazetteer name covering token i (0 = none). Returns FEATURES_PER_TOKEN hashes a token.
   */
  document(words: string[], sentences: { start: number; end: number }[], gazetteer?: Uint8Array, unigrams = true): Uint32Array {
    // Without unigrams (the tagger sums their weights per word type): only REST_PER_TOKEN a token.
    const F = unigrams ? FEATURES_PER_TOKEN : REST_PER_TOKEN;
    const NU = U_SLOT.length;
    const NB = B_S1.length;
    const out = new Uint32Array(words.length * F);
    const bos = this.atoms(BOS);
    const eos = this.atoms(EOS);
    const infos: WordInfo[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) infos[i] = this.info(words[i]!);
    // Document facts: which words occur in lower case, which capitalised inside a sentence.
    const seenLower = new Set<string>();
    const seenCapMid = new Set<string>();
    for (const s of sentences) {
      for (let i = s.start; i < s.end; i++) {
        const b = infos[i]!.bits;
        if (b & STARTS_LOWER) seenLower.add(words[i]!);
        else if (i > s.start && b & TITLE_CASE) seenCapMid.add(words[i]!);
      }
    }
    // Atoms of a sentence with two pads each side.
    let win: Uint32Array[] = [];
    for (const s of sentences) {
      const n = s.end - s.start;
      if (win.length < n + 4) win = new Array(n + 4);
      win[0] = bos;
      win[1] = bos;
      win[n + 2] = eos;
      win[n + 3] = eos;
      let upperSentence = true;
      let letters = 0;
      for (let i = s.start; i < s.end; i++) {
        const info = infos[i]!;
        win[i - s.start + 2] = info.atoms;
        if (info.bits & HAS_LOWER) upperSentence = false;
        if (info.bits & HAS_LETTER) letters++;
      }
      if (letters < 2) upperSentence = false;
      const up = upperSentence ? 1 : 0;
      const firstIsQuote = isOpeningQuote(words[s.start]!);
      for (let i = s.start; i < s.end; i++) {
        const c = i - s.start + 2;
        let p = i * F;
        let t = 0;
        if (unigrams) for (let k = 0; k < NU; k++) out[p++] = mix(++t, win[c + U_OFF[k]!]![U_SLOT[k]!]!);
        else t = NU;
        for (let k = 0; k < NB; k++) out[p++] = mix(mix(++t, win[c + B_O1[k]!]![B_S1[k]!]!), win[c + B_O2[k]!]![B_S2[k]!]!);
        const info = infos[i]!;
        const a = info.atoms;
        const initial = i === s.start || (i === s.start + 1 && firstIsQuote) ? 1 : 0;
        const cap = info.bits & STARTS_UPPER;
        out[p++] = mix(++t, mix(initial, a[A_LOWER]!));
        out[p++] = mix(++t, mix(initial, a[A_SHAPE]!));
        out[p++] = mix(++t, cap ? (seenLower.has(info.lower) ? 1 : 2) : 0);
        out[p++] = mix(++t, mix(cap && seenCapMid.has(words[i]!) ? 1 : 0, initial));
        out[p++] = mix(++t, mix(up, a[A_LOWER]!));
        out[p++] = mix(++t, mix(up, a[A_SHAPE]!));
        const g = gazetteer ? gazetteer[i]! : 0;
        out[p++] = mix(++t, g);
        out[p++] = mix(++t, mix(g, a[A_SHAPE]!));
        out[p++] = mix(++t, 0); // bias
      }
    }
    return out;
  }
}
