import { ALLOWED, L } from './model.js';

// The labels allowed before each label y, ascending (the order a scan over all labels meets them): PREV[from[y] .. from[y + 1]).
const from = new Int32Array(L + 1);
const prevOf: number[] = [];
for (let y = 0; y < L; y++) {
  from[y] = prevOf.length;
  for (let p = 0; p < L; p++) if (ALLOWED[p * L + y]) prevOf.push(p);
}
from[L] = prevOf.length;
const PREV = Int32Array.from(prevOf);

/**
 * Best label sequence for tokens [0, n) given emission scores em[t * L + y] and transitions
 * trans[(prev) * L + y] (prev = L at the start). Writes labels into out[0..n).
 */
export function viterbi(em: Float64Array | Float32Array, n: number, trans: Float32Array | Float64Array, out: Uint8Array, back: Uint8Array, score: Float64Array): void {
  if (n === 0) return;
  for (let y = 0; y < L; y++) score[y] = ALLOWED[L * L + y] ? em[y]! + trans[L * L + y]! : -Infinity;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    const cur = t * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = from[y]!; j < from[y + 1]!; j++) {
        const p = PREV[j]!;
        const s = score[prev + p]! + trans[p * L + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cur + y] = best + em[cur + y]!;
      back[cur + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    if (score[last + y]! > best) {
      best = score[last + y]!;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) out[t - 1] = back[t * L + out[t]!]!;
}
