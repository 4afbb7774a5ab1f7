import { FEATURES_PER_TOKEN, FEATURE_VERSION } from '../annotate/entities/tagger/features.js';
import { IntTable } from '../annotate/entities/tagger/hash.js';
import { L, type TaggerModel } from '../annotate/entities/tagger/model.js';
import { viterbi } from '../annotate/entities/tagger/viterbi.js';

// Structured averaged perceptron (Collins 2002) over a first-order chain with IOB2 constraints.

export interface TrainDoc {
  /** TrainOptions.featuresPerToken hashes a token. */
  feats: Uint32Array;
  gold: Uint8Array;
  /**
   * Tokens whose label is not known exactly: a bit mask of the labels they may take (bit y for label y; 0 = the
   * gold label). Training takes the best such sequence under the current weights as gold (a latent-variable perceptron).
   */
  free?: Uint16Array;
  sentences: { start: number; end: number }[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are left out. */
  minCount: number;
  /** Called after each epoch with the averaged model so far (e.g. to score a dev set). */
  onEpoch?: (epoch: number, model: TaggerModel) => void;
  log?: (line: string) => void;
  /** Feature hashes per token (default the English tagger's FEATURES_PER_TOKEN). */
  featuresPerToken?: number;
}

export interface Trained {
  model: TaggerModel;
  /** Row keys in row order (for serialisation). */
  keys: Uint32Array;
}

export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainPerceptron(docs: TrainDoc[], opts: TrainOptions): Trained {
  const F = opts.featuresPerToken ?? FEATURES_PER_TOKEN;
  // Count features, keep the frequent ones as rows.
  const counter = new IntTable(1 << 20);
  let counts = new Int32Array(1 << 20);
  for (const d of docs) {
    for (let i = 0; i < d.feats.length; i++) {
      const r = counter.add(d.feats[i]!);
      if (r >= counts.length) {
        const c = new Int32Array(counts.length * 2);
        c.set(counts);
        counts = c;
      }
      counts[r]!++;
    }
  }
  const table = new IntTable(counter.size);
  const keyList: number[] = [];
  const rowsOf = docs.map((d) => {
    const rows = new Int32Array(d.feats.length);
    for (let i = 0; i < d.feats.length; i++) {
      const h = d.feats[i]!;
      if (counts[counter.get(h)]! < opts.minCount) rows[i] = -1;
      else {
        const before = table.size;
        rows[i] = table.add(h);
        if (table.size > before) keyList.push(h);
      }
    }
    return rows;
  });
  const R = table.size;
  opts.log?.(`${counter.size} features, ${R} kept (seen >= ${opts.minCount} times)`);
  const w = new Float32Array(R * L);
  const u = new Float64Array(R * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  let c = 1;
  const sentences: [number, number][] = [];
  docs.forEach((d, di) => d.sentences.forEach((_, si) => sentences.push([di, si])));
  const maxLen = Math.max(1, ...docs.flatMap((d) => d.sentences.map((s) => s.end - s.start)));
  const em = new Float64Array(maxLen * L);
  const score = new Float64Array(maxLen * L);
  const back = new Uint8Array(maxLen * L);
  const pred = new Uint8Array(maxLen);
  const latent = new Uint8Array(maxLen);
  const fixedEm = new Float64Array(maxLen * L);
  const transF = new Float64Array((L + 1) * L);
  const rand = mulberry32(opts.seed);
  const bump = (rows: Int32Array, t: number, y: number, d: number) => {
    for (let f = t * F; f < (t + 1) * F; f++) {
      const r = rows[f]!;
      if (r < 0) continue;
      w[r * L + y]! += d;
      u[r * L + y]! += c * d;
    }
  };
  const averaged = (): TaggerModel => {
    const wa = new Float32Array(R * L);
    for (let i = 0; i < wa.length; i++) wa[i] = w[i]! - u[i]! / c;
    const ta = new Float32Array((L + 1) * L);
    for (let i = 0; i < ta.length; i++) ta[i] = tw[i]! - tu[i]! / c;
    return { featureVersion: FEATURE_VERSION, table, weights: wa, trans: ta, meta: {} };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
    }
    let errors = 0;
    for (const [di, si] of sentences) {
      const d = docs[di]!;
      const rows = rowsOf[di]!;
      const s = d.sentences[si]!;
      const n = s.end - s.start;
      em.fill(0, 0, n * L);
      for (let t = 0; t < n; t++) {
        for (let f = (s.start + t) * F; f < (s.start + t + 1) * F; f++) {
          const r = rows[f]!;
          if (r < 0) continue;
          const o = r * L;
          for (let y = 0; y < L; y++) em[t * L + y]! += w[o + y]!;
        }
      }
      transF.set(tw);
      viterbi(em, n, transF, pred, back, score);
      // The sequence trained towards: the gold labels, or where some are unknown, the best sequence that keeps the known ones.
      let gold: Uint8Array = d.gold.subarray(s.start, s.end);
      if (d.free && d.free.subarray(s.start, s.end).some((m) => m !== 0)) {
        for (let t = 0; t < n; t++) {
          const allowed = d.free[s.start + t] || 1 << d.gold[s.start + t]!;
          for (let y = 0; y < L; y++) fixedEm[t * L + y] = allowed & (1 << y) ? em[t * L + y]! : -1e12;
        }
        viterbi(fixedEm, n, transF, latent, back, score);
        gold = latent;
      }
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const g = gold[t]!;
        const p = pred[t]!;
        const gp = t === 0 ? L : gold[t - 1]!;
        const pp = t === 0 ? L : pred[t - 1]!;
        if (g !== p) {
          wrong = true;
          bump(rows, s.start + t, g, 1);
          bump(rows, s.start + t, p, -1);
        }
        if (g !== p || gp !== pp) {
          tw[gp * L + g]! += 1;
          tu[gp * L + g]! += c;
          tw[pp * L + p]! -= 1;
          tu[pp * L + p]! -= c;
        }
      }
      if (wrong) errors++;
      c++;
    }
    opts.log?.(`epoch ${epoch}: ${errors} of ${sentences.length} sentences wrong`);
    opts.onEpoch?.(epoch, averaged());
  }
  return { model: averaged(), keys: Uint32Array.from(keyList) };
}

/** Drops rows whose weights are all near zero (smaller model, same tags in practice). */
export function pruneModel(t: Trained, threshold: number): Trained {
  const { model, keys } = t;
  const keep: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let m = 0;
    for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(model.weights[r * L + y]!));
    if (m >= threshold) keep.push(r);
  }
  const table = new IntTable(keep.length);
  const weights = new Float32Array(keep.length * L);
  const newKeys = new Uint32Array(keep.length);
  keep.forEach((r, i) => {
    table.add(keys[r]!);
    newKeys[i] = keys[r]!;
    weights.set(model.weights.subarray(r * L, (r + 1) * L), i * L);
  });
  return { model: { ...model, table, weights }, keys: newKeys };
}
