import { readFileSync } from 'node:fs';

/** Lower-cased word -> [coarse cluster, fine cluster]. A Map satisfies it (tests use one). */
export interface WordClusters {
  get(word: string): readonly [number, number] | undefined;
}

// 150,000 "word coarse fine" lines: building a Map of them took about 300 ms of every cold start (a third
// of a two-article `compare`). Here the file text stays one string and an open-addressing table of line
// offsets, filled by one pass over its characters, finds a word's line: about 20 ms to load.

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashWord(word: string): number {
  return hashRange(word, 0, word.length);
}

function parseIntAt(text: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + (text.charCodeAt(i) - 48);
  return v;
}

/** Word clusters from the text of data/ner/word-clusters.txt. */
export function wordClustersFromText(text: string): WordClusters {
  const starts: number[] = [];
  const wordEnds: number[] = [];
  const coarse: number[] = [];
  const fine: number[] = [];
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const sp1 = text.indexOf(' ', i);
    const sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
    if (sp1 > i && sp2 > sp1 && sp2 < nl) {
      starts.push(i);
      wordEnds.push(sp1);
      coarse.push(parseIntAt(text, sp1 + 1, sp2));
      fine.push(parseIntAt(text, sp2 + 1, nl));
    }
    i = nl + 1;
  }
  let size = 1;
  while (size < starts.length * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let line = 0; line < starts.length; line++) {
    let s = hashRange(text, starts[line]!, wordEnds[line]!) & mask;
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = line;
  }
  const sameWord = (line: number, word: string): boolean => {
    const start = starts[line]!;
    if (wordEnds[line]! - start !== word.length) return false;
    return text.startsWith(word, start);
  };
  return {
    get(word) {
      let s = hashWord(word) & mask;
      for (let line = slots[s]!; line !== -1; s = (s + 1) & mask, line = slots[s]!) {
        if (sameWord(line, word)) return [coarse[line]!, fine[line]!];
      }
      return undefined;
    },
  };
}

/** Reads data/ner/word-clusters.txt ("word coarse fine" lines). */
export function loadWordClusters(file: string): WordClusters {
  return wordClustersFromText(readFileSync(file, 'utf8'));
}
