import type { Gazetteer } from '../gazetteer.js';
import { gazetteerAt } from '../rule-spans.js';
import {
  ATOM_LOWER,
  ATOM_SHAPE,
  B_O1,
  B_O2,
  B_S1,
  B_S2,
  BOS,
  EOS,
  Featurizer,
  FEATURE_VERSION,
  HAS_LETTER,
  HAS_LOWER,
  isOpeningQuote,
  MAX_OFFSET,
  N_ATOMS,
  STARTS_LOWER,
  STARTS_UPPER,
  TITLE_CASE,
  U_OFF,
  U_SLOT,
  type FeatureResources,
} from './features.js';
import { mix } from './hash.js';
import { L, quantise, type TaggerModel } from './model.js';
import { viterbi } from './viterbi.js';
import type { WordClusters } from './word-clusters.js';

/**
 * Each word's id in the word-form table of `generation` (word-forms.ts), -1 for a word not in it: the
 * tagger then finds a word's type by id, not by the string.
 */
export interface WordIds {
  ids: Int32Array;
  generation: number;
}

export interface Tagger {
  /** IOB2 label indexes (model.LABELS) for the words of a document, sentence by sentence. */
  tagDocument(words: string[], sentences: { start: number; end: number }[], wordIds?: WordIds): Uint8Array;
  /** The summed int16 weights per token and label (tokens x L; times the model's scale = the scores): for tests. */
  emissions(words: string[], sentences: { start: number; end: number }[], wordIds?: WordIds): Int32Array;
}

const GAZ_KINDS = ['country', 'capital', 'region', 'adjective', 'organisation', 'acronym'];

/** Word-list flags and gazetteer codes from the gazetteers, as tagger features. */
export function gazetteerResources(gaz: Gazetteer, clusters: WordClusters): FeatureResources & { codes(words: string[]): Uint8Array } {
  return {
    clusters,
    wordListFlags(w) {
      let f = 0;
      if (gaz.isTitle(w)) f |= 1;
      if (gaz.orgHeads.has(w)) f |= 2;
      if (gaz.locHeads.has(w)) f |= 4;
      if (gaz.notEntity.has(w)) f |= 8;
      if (gaz.lowercaseRoles.has(w)) f |= 16;
      const e = gaz.lookup(w);
      if (e) f |= 32 << GAZ_KINDS.indexOf(e.kind);
      return f;
    },
    /** Per token: 0, or the kind of the gazetteer name covering it, *2, +1 at its first word. */
    codes(words) {
      const out = new Uint8Array(words.length);
      const view = { words };
      for (let i = 0; i < words.length; ) {
        const g = gazetteerAt(view, gaz, i);
        if (!g) {
          i++;
          continue;
        }
        const k = GAZ_KINDS.indexOf(g.entry.kind) + 1;
        for (let j = 0; j < g.n; j++) out[i + j] = k * 2 + (j === 0 ? 1 : 0);
        i += g.n;
      }
      return out;
    },
  };
}

/** Word types the tagger keeps summed weights for; the table starts again (between documents) past this. */
const MAX_TYPES = 100_000;
const W = 2 * MAX_OFFSET + 1;

/**
 * What the tagger knows of each word type, in flat typed arrays indexed by a type number: its atoms,
 * letter facts, and the summed weights of every feature that depends on the type alone or on it and
 * one sentence flag (so that a token costs one type lookup and its bigram lookups).
 */
class WordTypes {
  ids = new Map<string, number>();
  size = 0;
  capacity = 0;
  atoms = new Uint32Array(0);
  bits = new Uint8Array(0);
  lowers: string[] = [];
  /** Type number of the word's lower-case form when that occurs, -1 unknown. */
  lowerId = new Int32Array(0);
  /** Unigram weights: W offsets x L. */
  unigrams = new Int32Array(0);
  /**
   * Sentence-flag weights: [initial * 2 + upperSentence] x L (templates initial x lower/shape, upper x
   * lower/shape), each row with the type's own unigrams (offset 0) and the bias added.
   */
  flags = new Int32Array(0);
  /** The gazetteer-code x shape template for code 0 (no name), x L. */
  noName = new Int32Array(0);
  /** Document number in which the type was last seen in lower case / capitalised inside a sentence. */
  seenLower = new Int32Array(0);
  seenCapMid = new Int32Array(0);

  grow(): void {
    const cap = Math.max(1024, this.capacity * 2);
    const more = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, per: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * per);
      b.set(a);
      return b;
    };
    this.atoms = more(this.atoms, N_ATOMS);
    this.bits = more(this.bits, 1);
    this.lowerId = more(this.lowerId, 1);
    this.unigrams = more(this.unigrams, W * L);
    this.flags = more(this.flags, 4 * L);
    this.noName = more(this.noName, L);
    this.seenLower = more(this.seenLower, 1);
    this.seenCapMid = more(this.seenCapMid, 1);
    this.capacity = cap;
  }
}

/** Adjacent word-type pairs the tagger keeps bigram sums for; the table starts again (between documents) past this. */
const MAX_PAIRS = 1 << 17;

/**
 * The summed weights of the bigram templates per adjacent pair of word types (x, y): those that read
 * x at -1 and y at 0 (added to y's token) and those that read x at 0 and y at +1 (added to x's token),
 * so that a token costs one pair lookup instead of one feature lookup per bigram template. Open
 * addressing on [x + 1, y, row] triples (x + 1 = 0: empty); rows hold 2 x L sums (left, then right).
 */
class PairSums {
  slots: Int32Array;
  mask: number;
  size = 0;
  sums: Int32Array;
  constructor(capacity: number) {
    let n = 1;
    while (n < capacity * 2) n <<= 1;
    this.slots = new Int32Array(n * 3);
    this.mask = n - 1;
    this.sums = new Int32Array(Math.min(capacity, 4096) * 2 * L);
  }
  /** The row of (x, y), or the slot (as -1 - slot) where it goes. */
  find(x: number, y: number): number {
    const k = x + 1;
    const slots = this.slots;
    let i = mix(x, y) & this.mask;
    for (;;) {
      const at = i * 3;
      const s = slots[at]!;
      if (s === 0) return -1 - i;
      if (s === k && slots[at + 1] === y) return slots[at + 2]!;
      i = (i + 1) & this.mask;
    }
  }
  /** Adds (x, y) at the slot find returned, with a zeroed row. */
  add(slot: number, x: number, y: number): number {
    const row = this.size++;
    const at = slot * 3;
    this.slots[at] = x + 1;
    this.slots[at + 1] = y;
    this.slots[at + 2] = row;
    if ((row + 1) * 2 * L > this.sums.length) {
      const more = new Int32Array(this.sums.length * 2);
      more.set(this.sums);
      this.sums = more;
    }
    return row;
  }
}

export function createTagger(model: TaggerModel, resources: FeatureResources & { codes(words: string[]): Uint8Array }): Tagger {
  if (model.featureVersion !== FEATURE_VERSION) throw new Error(`NER model has feature version ${model.featureVersion}, code has ${FEATURE_VERSION}: retrain (scripts/train-ner.mjs)`);
  const featurizer = new Featurizer(resources);
  const { table, trans } = model;
  // Scores are sums of the saved int16 weights, exact in integers, times one scale.
  const { q, scale } = model.quantised ?? quantise(model.weights);
  const slots = table.slots;
  const mask = table.mask;
  /** Row of a feature hash, or -1 (IntTable.get inlined: this is most of the tagging time). */
  const rowOf = (h: number): number => {
    const k = h === 0 ? 1 : h | 0;
    let i = k & mask;
    for (;;) {
      const x = slots[i << 1]!;
      if (x === k) return slots[(i << 1) + 1]!;
      if (x === 0) return -1;
      i = (i + 1) & mask;
    }
  };
  /** Adds the weights of feature `h` to acc[at .. at + L). */
  const addFeature = (acc: Int32Array, at: number, h: number): void => {
    const r = rowOf(h);
    if (r < 0) return;
    const o = r * L;
    for (let y = 0; y < L; y++) acc[at + y]! += q[o + y]!;
  };
  // Template numbers as Featurizer.document counts them (unigrams first, then bigrams, then the rest).
  const NU = U_SLOT.length;
  const NB = B_S1.length;
  const T_BIGRAM = NU + 1;
  const T_INITIAL_LOWER = NU + NB + 1;
  const T_INITIAL_SHAPE = T_INITIAL_LOWER + 1;
  const T_SEEN_LOWER = T_INITIAL_LOWER + 2;
  const T_CAP_MID = T_INITIAL_LOWER + 3;
  const T_UPPER_LOWER = T_INITIAL_LOWER + 4;
  const T_UPPER_SHAPE = T_INITIAL_LOWER + 5;
  const T_NAME = T_INITIAL_LOWER + 6;
  const T_NAME_SHAPE = T_INITIAL_LOWER + 7;
  const T_BIAS = T_INITIAL_LOWER + 8;
  // Templates that read flags only: their weights per flag value.
  const table_ = (values: number, hashOf: (v: number) => number): Int32Array => {
    const out = new Int32Array(values * L);
    for (let v = 0; v < values; v++) addFeature(out, v * L, hashOf(v));
    return out;
  };
  const seenLowerW = table_(3, (v) => mix(T_SEEN_LOWER, v));
  const capMidW = table_(4, (v) => mix(T_CAP_MID, mix(v >> 1, v & 1)));
  const nameW = table_(256, (g) => mix(T_NAME, g));
  const biasW = table_(1, () => mix(T_BIAS, 0));

  // The sums per pair and the emission loop below are written for a window of two words each side.
  if (MAX_OFFSET !== 2) throw new Error(`the tagger sums unigrams at offsets -2..2, the features reach ${MAX_OFFSET}`);
  // Bigram templates read two adjacent words (checked here: the pair sums rely on it).
  for (let k = 0; k < NB; k++) {
    if (B_O2[k] !== B_O1[k]! + 1 || (B_O1[k] !== -1 && B_O1[k] !== 0)) throw new Error(`bigram template ${k} does not read two adjacent words`);
  }
  let types = new WordTypes();
  let pairs = new PairSums(MAX_PAIRS);
  let documents = 0;
  /** Type number + 1 of each word-form id (0: not known yet), for the table generation `formGeneration`. */
  let formType = new Int32Array(0);
  let formGeneration = -1;
  /** Row in pairs.sums of the adjacent types (x, y), computed on first sight. */
  const pairRow = (x: number, y: number): number => {
    const found = pairs.find(x, y);
    if (found >= 0) return found;
    const row = pairs.add(-1 - found, x, y);
    const sums = pairs.sums;
    const ax = x * N_ATOMS;
    const ay = y * N_ATOMS;
    for (let k = 0; k < NB; k++) {
      const at = (row * 2 + (B_O1[k] === -1 ? 0 : 1)) * L;
      addFeature(sums, at, mix(mix(T_BIGRAM + k, types.atoms[ax + B_S1[k]!]!), types.atoms[ay + B_S2[k]!]!));
    }
    // The unigram templates of the word before (x at -1, for y) and after (y at +1, for x).
    const u = types.unigrams;
    const before = x * W * L + (MAX_OFFSET - 1) * L;
    const after = y * W * L + (MAX_OFFSET + 1) * L;
    for (let l = 0; l < L; l++) {
      sums[row * 2 * L + l]! += u[before + l]!;
      sums[(row * 2 + 1) * L + l]! += u[after + l]!;
    }
    return row;
  };
  const typeOf = (w: string): number => {
    const known = types.ids.get(w);
    if (known !== undefined) return known;
    const id = types.size++;
    if (id >= types.capacity) types.grow();
    types.ids.set(w, id);
    const info = featurizer.compute(w);
    types.atoms.set(info.atoms, id * N_ATOMS);
    types.bits[id] = info.bits;
    types.lowers[id] = info.lower;
    types.lowerId[id] = -1;
    const a = info.atoms;
    const u = types.unigrams;
    const ub = id * W * L;
    for (let k = 0; k < NU; k++) addFeature(u, ub + (U_OFF[k]! + MAX_OFFSET) * L, mix(k + 1, a[U_SLOT[k]!]!));
    const f = types.flags;
    for (let initial = 0; initial < 2; initial++) {
      for (let up = 0; up < 2; up++) {
        const at = (id * 4 + initial * 2 + up) * L;
        addFeature(f, at, mix(T_INITIAL_LOWER, mix(initial, a[ATOM_LOWER]!)));
        addFeature(f, at, mix(T_INITIAL_SHAPE, mix(initial, a[ATOM_SHAPE]!)));
        addFeature(f, at, mix(T_UPPER_LOWER, mix(up, a[ATOM_LOWER]!)));
        addFeature(f, at, mix(T_UPPER_SHAPE, mix(up, a[ATOM_SHAPE]!)));
        // The word's own unigrams and the bias go with it whatever its flags: summed here once (integers: exact).
        for (let y = 0; y < L; y++) f[at + y]! += u[ub + MAX_OFFSET * L + y]! + biasW[y]!;
      }
    }
    addFeature(types.noName, id * L, mix(T_NAME_SHAPE, mix(0, a[ATOM_SHAPE]!)));
    return id;
  };

  /** typeOf by word-form id (the word's string when first seen). */
  const typeOfForm = (form: number, w: string): number => {
    if (form >= formType.length) {
      let n = Math.max(1024, formType.length);
      while (n <= form) n *= 2;
      const more = new Int32Array(n);
      more.set(formType);
      formType = more;
    }
    const known = formType[form]!;
    if (known > 0) return known - 1;
    const id = typeOf(w);
    formType[form] = id + 1;
    return id;
  };

  const emissions = (words: string[], sentences: { start: number; end: number }[], wordIds?: WordIds): Int32Array => {
    // Started again before a document that could take the table past the bound (one document's types at most beyond it).
    if (types.size + words.length > MAX_TYPES) {
      types = new WordTypes();
      pairs = new PairSums(MAX_PAIRS);
      documents = 0;
      formGeneration = -1;
    }
    const forms = wordIds && wordIds.generation >= 0 ? wordIds.ids : null;
    if (forms && formGeneration !== wordIds!.generation) {
      formType = new Int32Array(0);
      formGeneration = wordIds!.generation;
    }
    // Pairs are numbered by type: started again with the types, or alone past their bound.
    if (pairs.size + words.length + sentences.length > MAX_PAIRS) pairs = new PairSums(MAX_PAIRS);
    const doc = ++documents;
    const n = words.length;
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = forms && forms[i]! >= 0 ? typeOfForm(forms[i]!, words[i]!) : typeOf(words[i]!);
    const bos = typeOf(BOS);
    const eos = typeOf(EOS);
    const { atoms, bits, unigrams, flags, noName, seenLower, seenCapMid, lowerId } = types;
    // Document facts: which words occur in lower case, which capitalised inside a sentence.
    for (const s of sentences) {
      for (let i = s.start; i < s.end; i++) {
        const id = ids[i]!;
        const b = bits[id]!;
        if (b & STARTS_LOWER) seenLower[id] = doc;
        else if (i > s.start && b & TITLE_CASE) seenCapMid[id] = doc;
      }
    }
    const lowerSeen = (id: number): boolean => {
      let lo = lowerId[id]!;
      if (lo < 0) {
        // Every word of this document has its type by now: a lower-case form with none does not occur here.
        const found = types.ids.get(types.lowers[id]!);
        if (found === undefined) return false;
        lo = lowerId[id] = found;
      }
      return seenLower[lo] === doc;
    };
    const codes = resources.codes(words);
    const em = new Int32Array(n * L);
    let win = new Int32Array(0);
    let rowAt = new Int32Array(0);
    for (const s of sentences) {
      const len = s.end - s.start;
      if (win.length < len + 2 * MAX_OFFSET) win = new Int32Array(len + 2 * MAX_OFFSET);
      for (let k = 0; k < MAX_OFFSET; k++) {
        win[k] = bos;
        win[len + MAX_OFFSET + k] = eos;
      }
      let upperSentence = true;
      let letters = 0;
      for (let t = 0; t < len; t++) {
        const id = ids[s.start + t]!;
        win[t + MAX_OFFSET] = id;
        if (bits[id]! & HAS_LOWER) upperSentence = false;
        if (bits[id]! & HAS_LETTER) letters++;
      }
      const up = upperSentence && letters >= 2 ? 1 : 0;
      const firstIsQuote = len > 0 && isOpeningQuote(words[s.start]!);
      // Each adjacent pair of the window (pads included) once: its row of bigram and next-word sums.
      if (rowAt.length < len + 2 * MAX_OFFSET) rowAt = new Int32Array(len + 2 * MAX_OFFSET);
      for (let c = MAX_OFFSET - 1; c < len + MAX_OFFSET; c++) rowAt[c] = pairRow(win[c]!, win[c + 1]!);
      const sums = pairs.sums;
      for (let t = 0; t < len; t++) {
        const i = s.start + t;
        const eo = i * L;
        const c = t + MAX_OFFSET;
        const id = ids[i]!;
        const initial = t === 0 || (t === 1 && firstIsQuote) ? 1 : 0;
        const cap = bits[id]! & STARTS_UPPER;
        const fb = (id * 4 + initial * 2 + up) * L;
        const sl = (cap ? (lowerSeen(id) ? 1 : 2) : 0) * L;
        const cm = ((cap && seenCapMid[id] === doc ? 2 : 0) + initial) * L;
        const g = codes[i]!;
        const gl = g * L;
        // Pair (c - 1, c): its left half; pair (c, c + 1): its right half; the unigrams two words away (its own are in flags).
        const left = rowAt[c - 1]! * 2 * L;
        const right = (rowAt[c]! * 2 + 1) * L;
        const far0 = win[c - 2]! * W * L;
        const far4 = win[c + 2]! * W * L + 4 * L;
        if (g === 0) {
          const nn = id * L;
          for (let y = 0; y < L; y++) {
            em[eo + y] = sums[left + y]! + sums[right + y]! + unigrams[far0 + y]! + unigrams[far4 + y]! + flags[fb + y]! + seenLowerW[sl + y]! + capMidW[cm + y]! + nameW[gl + y]! + noName[nn + y]!;
          }
        } else {
          for (let y = 0; y < L; y++) {
            em[eo + y] = sums[left + y]! + sums[right + y]! + unigrams[far0 + y]! + unigrams[far4 + y]! + flags[fb + y]! + seenLowerW[sl + y]! + capMidW[cm + y]! + nameW[gl + y]!;
          }
          addFeature(em, eo, mix(T_NAME_SHAPE, mix(g, atoms[id * N_ATOMS + ATOM_SHAPE]!)));
        }
      }
    }
    return em;
  };

  return {
    emissions,
    tagDocument(words, sentences, wordIds) {
      const em = emissions(words, sentences, wordIds);
      const out = new Uint8Array(words.length);
      const maxLen = sentences.reduce((m, s) => Math.max(m, s.end - s.start), 1);
      const scores = new Float64Array(maxLen * L);
      const score = new Float64Array(maxLen * L);
      const back = new Uint8Array(maxLen * L);
      const pred = new Uint8Array(maxLen);
      for (const s of sentences) {
        const n = s.end - s.start;
        for (let j = 0; j < n * L; j++) scores[j] = em[s.start * L + j]! * scale;
        viterbi(scores, n, trans, pred, back, score);
        out.set(pred.subarray(0, n), s.start);
      }
      return out;
    },
  };
}
