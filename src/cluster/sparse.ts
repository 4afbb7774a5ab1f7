// Sparse vectors as parallel typed arrays sorted by term id: compact for 100k articles, fast to dot.

export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };

/** Keeps the `limit` heaviest entries, L2-normalises, sorts by id. */
export function toSparse(entries: Map<number, number>, limit: number): SparseVector {
  const ids = new Int32Array(entries.size);
  const weights = new Float64Array(entries.size);
  let k = 0;
  for (const [id, w] of entries) {
    ids[k] = id;
    weights[k++] = w;
  }
  return sparseFromArrays(ids, weights, limit);
}

/** toSparse over parallel arrays (distinct ids, any order); entries with weight <= 0 are dropped. */
export function sparseFromArrays(allIds: Int32Array, allW: Float64Array, limit: number): SparseVector {
  let k = 0;
  for (let i = 0; i < allIds.length; i++) {
    if (allW[i]! > 0) {
      allIds[k] = allIds[i]!;
      allW[k++] = allW[i]!;
    }
  }
  let order = Array.from({ length: k }, (_, i) => i);
  if (k > limit) order = order.sort((a, b) => allW[b]! - allW[a]! || allIds[a]! - allIds[b]!).slice(0, limit);
  order.sort((a, b) => allIds[a]! - allIds[b]!);
  let norm = 0;
  for (const i of order) norm += allW[i]! * allW[i]!;
  norm = Math.sqrt(norm) || 1;
  // Ids and weights share one buffer: per article the buffers' own bookkeeping outweighed small vectors
  // (1M articles, three vectors each).
  const buffer = new ArrayBuffer(order.length * 8);
  const ids = new Int32Array(buffer, 0, order.length);
  const weights = new Float32Array(buffer, order.length * 4, order.length);
  order.forEach((i, q) => {
    ids[q] = allIds[i]!;
    weights[q] = allW[i]! / norm;
  });
  return { ids, weights };
}

/** Dot product (cosine, since vectors are normalised). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      s += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Ids of the `k` heaviest entries. */
export function topIds(v: SparseVector, k: number): number[] {
  const order = [...v.ids.keys()].sort((a, b) => v.weights[b]! - v.weights[a]! || v.ids[a]! - v.ids[b]!);
  return order.slice(0, k).map((i) => v.ids[i]!);
}
