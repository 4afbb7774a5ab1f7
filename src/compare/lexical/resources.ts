// Reads the files of data/lexical/ (written by scripts/build-lexical.mjs) into plain typed arrays.
// Nothing is read at import time: call loadLexicalResources() once and pass the result to createLexicon().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ParallaxError } from '../../model/errors.js';
import { repoRoot } from '../../shared-paths.js';

/** WordNet reduced to flat arrays: lemma and synset ids index them (see scripts/build-lexical.mjs). */
export interface WordNetTables {
  /** Lemmas, lower case, words joined by '_' ("set_on_fire"); the index is the lemma id. */
  lemmas: string[];
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

export function parseWordNet(json: string, subject = 'wordnet.json'): WordNetTables {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch (e) {
    throw new ParallaxError('E_PARSE', `not JSON (${(e as Error).message})`, subject);
  }
  if (typeof raw.lemmas !== 'string' || typeof raw.synPos !== 'string') throw new ParallaxError('E_PARSE', 'not a WordNet table', subject);
  const ints = {} as Record<(typeof INT_FIELDS)[number], Int32Array>;
  for (const f of INT_FIELDS) {
    const v = raw[f];
    if (!Array.isArray(v)) throw new ParallaxError('E_PARSE', `field ${f} missing`, subject);
    ints[f] = Int32Array.from(v as number[]);
  }
  const exc = (raw.exceptions ?? {}) as Partial<WordNetTables['exceptions']>;
  return {
    lemmas: raw.lemmas.split('\n'),
    synPos: raw.synPos,
    ...ints,
    exceptions: { noun: exc.noun ?? {}, verb: exc.verb ?? {}, adj: exc.adj ?? {} },
  };
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
  // Copy so that the typed arrays are aligned and own their memory.
  const scales = new Float32Array(n);
  scales.set(new Float32Array(buf.buffer.slice(buf.byteOffset + 12, buf.byteOffset + 12 + n * 4)));
  const data = new Int8Array(n * dim);
  data.set(new Int8Array(buf.buffer, buf.byteOffset + 12 + n * 4, n * dim));
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

/** Reads data/lexical/ (or `dir`): about 60 ms and 40 MB; do it once and pass the result around. */
export function loadLexicalResources(dir: string = defaultLexicalDir()): LexicalResources {
  const wnPath = join(dir, 'wordnet.json.gz');
  const wordnet = parseWordNet(gunzipSync(read(wnPath)).toString('utf8'), wnPath);
  const vecPath = join(dir, 'vectors.bin');
  const vectors = parseVectors(read(vecPath), read(join(dir, 'vectors.words.txt')).toString('utf8'), vecPath);
  const functionWords = parseFunctionWords(read(join(dir, 'function-words.txt')).toString('utf8'));
  const contrasts = parseContrasts(read(join(dir, 'contrasts.txt')).toString('utf8'));
  return { wordnet, vectors, functionWords, contrasts };
}
