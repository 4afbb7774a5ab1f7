import type { Gazetteer } from '../gazetteer.js';
import { gazetteerAt } from '../rule-spans.js';
import { BOS, EOS, Featurizer, FEATURE_VERSION, MAX_OFFSET, REST_PER_TOKEN, U_OFF, U_SLOT, type FeatureResources } from './features.js';
import { mix } from './hash.js';
import { L, type TaggerModel } from './model.js';
import { viterbi } from './viterbi.js';
import type { WordClusters } from './word-clusters.js';

export interface Tagger {
  /** IOB2 label indexes (model.LABELS) for the words of a document, sentence by sentence. */
  tagDocument(words: string[], sentences: { start: number; end: number }[]): Uint8Array;
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

export function createTagger(model: TaggerModel, resources: FeatureResources & { codes(words: string[]): Uint8Array }): Tagger {
  if (model.featureVersion !== FEATURE_VERSION) throw new Error(`NER model has feature version ${model.featureVersion}, code has ${FEATURE_VERSION}: retrain (scripts/train-ner.mjs)`);
  const featurizer = new Featurizer(resources);
  const F = REST_PER_TOKEN;
  const { table, weights, trans } = model;
  const slots = table.slots;
  const mask = table.mask;
  const W = 2 * MAX_OFFSET + 1;
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
  // Unigram features depend on one word only, so their summed weights are cached per word type:
  // vec[(off + MAX_OFFSET) * L + y] = what this word adds to label y of the token `off` places before
  // it (the token whose templates look `off` ahead).
  const vecs = new Map<string, Float32Array>();
  const vecOf = (w: string): Float32Array => {
    let v = vecs.get(w);
    if (v) return v;
    v = new Float32Array(W * L);
    const atoms = featurizer.atoms(w);
    for (let k = 0; k < U_SLOT.length; k++) {
      const r = rowOf(mix(k + 1, atoms[U_SLOT[k]!]!));
      if (r < 0) continue;
      const o = (U_OFF[k]! + MAX_OFFSET) * L;
      for (let y = 0; y < L; y++) v[o + y]! += weights[r * L + y]!;
    }
    if (vecs.size > 200_000) vecs.clear();
    vecs.set(w, v);
    return v;
  };
  return {
    tagDocument(words, sentences) {
      const feats = featurizer.document(words, sentences, resources.codes(words), false);
      const out = new Uint8Array(words.length);
      const maxLen = sentences.reduce((m, s) => Math.max(m, s.end - s.start), 1);
      const em = new Float32Array(maxLen * L);
      const score = new Float64Array(maxLen * L);
      const back = new Uint8Array(maxLen * L);
      const pred = new Uint8Array(maxLen);
      const bos = vecOf(BOS);
      const eos = vecOf(EOS);
      let win: Float32Array[] = [];
      for (const s of sentences) {
        const n = s.end - s.start;
        if (win.length < n + 2 * MAX_OFFSET) win = new Array(n + 2 * MAX_OFFSET);
        for (let k = 0; k < MAX_OFFSET; k++) {
          win[k] = bos;
          win[n + MAX_OFFSET + k] = eos;
        }
        for (let t = 0; t < n; t++) win[t + MAX_OFFSET] = vecOf(words[s.start + t]!);
        em.fill(0, 0, n * L);
        for (let t = 0; t < n; t++) {
          const eo = t * L;
          for (let off = -MAX_OFFSET; off <= MAX_OFFSET; off++) {
            const v = win[t + MAX_OFFSET + off]!;
            const o = (off + MAX_OFFSET) * L;
            for (let y = 0; y < L; y++) em[eo + y]! += v[o + y]!;
          }
          const base = (s.start + t) * F;
          for (let f = base; f < base + F; f++) {
            const r = rowOf(feats[f]!);
            if (r < 0) continue;
            const o = r * L;
            for (let y = 0; y < L; y++) em[eo + y]! += weights[o + y]!;
          }
        }
        viterbi(em, n, trans, pred, back, score);
        out.set(pred.subarray(0, n), s.start);
      }
      return out;
    },
  };
}
