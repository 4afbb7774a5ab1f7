// The lexicon: base forms (morphy), WordNet relations and word-vector similarity over the tables of
// resources.ts. Built once per process by createLexicon(resources); every lookup is a few hash and
// typed-array reads. The API is documented in ./index.ts.
import type { LexicalResources, WordNetTables } from './resources.js';
import { plainApostrophes } from '../../annotate/lower-case.js';

export type Pos = 'n' | 'v' | 'a' | 'r';
export type Relation = 'same' | 'synonym' | 'derivation' | 'hypernym' | 'antonym' | 'similar' | 'cohyponym';

export interface Related {
  relation: Relation | null;
  /** 0..1: how close in meaning (antonyms score high: they speak of the same thing). */
  score: number;
  /** Where the relation comes from: 'wordnet', 'wordnet-cause' (kill > die), 'vectors', 'phrase'. */
  via?: string;
}

export interface AlignedUnit {
  /** The unit of the first phrase (a word, or a multi-word lemma such as "set on fire"). */
  a: string;
  /** Its best counterpart in the second phrase, or null when nothing there is related. */
  b: string | null;
  relation: Relation | null;
  score: number;
  /** Weight in the phrase score (rarer words weigh more). */
  weight: number;
  /** Paired one-to-one (false: a unit left over on the longer side, scored by its best match). */
  oneToOne: boolean;
}

export interface PhraseAlignment {
  /** Weighted best-match average over the content units of both sides, 0..1. */
  score: number;
  unitsA: string[];
  unitsB: string[];
  /** For each unit of A its best counterpart in B, then for each unit of B its best in A (as a = B's unit). */
  pairs: AlignedUnit[];
  /** Unit pairs that are antonyms ("rise" / "fall"): a sign of contradiction, not of a different topic. */
  antonyms: { a: string; b: string }[];
  /** Units whose best counterpart is only a co-hyponym ("killed" / "injured"): likely two different facts. */
  contrasts: { a: string; b: string }[];
}

export interface Lexicon {
  lemmas(word: string, pos?: Pos | 'noun' | 'verb' | 'adj' | 'adv'): string[];
  synonyms(lemma: string, pos?: Pos | 'noun' | 'verb' | 'adj' | 'adv'): string[];
  areSynonyms(a: string, b: string): boolean;
  antonyms(lemma: string): string[];
  related(a: string, b: string): Related;
  similarity(a: string, b: string): number;
  phraseSimilarity(tokensA: readonly string[] | string, tokensB: readonly string[] | string): number;
  alignPhrases(tokensA: readonly string[] | string, tokensB: readonly string[] | string): PhraseAlignment;
  /**
   * Whether some unit of one phrase and some unit of the other are one lemma or synonyms (directly or through their
   * words), leaving out pairs whose two units `ignore` both: what alignPhrases must find for an exact pair, at a
   * fraction of its cost (no alignment is built).
   */
  sharesWord(tokensA: readonly string[] | string, tokensB: readonly string[] | string, ignore: (unit: string) => boolean): boolean;
  /** Content units of a phrase: multi-word lemmas joined, function words dropped ("set on fire", "building"). */
  units(tokens: readonly string[] | string): string[];
  /** Weight of a word in phrase scores: 0.35 for the most frequent words up to 1 for rare ones. */
  weight(word: string): number;
  hasVector(word: string): boolean;
  /** Whether a noun's first (most frequent) sense is a kind of `ancestor` (any depth of hypernyms): "reveller" is a kind of "person", "count" is not. */
  isKindOf(noun: string, ancestor: string): boolean;
}

/** Scores of the WordNet relations (before the vector cosine may raise them). */
export const RELATION_SCORES = {
  same: 1,
  synonymTop: 0.95,
  synonymPerRank: 0.04,
  derivation: 0.85,
  derivation2: 0.75,
  cause: 0.72,
  hypernym1: 0.78,
  hypernym2: 0.68,
  wordnetSimilar: 0.74,
  antonym: 0.75,
  /** Two kinds of one thing (killed / injured, Monday / Tuesday): capped below the threshold. */
  cohyponym: 0.45,
} as const;
/** Factor on a phrase score for each unit whose best counterpart is only a co-hyponym ("people killed" / "people injured"). */
export const CONTRAST_FACTOR = 0.7;
/** Cosine from which two words count as 'similar' by their vectors alone. */
export const VECTOR_SIMILAR = 0.5;
/** Senses of a word (per part of speech, most frequent first) that hypernym, antonym and cause links use. */
const TOP_SENSES = 3;

/** Entries a per-process cache of the lexicon keeps before it starts afresh (bounds memory on long runs). */
const CACHE_LIMIT = 200_000;

const POS_LIST: readonly Pos[] = ['n', 'v', 'a', 'r'];
const POS_BIT: Record<string, number> = { n: 1, v: 2, a: 4, r: 8 };
const POS_ALIAS: Record<string, Pos> = { n: 'n', v: 'v', a: 'a', r: 'r', s: 'a', noun: 'n', verb: 'v', adj: 'a', adjective: 'a', adv: 'r', adverb: 'r' };

// Morphy's detachment rules (WordNet morph.c), plus -ied/-ier/-iest -> y.
const RULES: Record<Pos, readonly (readonly [string, string])[]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ied', 'y'], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  r: [],
};
const DOUBLED = /([bdgklmnprtvz])\1$/;

/** Lower case, typographic apostrophes plain, inner spaces and hyphens of a phrase as '_'. */
export function normalizeWord(s: string): string {
  return plainApostrophes(s.toLowerCase())
    .trim()
    .replace(/\s+/g, '_');
}
const display = (lemma: string) => lemma.replace(/_/g, ' ');
const EDGE_PUNCT = /^[^\p{L}\p{N}']+|[^\p{L}\p{N}]+$/gu;

function adjacency(pairs: Int32Array, n: number): { off: Int32Array; vals: Int32Array } {
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < pairs.length; i += 2) {
    deg[pairs[i]! + 1]!++;
    deg[pairs[i + 1]! + 1]!++;
  }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const fill = deg.slice(0, n);
  const vals = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1]!;
    vals[fill[a]!++] = b;
    vals[fill[b]!++] = a;
  }
  return { off: deg, vals };
}

export function createLexicon(resources: LexicalResources): Lexicon {
  const wn: WordNetTables = resources.wordnet;
  const vec = resources.vectors;
  const nLemmas = wn.lemmas.length;
  const lemmaIndex = new Map<string, number>();
  wn.lemmas.forEach((l, i) => lemmaIndex.set(l, i));
  const posMask = new Uint8Array(nLemmas);
  for (let l = 0; l < nLemmas; l++) {
    for (let k = wn.lemmaSensesOff[l]!; k < wn.lemmaSensesOff[l + 1]!; k++) posMask[l]! |= POS_BIT[wn.synPos[wn.lemmaSenses[k]!]!]!;
  }
  const deriv = adjacency(wn.deriv, nLemmas);
  // Antonymy between senses (synset -> antonym synsets) and between words (lemma -> antonym lemmas).
  const antoSynPairs: number[] = [];
  const antoLemmaPairs: number[] = [];
  for (let i = 0; i + 3 < wn.anto.length; i += 4) {
    antoLemmaPairs.push(wn.anto[i]!, wn.anto[i + 2]!);
    antoSynPairs.push(wn.anto[i + 1]!, wn.anto[i + 3]!);
  }
  const antoSyn = adjacency(Int32Array.from(antoSynPairs), wn.synPos.length);
  const anto = adjacency(Int32Array.from(antoLemmaPairs), nLemmas);
  const vecIndex = new Map<string, number>();
  vec.words.forEach((w, i) => vecIndex.set(w, i));
  const functionWords = new Set(resources.functionWords);
  const contrastIndex = new Map<string, [number, number][]>();
  resources.contrasts.forEach((groups, line) =>
    groups.forEach((words, group) => {
      for (const w of words) contrastIndex.set(w, [...(contrastIndex.get(w) ?? []), [line, group]]);
    }),
  );
  /** Relations of word pairs: first word -> second word -> relation (the pair ordered). */
  const memo = new Map<string, Map<string, Related>>();
  const collocationCache = new Map<string, string | null>();
  // First words of multi-word lemmas: only a window starting with one can be a collocation.
  const mweFirst = new Set<string>();
  for (const l of wn.lemmas) {
    const k = l.indexOf('_');
    if (k > 0) mweFirst.add(l.slice(0, k));
  }

  const range = (off: Int32Array, vals: Int32Array, i: number) => vals.subarray(off[i]!, off[i + 1]!);
  const sensesOf = (l: number) => range(wn.lemmaSensesOff, wn.lemmaSenses, l);
  const membersOf = (s: number) => range(wn.synMembersOff, wn.synMembers, s);
  const hypersOf = (s: number) => range(wn.synHyperOff, wn.synHyper, s);
  const simsOf = (s: number) => range(wn.synSimOff, wn.synSim, s);
  const causesOf = (s: number) => range(wn.synCauseOff, wn.synCause, s);
  const hasPos = (w: string, p: Pos) => {
    const id = lemmaIndex.get(w);
    return id !== undefined && (posMask[id]! & POS_BIT[p]!) !== 0;
  };
  // A lemma reference is id * 16 + the parts of speech it may have here: "defeated" is the verb "defeat"
  // (never the noun), "defeat" itself is either.
  const idOf = (ref: number) => ref >>> 4;
  /** Each sense of a lemma (of its allowed parts of speech) with its rank among the senses of that part of speech. */
  function rankedSenses(ref: number): { syn: number; rank: number }[] {
    const out: { syn: number; rank: number }[] = [];
    const seen: Record<string, number> = {};
    const mask = ref & 15 || 15;
    for (const s of sensesOf(idOf(ref))) {
      const p = wn.synPos[s]!;
      const rank = seen[p] ?? 0;
      seen[p] = rank + 1;
      if (POS_BIT[p]! & mask) out.push({ syn: s, rank });
    }
    return out;
  }
  const topSenses = (ref: number) => rankedSenses(ref).filter((x) => x.rank < TOP_SENSES);

  // ------------------------------------------------------------------ morphology
  function excFor(p: Pos): Record<string, string[]> | undefined {
    return p === 'n' ? wn.exceptions.noun : p === 'v' ? wn.exceptions.verb : p === 'a' ? wn.exceptions.adj : undefined;
  }
  function morphWord(w: string, p: Pos, out: string[]): void {
    const push = (x: string) => {
      if (hasPos(x, p) && !out.includes(x)) out.push(x);
    };
    const exc = excFor(p);
    if (exc && Object.hasOwn(exc, w)) for (const b of exc[w]!) push(b);
    push(w);
    for (const [suf, end] of RULES[p]) {
      if (!w.endsWith(suf) || w.length <= suf.length + 1) continue;
      const stem = w.slice(0, w.length - suf.length);
      push(stem + end);
      if (end === '' && DOUBLED.test(stem)) push(stem.slice(0, -1));
    }
  }
  function morph(w: string, p: Pos): string[] {
    const out: string[] = [];
    morphWord(w, p, out);
    if (out.length === 0 && w.includes('_')) {
      // A collocation: inflect one word of it at a time ("sets_fire", "death_tolls").
      const parts = w.split('_');
      for (let i = 0; i < parts.length; i++) {
        for (const q of POS_LIST) {
          const bases: string[] = [];
          morphWord(parts[i]!, q, bases);
          for (const b of bases) {
            const cand = [...parts.slice(0, i), b, ...parts.slice(i + 1)].join('_');
            if (hasPos(cand, p) && !out.includes(cand)) out.push(cand);
          }
        }
      }
    }
    return out;
  }
  // Base forms of a word are asked for again and again (every comparison of every phrase): computed once.
  const lemmaStringsCache = new Map<string, string[]>();
  /** Lemma strings ('_'-joined) of a normalised word, in the order nouns, verbs, adjectives, adverbs (do not modify). */
  function lemmaStrings(w: string, pos?: Pos): string[] {
    if (pos) return morph(w, pos);
    let out = lemmaStringsCache.get(w);
    if (out) return out;
    out = [];
    if (lemmaIndex.has(w)) out.push(w);
    for (const p of POS_LIST) for (const x of morph(w, p)) if (!out.includes(x)) out.push(x);
    if (lemmaStringsCache.size > CACHE_LIMIT) lemmaStringsCache.clear();
    lemmaStringsCache.set(w, out);
    return out;
  }
  /** Lemma references of a word: the word itself with all its parts of speech, its base forms with theirs. */
  function lemmaIds(w: string): number[] {
    const masks = new Map<number, number>();
    const own = lemmaIndex.get(w);
    if (own !== undefined) masks.set(own, posMask[own]!);
    for (const p of POS_LIST) {
      for (const x of morph(w, p)) {
        const id = lemmaIndex.get(x)!;
        masks.set(id, (masks.get(id) ?? 0) | POS_BIT[p]!);
      }
    }
    return [...masks].map(([id, m]) => id * 16 + m);
  }
  const toPos = (pos?: string): Pos | undefined => (pos ? POS_ALIAS[pos.toLowerCase()] : undefined);

  // ------------------------------------------------------------------ vectors
  function row(w: string): number | undefined {
    const r = vecIndex.get(w);
    if (r !== undefined) return r;
    for (const l of lemmaStrings(w)) {
      const r2 = vecIndex.get(l);
      if (r2 !== undefined) return r2;
    }
    return undefined;
  }
  /** Unit-length mean vector of the words of w ("death_toll" -> death + toll), or null. */
  function vectorOf(w: string): Float32Array | null {
    const parts = w.includes('_') || w.includes(' ') ? w.split(/[_ ]+/).filter((x) => !functionWords.has(x)) : [w];
    const acc = new Float32Array(vec.dim);
    let n = 0;
    for (const p of parts) {
      const r = row(p);
      if (r === undefined) continue;
      const s = vec.scales[r]!;
      const base = r * vec.dim;
      for (let d = 0; d < vec.dim; d++) acc[d]! += vec.data[base + d]! * s;
      n++;
    }
    if (n === 0) return null;
    let norm = 0;
    for (let d = 0; d < vec.dim; d++) norm += acc[d]! * acc[d]!;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    for (let d = 0; d < vec.dim; d++) acc[d]! /= norm;
    return acc;
  }
  function rowCosine(ra: number, rb: number): number {
    const a = ra * vec.dim;
    const b = rb * vec.dim;
    let dot = 0;
    for (let d = 0; d < vec.dim; d++) dot += vec.data[a + d]! * vec.data[b + d]!;
    return dot * vec.scales[ra]! * vec.scales[rb]!;
  }
  function cosine(a: string, b: string): number {
    if (!a.includes('_') && !b.includes('_')) {
      const ra = row(a);
      const rb = row(b);
      return ra === undefined || rb === undefined ? 0 : rowCosine(ra, rb);
    }
    const va = vectorOf(a);
    const vb = vectorOf(b);
    if (!va || !vb) return 0;
    let dot = 0;
    for (let d = 0; d < vec.dim; d++) dot += va[d]! * vb[d]!;
    return dot;
  }
  function weight(w: string): number {
    let best: number | undefined;
    for (const p of w.split(/[_ ]+/)) {
      if (functionWords.has(p)) continue;
      const r = row(p);
      if (r === undefined) return 1;
      best = best === undefined ? r : Math.max(best, r);
    }
    if (best === undefined) return 0.35;
    return 0.35 + 0.65 * Math.min(1, Math.log1p(best) / Math.log1p(30000));
  }

  // ------------------------------------------------------------------ WordNet relations
  // Synset depth (shortest hypernym path to a root): a shared ancestor near the root ("change", "be",
  // "abstraction") says nothing about two words being kinds of one thing.
  const synDepth = new Int16Array(wn.synPos.length).fill(-1);
  function depthOf(s: number): number {
    const stack = [s];
    while (stack.length) {
      const x = stack[stack.length - 1]!;
      if (synDepth[x]! >= 0) {
        stack.pop();
        continue;
      }
      const hs = hypersOf(x);
      let best = -1;
      let pending = false;
      for (const h of hs) {
        if (synDepth[h]! >= 0) best = best < 0 ? synDepth[h]! + 1 : Math.min(best, synDepth[h]! + 1);
        else if (!stack.includes(h)) {
          stack.push(h);
          pending = true;
        }
      }
      if (pending) continue;
      synDepth[x] = best < 0 ? 0 : best;
      stack.pop();
    }
    return synDepth[s]!;
  }
  const COHYPONYM_MIN_DEPTH: Record<string, number> = { n: 5, v: 1, a: 1, r: 1 };

  /** What one word brings to every comparison, computed once per word. */
  interface WordInfo {
    strings: string[];
    refs: number[];
    ids: number[];
    /** Every sense of the word's lemmas with its rank (per part of speech). */
    senseRank: Map<number, number>;
    /** Main senses (rank < TOP_SENSES). */
    top: Set<number>;
    /** Hypernyms of the main senses, 1 or 2 levels up. */
    up: Map<number, number>;
    /** Main senses and their direct hypernyms, and the words of those hypernyms. */
    topAndHyper: Set<number>;
    hyperWords: Set<number>;
    family: Map<number, { f: number; cause: boolean }>;
    antoSyns: Set<number>;
    /** Direct antonyms and the words of antonym senses. */
    antoWords: Set<number>;
    sims: Set<number>;
    /** Contrast-list groups: line -> group within the line. */
    contrast: Map<number, number>;
  }
  const infoCache = new Map<string, WordInfo>();
  function info(w: string): WordInfo {
    let i = infoCache.get(w);
    if (i) return i;
    if (infoCache.size > CACHE_LIMIT) infoCache.clear();
    const strings = lemmaStrings(w);
    const refs = lemmaIds(w);
    const senseRank = new Map<number, number>();
    const top = new Set<number>();
    for (const r of refs) {
      for (const { syn, rank } of rankedSenses(r)) {
        if (!senseRank.has(syn) || senseRank.get(syn)! > rank) senseRank.set(syn, rank);
        if (rank < TOP_SENSES) top.add(syn);
      }
    }
    const up = new Map<number, number>();
    const topAndHyper = new Set<number>(top);
    const hyperWords = new Set<number>();
    const sims = new Set<number>();
    for (const syn of top) {
      for (const h1 of hypersOf(syn)) {
        up.set(h1, 1);
        topAndHyper.add(h1);
        for (const m of membersOf(h1)) hyperWords.add(m);
        for (const h2 of hypersOf(h1)) if (!up.has(h2)) up.set(h2, 2);
      }
      for (const x of simsOf(syn)) sims.add(x);
    }
    const family = new Map<number, { f: number; cause: boolean }>();
    const antoSyns = new Set<number>();
    const antoWords = new Set<number>();
    for (const r of refs) {
      for (const [k, v] of familyOf(r)) {
        const cur = family.get(k);
        if (!cur || cur.f < v.f) family.set(k, v);
      }
      for (const x of antonymSyns(r)) antoSyns.add(x);
      for (const x of range(anto.off, anto.vals, idOf(r))) antoWords.add(x);
    }
    for (const s of antoSyns) for (const m of membersOf(s)) antoWords.add(m);
    const contrast = new Map<number, number>();
    for (const x of [w, ...strings]) for (const [line, group] of contrastIndex.get(x) ?? []) contrast.set(line, group);
    i = { strings, refs, ids: refs.map(idOf), senseRank, top, up, topAndHyper, hyperWords, family, antoSyns, antoWords, sims, contrast };
    infoCache.set(w, i);
    return i;
  }

  function synonymScore(a: WordInfo, b: WordInfo): number {
    let best = 0;
    for (const [syn, ra] of a.senseRank) {
      const rb = b.senseRank.get(syn);
      if (rb === undefined) continue;
      const s = RELATION_SCORES.synonymTop - RELATION_SCORES.synonymPerRank * (Math.min(ra, 5) + Math.min(rb, 5));
      if (s > best) best = s;
    }
    return best;
  }
  /** Lemmas one step away: derivations and the members of caused/entailed synsets (kill > die). */
  function familyOf(ref: number): Map<number, { f: number; cause: boolean }> {
    const out = new Map<number, { f: number; cause: boolean }>([[idOf(ref), { f: 1, cause: false }]]);
    const add = (x: number, f: number, cause: boolean) => {
      const cur = out.get(x);
      if (!cur || cur.f < f) out.set(x, { f, cause });
    };
    for (const x of range(deriv.off, deriv.vals, idOf(ref))) add(x, RELATION_SCORES.derivation, false);
    for (const { syn } of topSenses(ref)) for (const c of causesOf(syn)) for (const m of membersOf(c)) add(m, RELATION_SCORES.cause, true);
    return out;
  }
  function derivationScore(a: WordInfo, b: WordInfo): { score: number; cause: boolean } {
    let best = { score: 0, cause: false };
    for (const [x, ea] of a.family) {
      const eb = b.family.get(x);
      if (!eb || (ea.f === 1 && eb.f === 1)) continue;
      // Two derivation steps (die -> death <- dead) score a little lower than one.
      const s = ea.f === 1 || eb.f === 1 ? ea.f * eb.f : Math.min(ea.f, eb.f) * (RELATION_SCORES.derivation2 / RELATION_SCORES.derivation);
      if (s > best.score) best = { score: s, cause: ea.cause || eb.cause };
    }
    return best;
  }
  function hypernymScore(a: WordInfo, b: WordInfo): number {
    let best = 0;
    for (const [up, down] of [
      [a.up, b.top],
      [b.up, a.top],
    ] as const) {
      for (const s of down) {
        const lv = up.get(s);
        if (lv !== undefined) best = Math.max(best, lv === 1 ? RELATION_SCORES.hypernym1 : RELATION_SCORES.hypernym2);
      }
    }
    return best;
  }
  /** Two words' main senses share a hypernym 1-2 levels up that is not near the root of the taxonomy. */
  function areCohyponyms(a: WordInfo, b: WordInfo): boolean {
    for (const [s] of a.up) if (b.up.has(s) && depthOf(s) >= COHYPONYM_MIN_DEPTH[wn.synPos[s]!]!) return true;
    return false;
  }
  function inContrastList(a: WordInfo, b: WordInfo): boolean {
    for (const [line, g] of a.contrast) {
      const h = b.contrast.get(line);
      if (h !== undefined && h !== g) return true;
    }
    return false;
  }
  function wordnetSimilarScore(a: WordInfo, b: WordInfo): number {
    for (const s of a.sims) if (b.top.has(s)) return RELATION_SCORES.wordnetSimilar;
    for (const s of b.sims) if (a.top.has(s)) return RELATION_SCORES.wordnetSimilar;
    return 0;
  }
  /** Synsets opposite to a lemma's main senses (for an adjective satellite, those of its cluster's head). */
  function antonymSyns(ref: number): Set<number> {
    const out = new Set<number>();
    for (const { syn } of topSenses(ref)) {
      for (const x of range(antoSyn.off, antoSyn.vals, syn)) out.add(x);
      if (wn.synPos[syn] === 'a') for (const head of simsOf(syn)) for (const x of range(antoSyn.off, antoSyn.vals, head)) out.add(x);
    }
    return out;
  }
  /**
   * A word of b is a direct antonym of a, or one of b's main senses is (or is directly under) a sense
   * opposite to a main sense of a, or shares a word with one (confirm <-> negate; deny is to contradict/negate).
   */
  function antonymous(a: WordInfo, b: WordInfo): boolean {
    if (a.antoWords.size === 0) return false;
    for (const id of b.ids) if (a.antoWords.has(id)) return true;
    for (const s of b.topAndHyper) if (a.antoSyns.has(s)) return true;
    for (const m of b.hyperWords) if (a.antoWords.has(m)) return true;
    return false;
  }

  function wordRelation(a: string, b: string): Related {
    if (a === b) return { relation: 'same', score: 1, via: 'wordnet' };
    const ia = info(a);
    const ib = info(b);
    if (ia.strings.some((x) => ib.strings.includes(x))) return { relation: 'same', score: 1, via: 'wordnet' };
    const cos = Math.max(0, cosine(a, b));
    if (inContrastList(ia, ib)) return { relation: 'cohyponym', score: Math.min(cos, RELATION_SCORES.cohyponym), via: 'contrast-list' };
    if (ia.refs.length && ib.refs.length) {
      if (antonymous(ia, ib) || antonymous(ib, ia)) return { relation: 'antonym', score: Math.max(RELATION_SCORES.antonym, cos), via: 'wordnet' };
      const cands: Related[] = [];
      const syn = synonymScore(ia, ib);
      if (syn > 0) cands.push({ relation: 'synonym', score: syn, via: 'wordnet' });
      const der = derivationScore(ia, ib);
      if (der.score > 0) cands.push(der.cause ? { relation: 'similar', score: der.score, via: 'wordnet-cause' } : { relation: 'derivation', score: der.score, via: 'wordnet' });
      const hyp = hypernymScore(ia, ib);
      if (hyp > 0) cands.push({ relation: 'hypernym', score: hyp, via: 'wordnet' });
      const sim = wordnetSimilarScore(ia, ib);
      if (sim > 0) cands.push({ relation: 'similar', score: sim, via: 'wordnet' });
      if (cands.length) {
        const best = cands.reduce((x, y) => (y.score > x.score ? y : x));
        return { ...best, score: Math.max(best.score, cos) };
      }
      // Vectors put co-hyponyms close (Monday / Tuesday 0.99): WordNet tells them apart.
      if (areCohyponyms(ia, ib)) return { relation: 'cohyponym', score: Math.min(cos, RELATION_SCORES.cohyponym), via: 'wordnet' };
    }
    if (cos >= VECTOR_SIMILAR) return { relation: 'similar', score: cos, via: 'vectors' };
    return { relation: null, score: cos };
  }
  function memoRelation(a: string, b: string): Related {
    // (Plain conditionals: this runs for every pair of units aligned.)
    const first = a < b;
    const x = first ? a : b;
    const y = first ? b : a;
    let inner = memo.get(x);
    if (!inner) {
      if (memo.size > CACHE_LIMIT) {
        memo.clear();
        // (The relations of units are read from these: they start afresh with them.)
        unitPairs = new WeakMap();
      }
      memo.set(x, (inner = new Map()));
    }
    let r = inner.get(y);
    if (!r) {
      r = wordRelation(a, b);
      inner.set(y, r);
    }
    return r;
  }

  // ------------------------------------------------------------------ phrases
  interface Unit {
    text: string;
    /** The content words it was made of (for an expression found through a synonym, the words as written). */
    parts: string[];
    weight: number;
  }
  function tokenize(t: readonly string[] | string): string[] {
    const raw = typeof t === 'string' ? t.split(/\s+/) : t.flatMap((x) => x.split(/\s+/));
    return raw.map((x) => normalizeWord(x.replace(EDGE_PUNCT, ''))).filter((x) => x.length > 0);
  }
  /** A WordNet collocation spelled by these words, inflected ("sets fire") or with a synonym ("set alight"). */
  function collocation(words: string[]): string | undefined {
    const w0 = words[0]!;
    if (functionWords.has(w0)) return undefined;
    if (!mweFirst.has(w0) && !lemmaStrings(w0).some((x) => mweFirst.has(x))) return undefined;
    const joined = words.join('_');
    if (collocationCache.has(joined)) return collocationCache.get(joined) ?? undefined;
    if (collocationCache.size > CACHE_LIMIT) collocationCache.clear();
    const found = findCollocation(words, joined);
    collocationCache.set(joined, found ?? null);
    return found;
  }
  function findCollocation(words: string[], joined: string): string | undefined {
    const direct = lemmaStrings(joined);
    if (direct.length) return direct[0];
    if (words.length === 2) {
      const last = lemmaIds(words[1]!);
      for (const l of last) {
        for (const { syn } of topSenses(l)) {
          for (const m of membersOf(syn)) {
            const cand = lemmaStrings(`${words[0]}_${wn.lemmas[m]}`);
            if (cand.length) return cand[0];
          }
        }
      }
    }
    return undefined;
  }
  // The same statement is reduced to units for each statement it is compared with: once per phrase.
  const unitsCache = new Map<string, Unit[]>();
  function unitsOf(t: readonly string[] | string): Unit[] {
    const key = typeof t === 'string' ? t : t.join(' ');
    let units = unitsCache.get(key);
    if (!units) {
      if (unitsCache.size > CACHE_LIMIT / 10) unitsCache.clear();
      unitsCache.set(key, (units = unitsOfTokens(tokenize(t))));
    }
    return units;
  }
  function unitsOfTokens(toks: string[]): Unit[] {
    const out: Unit[] = [];
    let i = 0;
    while (i < toks.length) {
      let taken = false;
      for (let len = Math.min(4, toks.length - i); len >= 2 && !taken; len--) {
        const words = toks.slice(i, i + len);
        if (words.some((w) => w.includes('_'))) continue;
        const c = collocation(words);
        if (c) {
          const parts = words.filter((w) => !functionWords.has(w));
          out.push({ text: c, parts, weight: weight(c) });
          i += len;
          taken = true;
        }
      }
      if (taken) continue;
      const w = toks[i]!;
      if (!functionWords.has(w) && /[\p{L}\p{N}]/u.test(w)) out.push({ text: w, parts: [w], weight: weight(w) });
      i++;
    }
    return out;
  }
  /** Keys of a unit and its words under which 'same' and 'synonym' relations can hold (see sharesWord). */
  const keysCache = new Map<string, string[]>();
  function wordKeys(w: string): string[] {
    let keys = keysCache.get(w);
    if (!keys) {
      if (keysCache.size > CACHE_LIMIT) keysCache.clear();
      const i = info(w);
      keysCache.set(w, (keys = [`w:${w}`, ...i.strings.map((x) => `s:${x}`), ...[...i.senseRank.keys()].map((x) => `n:${x}`)]));
    }
    return keys;
  }
  function unitKeys(u: Unit): Set<string> {
    const out = new Set(wordKeys(u.text));
    for (const p of u.parts) for (const k of wordKeys(p)) out.add(k);
    return out;
  }
  /** A phrase's units with their keys, and the units under each key (phrases are compared again and again). */
  const keyedCache = new Map<string, { units: Unit[]; keys: Set<string>[]; byKey: Map<string, number[]> }>();
  function keyedUnits(t: readonly string[] | string) {
    const key = typeof t === 'string' ? t : t.join(' ');
    let out = keyedCache.get(key);
    if (!out) {
      if (keyedCache.size > CACHE_LIMIT / 10) keyedCache.clear();
      const units = unitsOf(t);
      const keys = units.map(unitKeys);
      const byKey = new Map<string, number[]>();
      keys.forEach((ks, j) => {
        for (const k of ks) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(j);
      });
      keyedCache.set(key, (out = { units, keys, byKey }));
    }
    return out;
  }
  // The relation of each pair of units (by the units themselves: a phrase's units are made once and kept with it),
  // as unitRelation reads it from the word relations: aligning a phrase again looks each cell up once.
  let unitPairs = new WeakMap<Unit, Map<Unit, Related>>();
  function unitRelation(u: Unit, v: Unit): Related {
    let row = unitPairs.get(u);
    if (!row) unitPairs.set(u, (row = new Map()));
    let r = row.get(v);
    if (!r) {
      r = readUnitRelation(u, v);
      row.set(v, r);
    }
    return r;
  }
  function readUnitRelation(u: Unit, v: Unit): Related {
    let best = memoRelation(u.text, v.text);
    // An expression also matches through its own words ("set on fire" found from "set alight" vs "fire").
    if (u.parts.length > 1 || v.parts.length > 1 || u.parts[0] !== u.text || v.parts[0] !== v.text) {
      for (const p of u.parts) {
        for (const q of v.parts) {
          if (p === u.text && q === v.text) continue;
          const r = memoRelation(p, q);
          const s = r.score * 0.9;
          if (s > best.score) best = { ...r, score: s };
        }
      }
    }
    return best;
  }
  function align(ta: readonly string[] | string, tb: readonly string[] | string): PhraseAlignment {
    const ua = unitsOf(ta);
    const ub = unitsOf(tb);
    const result: PhraseAlignment = { score: 0, unitsA: ua.map((u) => display(u.text)), unitsB: ub.map((u) => display(u.text)), pairs: [], antonyms: [], contrasts: [] };
    if (ua.length === 0 || ub.length === 0) return result;
    // The relation of every unit of A with every unit of B (row by row) and its score.
    const nb = ub.length;
    const cells: Related[] = new Array(ua.length * nb);
    const score = new Float64Array(ua.length * nb);
    for (let i = 0; i < ua.length; i++) {
      for (let j = 0; j < nb; j++) {
        const r = unitRelation(ua[i]!, ub[j]!);
        cells[i * nb + j] = r;
        score[i * nb + j] = r.score;
      }
    }
    const m = (i: number, j: number) => cells[i * nb + j]!;
    // One-to-one first (greedy on score), so that "people killed" / "people injured" pairs killed with
    // injured rather than with people; units left over on the longer side take their best match.
    // (The best free cell, again and again: the cells in order of score, then i, then j, skipping taken rows and
    // columns, without sorting them all. Each free row keeps its best free column, the first of its highest positive
    // scores; the best cell is the first row's of the highest, and only the rows whose best column is taken look again.)
    const matchA = new Array<number>(ua.length).fill(-1);
    const matchB = new Array<number>(ub.length).fill(-1);
    const rowBest = new Int32Array(ua.length);
    const bestIn = (i: number) => {
      let best = -1;
      for (let j = 0; j < nb; j++) if (matchB[j] === -1 && score[i * nb + j]! > 0 && (best < 0 || score[i * nb + j]! > score[i * nb + best]!)) best = j;
      return best;
    };
    for (let i = 0; i < ua.length; i++) rowBest[i] = bestIn(i);
    for (let taken = 0; taken < Math.min(ua.length, nb); taken++) {
      let bi = -1;
      for (let i = 0; i < ua.length; i++) if (matchA[i] === -1 && rowBest[i]! >= 0 && (bi < 0 || score[i * nb + rowBest[i]!]! > score[bi * nb + rowBest[bi]!]!)) bi = i;
      if (bi < 0) break;
      const bj = rowBest[bi]!;
      matchA[bi] = bj;
      matchB[bj] = bi;
      for (let i = 0; i < ua.length; i++) if (matchA[i] === -1 && rowBest[i] === bj) rowBest[i] = bestIn(i);
    }
    let num = 0;
    let den = 0;
    const side = (from: Unit[], to: Unit[], match: number[], get: (i: number, j: number) => Related) => {
      from.forEach((u, i) => {
        let bj = match[i]!;
        const oneToOne = bj >= 0;
        if (bj < 0) to.forEach((_, j) => (bj < 0 || get(i, j).score > get(i, bj).score) && (bj = j));
        const br: Related = bj >= 0 ? get(i, bj) : { relation: null, score: 0 };
        num += u.weight * br.score;
        den += u.weight;
        result.pairs.push({ a: display(u.text), b: bj >= 0 && br.relation ? display(to[bj]!.text) : null, relation: br.relation, score: br.score, weight: u.weight, oneToOne });
      });
    };
    side(ua, ub, matchA, (i, j) => m(i, j));
    side(ub, ua, matchB, (i, j) => m(j, i));
    result.score = den > 0 ? num / den : 0;
    for (const p of result.pairs) {
      if (p.relation !== 'cohyponym' || !p.b || !p.oneToOne) continue;
      if (!result.contrasts.some((c) => (c.a === p.a && c.b === p.b) || (c.a === p.b && c.b === p.a))) {
        result.contrasts.push({ a: p.a, b: p.b });
        result.score *= CONTRAST_FACTOR;
      }
    }
    matchA.forEach((j, i) => j >= 0 && m(i, j).relation === 'antonym' && result.antonyms.push({ a: display(ua[i]!.text), b: display(ub[j]!.text) }));
    return result;
  }

  const ORDER: Relation[] = ['same', 'synonym', 'derivation', 'hypernym', 'similar', 'cohyponym'];
  // Words as given -> normalised, and whether one WordNet lemma (the same words come in over and over).
  const asGiven = new Map<string, { norm: string; single: boolean }>();
  function given(w: string): { norm: string; single: boolean } {
    let g = asGiven.get(w);
    if (!g) {
      const norm = normalizeWord(w);
      g = { norm, single: !norm.includes('_') || lemmaStrings(norm).length > 0 };
      if (asGiven.size > CACHE_LIMIT) asGiven.clear();
      asGiven.set(w, g);
    }
    return g;
  }
  function related(a: string, b: string): Related {
    const ga = given(a);
    const gb = given(b);
    if (ga.single && gb.single) return memoRelation(ga.norm, gb.norm);
    const al = align(a, b);
    if (al.antonyms.length) return { relation: 'antonym', score: al.score, via: 'phrase' };
    if (al.score < VECTOR_SIMILAR) return { relation: null, score: al.score, via: 'phrase' };
    // The phrase is as close as its loosest unit paired one-to-one.
    let worst = 0;
    for (const p of al.pairs) {
      if (!p.oneToOne) continue;
      const k = p.relation ? ORDER.indexOf(p.relation) : ORDER.length - 1;
      if (k > worst) worst = k;
    }
    return { relation: ORDER[worst]!, score: al.score, via: 'phrase' };
  }

  const kindMemo = new Map<string, boolean>();
  function isKindOf(noun: string, ancestor: string): boolean {
    const key = `${noun}\u0000${ancestor}`;
    const known = kindMemo.get(key);
    if (known !== undefined) return known;
    const target = new Set<number>();
    for (const l of lemmaStrings(normalizeWord(ancestor), 'n')) for (const s of sensesOf(lemmaIndex.get(l)!)) if (wn.synPos[s] === 'n') target.add(s);
    let frontier: number[] = [];
    for (const l of lemmaStrings(normalizeWord(noun), 'n')) {
      const first = [...sensesOf(lemmaIndex.get(l)!)].find((s) => wn.synPos[s] === 'n');
      if (first !== undefined) frontier.push(first);
    }
    const seen = new Set<number>(frontier);
    let found = false;
    for (let depth = 0; depth < 16 && frontier.length && !found; depth++) {
      const next: number[] = [];
      for (const s of frontier) {
        if (target.has(s)) found = true;
        for (const h of hypersOf(s)) if (!seen.has(h)) seen.add(h), next.push(h);
      }
      frontier = next;
    }
    kindMemo.set(key, found);
    return found;
  }

  return {
    isKindOf,
    lemmas(word, pos) {
      const w = normalizeWord(word);
      const out = lemmaStrings(w, toPos(pos));
      return (out.length ? out : [w]).map(display);
    },
    synonyms(lemma, pos) {
      const p = toPos(pos);
      const out: string[] = [];
      const w = normalizeWord(lemma);
      for (const l of lemmaStrings(w, p)) {
        const id = lemmaIndex.get(l)!;
        for (const s of sensesOf(id)) {
          if (p && wn.synPos[s] !== p) continue;
          for (const m of membersOf(s)) {
            const x = display(wn.lemmas[m]!);
            if (m !== id && !out.includes(x)) out.push(x);
          }
        }
      }
      return out;
    },
    areSynonyms(a, b) {
      return synonymScore(info(normalizeWord(a)), info(normalizeWord(b))) > 0;
    },
    antonyms(lemma) {
      const out: string[] = [];
      const add = (x: number) => {
        const d = display(wn.lemmas[x]!);
        if (!out.includes(d)) out.push(d);
      };
      for (const l of lemmaIds(normalizeWord(lemma))) {
        for (const x of range(anto.off, anto.vals, idOf(l))) add(x);
        for (const s of antonymSyns(l)) for (const m of membersOf(s)) add(m);
      }
      return out;
    },
    related,
    similarity(a, b) {
      return Math.max(-1, Math.min(1, cosine(normalizeWord(a), normalizeWord(b))));
    },
    phraseSimilarity(ta, tb) {
      return align(ta, tb).score;
    },
    alignPhrases: align,
    sharesWord(ta, tb, ignore) {
      // Two units are one lemma or synonyms (directly or through their words) only if their keys meet: the word
      // itself, its lemmas, its synsets (what wordRelation reads for 'same' and 'synonym').
      const a = keyedUnits(ta);
      const b = keyedUnits(tb);
      for (let i = 0; i < a.units.length; i++) {
        // (Whether the unit is ignored is asked only once one of its keys meets the other phrase.)
        let ignoredU: boolean | undefined;
        for (const k of a.keys[i]!) {
          const js = b.byKey.get(k);
          if (!js) continue;
          ignoredU ??= ignore(display(a.units[i]!.text));
          if (js.some((j) => !ignoredU || !ignore(display(b.units[j]!.text)))) return true;
        }
      }
      return false;
    },
    units(t) {
      return unitsOf(t).map((u) => display(u.text));
    },
    weight(w) {
      return weight(normalizeWord(w));
    },
    hasVector(w) {
      return row(normalizeWord(w)) !== undefined;
    },
  };
}
