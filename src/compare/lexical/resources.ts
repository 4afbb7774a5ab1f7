// Reads the files of data/lexical/ (written by scripts/build-lexical.mjs) into plain typed arrays.
// Nothing is read at import time: call loadLexicalResources() once and pass the result to createLexicon().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../model/errors.js';
import { repoRoot } from '../../shared-paths.js';

/** WordNet reduced to flat arrays: lemma and synset ids index them (see scripts/build-lexical.mjs). */
export interface WordNetTables {
  /** Lemmas, lower case, words joined by '_' ("set_on_fire"); the index is the lemma id. */
  lemmas: string[];
  /** Open-addressing table over the lemmas (FNV-1a, linear probing): slot = lemma id + 1, 0 = empty. */
  lemmaTable: Int32Array;
  /** Parts of speech of each lemma: bits n 1, v 2, a 4, r 8. */
  lemmaPos: Uint8Array;
  /** One character per synset: n, v, a (adjectives and satellites) or r. */
  synPos: string;
  /** lemmaSenses[lemmaSensesOff[l] .. lemmaSensesOff[l+1]) = synsets of lemma l, most frequent sense first. */
  lemmaSensesOff: Int32Array;
  lemmaSenses: Int32Array;
  synMembersOff: Int32Array;
  synMembers: Int32Array;
  /** Direct hypernyms (and instance hypernyms). */
  synHyperOff: Int32Array;
  synHyper: Int32Array;
  /** Similar-to (adjective clusters), also-see and attribute links. */
  synSimOff: Int32Array;
  synSim: Int32Array;
  /** Cause and entailment of verbs (kill > die). */
  synCauseOff: Int32Array;
  synCause: Int32Array;
  /** Lemma pairs (flat: a0, b0, a1, b1, ...): derivationally related forms, pertainyms, participles. */
  deriv: Int32Array;
  /** Antonym sense pairs, flat quadruples: lemma, its synset, antonym lemma, its synset. */
  anto: Int32Array;
  /** Morphy exception lists: inflected form -> base forms. */
  exceptions: { noun: Record<string, string[]>; verb: Record<string, string[]>; adj: Record<string, string[]> };
}

export interface WordVectors {
  /** Words in the embedding's frequency order (row i of the table; the index is a frequency rank). */
  words: string[];
  dim: number;
  /** Per-row scale: the unit vector of row i is data[i*dim .. (i+1)*dim) * scales[i]. */
  scales: Float32Array;
  data: Int8Array;
}

export interface LexicalResources {
  wordnet: WordNetTables;
  vectors: WordVectors;
  /** Words left out when phrases are aligned word by word. */
  functionWords: string[];
  /** Lines of groups of words: two words of different groups of one line name different facts of one kind. */
  contrasts: string[][][];
}

export function defaultLexicalDir(): string {
  return join(repoRoot(), 'data', 'lexical');
}

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ParallaxError('E_READ', `cannot read lexical resource (${(e as Error).message}); rebuild with node scripts/build-lexical.mjs`, path);
  }
}

const INT_FIELDS = [
  'lemmaTable',
  'lemmaSensesOff',
  'lemmaSenses',
  'synMembersOff',
  'synMembers',
  'synHyperOff',
  'synHyper',
  'synSimOff',
  'synSim',
  'synCauseOff',
  'synCause',
  'deriv',
  'anto',
] as const;

/** FNV-1a over UTF-16 code units: the hash scripts/build-lexical.mjs laid the lemma table out with. */
export function lemmaHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Section {
  name: string;
  type: 'i32' | 'u8' | 'utf8';
  offset: number;
  bytes: number;
}

/** Reads wordnet.bin: 'PLXW', header length, JSON header, then 4-byte aligned sections (typed-array views, no copy). */
export function parseWordNet(bin: Uint8Array, subject = 'wordnet.bin'): WordNetTables {
  // Typed-array views need the data 4-byte aligned in its ArrayBuffer.
  const buf = bin.byteOffset % 4 === 0 ? Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength) : Buffer.from(Uint8Array.prototype.slice.call(bin));
  const bad = (why: string) => new ParallaxError('E_PARSE', `not a Parallax WordNet table (${why}); rebuild with node scripts/build-lexical.mjs`, subject);
  if (buf.length < 8 || buf.toString('ascii', 0, 4) !== 'PLXW') throw bad('magic');
  const headLen = buf.readUInt32LE(4);
  if (8 + headLen > buf.length) throw bad('header length');
  let head: { sections?: Section[]; exceptions?: Partial<WordNetTables['exceptions']> };
  try {
    head = JSON.parse(buf.toString('utf8', 8, 8 + headLen)) as typeof head;
  } catch (e) {
    throw bad(`header: ${(e as Error).message}`);
  }
  const base = (8 + headLen + 3) & ~3;
  const sections = new Map((head.sections ?? []).map((x) => [x.name, x]));
  const section = (name: string, type: Section['type']): Section => {
    const x = sections.get(name);
    if (!x || x.type !== type || base + x.offset + x.bytes > buf.length || x.offset % 4 !== 0) throw bad(`section ${name}`);
    return x;
  };
  const text = (name: string) => {
    const x = section(name, 'utf8');
    return buf.toString('utf8', base + x.offset, base + x.offset + x.bytes);
  };
  const ints = {} as Record<(typeof INT_FIELDS)[number], Int32Array>;
  for (const f of INT_FIELDS) {
    const x = section(f, 'i32');
    ints[f] = new Int32Array(buf.buffer, buf.byteOffset + base + x.offset, x.bytes / 4);
  }
  const pos = section('lemmaPos', 'u8');
  const lemmas = text('lemmas').split('\n');
  const exc = head.exceptions ?? {};
  const tables: WordNetTables = {
    lemmas,
    synPos: text('synPos'),
    lemmaPos: new Uint8Array(buf.buffer, buf.byteOffset + base + pos.offset, pos.bytes),
    ...ints,
    exceptions: { noun: exc.noun ?? {}, verb: exc.verb ?? {}, adj: exc.adj ?? {} },
  };
  if (tables.lemmaPos.length !== lemmas.length || tables.lemmaSensesOff.length !== lemmas.length + 1 || tables.synMembersOff.length !== tables.synPos.length + 1) {
    throw bad('section sizes disagree');
  }
  return tables;
}

export function parseVectors(bin: Uint8Array, wordsText: string, subject = 'vectors.bin'): WordVectors {
  const buf = Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'PLXV') throw new ParallaxError('E_PARSE', 'not a Parallax vector table', subject);
  const n = buf.readUInt32LE(4);
  const dim = buf.readUInt32LE(8);
  if (buf.length !== 12 + n * 4 + n * dim) throw new ParallaxError('E_PARSE', `size ${buf.length} does not match ${n} x ${dim}`, subject);
  const words = wordsText.split('\n');
  if (words[words.length - 1] === '') words.pop();
  if (words.length !== n) throw new ParallaxError('E_PARSE', `${words.length} words for ${n} vectors`, subject);
  // Views on the file's bytes (copied only when the buffer is not 4-byte aligned for the float scales).
  const aligned = buf.byteOffset % 4 === 0 ? buf : Buffer.from(Uint8Array.prototype.slice.call(buf));
  const scales = new Float32Array(aligned.buffer, aligned.byteOffset + 12, n);
  const data = new Int8Array(aligned.buffer, aligned.byteOffset + 12 + n * 4, n * dim);
  return { words, dim, scales, data };
}

export function parseFunctionWords(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    for (const w of line.split(/\s+/)) if (w) out.push(w.toLowerCase());
  }
  return out;
}

export function parseContrasts(text: string): string[][][] {
  const out: string[][][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    out.push(line.split('|').map((g) => g.split(',').map((w) => w.trim().toLowerCase().replace(/\s+/g, '_')).filter(Boolean)));
  }
  return out;
}

/** Reads data/lexical/ (or `dir`): a few tens of ms; do it once and pass the result around. */
export function loadLexicalResources(dir: string = defaultLexicalDir()): LexicalResources {
  const wnPath = join(dir, 'wordnet.bin');
  const wordnet = parseWordNet(read(wnPath), wnPath);
  const vecPath = join(dir, 'vectors.bin');
  const vectors = parseVectors(read(vecPath), read(join(dir, 'vectors.words.txt')).toString('utf8'), vecPath);
  const functionWords = parseFunctionWords(read(join(dir, 'function-words.txt')).toString('utf8'));
  const contrasts = parseContrasts(read(join(dir, 'contrasts.txt')).toString('utf8'));
  return { wordnet, vectors, functionWords, contrasts };
}
