// Word -> (stem, stopword?, hash), cached: clustering must stay cheap on 100k articles, and the
// vocabulary of a stream grows much more slowly than its token count.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import { repoRoot } from '../shared-paths.js';

export interface WordInfo {
  /** Porter stem of the lower-cased word ('' for stop words and numbers: not a feature). */
  stem: string;
  stop: boolean;
  /** 32-bit hash of the lower-cased word, for shingles. */
  hash: number;
}

export interface TokenInfo extends WordInfo {
  /** The token as written starts with a capital letter. */
  upper: boolean;
}

export interface Lexicon {
  info(lower: string): WordInfo;
  /** Info of a token as written (cached by its spelling: no lower-casing per occurrence). */
  token(raw: string): TokenInfo;
  isStop(lower: string): boolean;
}

/** FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** English stop words: the `stopword` package's list plus news function words (data/cluster/extra-stopwords.txt). */
export function loadStopwords(): Set<string> {
  const require = createRequire(import.meta.url);
  const { eng } = require('stopword') as { eng: string[] };
  const extra = readFileSync(join(repoRoot(), 'data', 'cluster', 'extra-stopwords.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase())
    .filter(Boolean);
  return new Set([...eng, ...extra]);
}

const DIGITS = /^[\p{N}.,]+$/u;

export function createLexicon(stopwords: Set<string> = loadStopwords(), numbers = true): Lexicon {
  const cache = new Map<string, WordInfo>();
  const tokens = new Map<string, TokenInfo>();
  return {
    token(raw) {
      let t = tokens.get(raw);
      if (t === undefined) {
        const lower = raw.toLowerCase();
        t = { ...this.info(lower), upper: raw.charCodeAt(0) !== lower.charCodeAt(0) };
        tokens.set(raw, t);
      }
      return t;
    },
    isStop: (lower) => stopwords.has(lower),
    info(lower) {
      let w = cache.get(lower);
      if (w === undefined) {
        const stop = stopwords.has(lower);
        // Numbers are kept as written ("300,000", "96"): the figures an event is reported with tell
        // apart two similar events (jobless claims of two different weeks).
        const stem = stop || lower.length < 2 ? '' : DIGITS.test(lower) ? (numbers ? lower : '') : stemmer(lower);
        w = { stem, stop, hash: fnv1a(lower) };
        cache.set(lower, w);
      }
      return w;
    },
  };
}
