// Fast word scanning for the clusterer. One pass over the characters finds exactly the words that
// WORD_PATTERN finds (a regex per word plus a Map lookup per token string was most of the cost of
// clustering 100k articles); each word is hashed as written and looked up in an open-addressing table
// of the spellings seen so far, so only a new spelling allocates a string. An entry carries what
// clustering needs: the term id of its stem, the hash of its lower-case form (shingles), whether it
// starts with a capital letter and whether it is a stop word.
import type { Lexicon } from './lexicon.js';

/** The words of a text: letter/number runs joined by ' ’ . - or by a thousands comma. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:(?:['’.\-]|,(?=\p{N}{3}))[\p{L}\p{N}]+)*/gu;

const NONE = 1;
const LETTER = 2;
const NUMBER = 3;

/** Class of every UTF-16 code unit (surrogates are NONE: pairs are classified one by one). */
const CLASS: Uint8Array = (() => {
  const out = new Uint8Array(65536);
  const letter = /\p{L}/u;
  const number = /\p{N}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) out[c] = NONE;
    else {
      const s = String.fromCharCode(c);
      out[c] = letter.test(s) ? LETTER : number.test(s) ? NUMBER : NONE;
    }
  }
  return out;
})();

const ASTRAL_LETTER = /^\p{L}$/u;
const ASTRAL_NUMBER = /^\p{N}$/u;

/** Width (1 or 2 code units) of the letter or number at i, or 0. */
function wordCharWidth(text: string, i: number, numbersOnly: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    const k = CLASS[c]!;
    return k === NUMBER || (k === LETTER && !numbersOnly) ? 1 : 0;
  }
  if (c > 0xdbff || i + 1 >= text.length) return 0;
  const d = text.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return 0;
  const s = text.slice(i, i + 2);
  return ASTRAL_NUMBER.test(s) || (!numbersOnly && ASTRAL_LETTER.test(s)) ? 2 : 0;
}

/** Where the next word is; `end` leaves out a possessive 's, `matchEnd` does not. */
export interface WordSpan {
  start: number;
  end: number;
  matchEnd: number;
}

/** Finds the next word at or after `from` (as WORD_PATTERN would); false when there is none. */
export function nextWord(text: string, from: number, out: WordSpan): boolean {
  const n = text.length;
  let i = from;
  let w = 0;
  while (i < n && (w = wordCharWidth(text, i, false)) === 0) i++;
  if (i >= n) return false;
  const start = i;
  i += w;
  for (;;) {
    while (i < n && (w = wordCharWidth(text, i, false)) > 0) i += w;
    if (i + 1 >= n) break;
    const c = text.charCodeAt(i);
    if (c === 39 || c === 0x2019 || c === 46 || c === 45) {
      if (wordCharWidth(text, i + 1, false) > 0) {
        i++;
        continue;
      }
    } else if (c === 44) {
      // A thousands separator: three numbers follow.
      let j = i + 1;
      let k = 0;
      while (k < 3 && j < n && (w = wordCharWidth(text, j, true)) > 0) {
        j += w;
        k++;
      }
      if (k === 3) {
        i++;
        continue;
      }
    }
    break;
  }
  out.start = start;
  out.matchEnd = i;
  // Possessive: "Biden's" counts as "Biden".
  const last = text.charCodeAt(i - 1);
  const apos = text.charCodeAt(i - 2);
  out.end = i - start > 2 && (last === 115 || last === 83) && (apos === 39 || apos === 0x2019) ? i - 2 : i;
  return true;
}

export interface TokenTable {
  /** Entry index of text[start, end) as written, added when new. */
  entry(text: string, start: number, end: number): number;
  /** Per entry: term id of the stem (-1 for stop words and one-letter words). */
  readonly term: number[];
  /** Per entry: hash of the lower-cased word (for shingles). */
  readonly hash: number[];
  /** Per entry: written with a capital first letter. */
  readonly upper: boolean[];
  /** Per entry: the lower-cased word is a stop word. */
  readonly stop: boolean[];
  /** Per entry: the word as written. */
  readonly word: string[];
}

/** A copy that does not keep the text it was cut from alive (V8 slices longer strings by reference). */
const detached = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string));

export function createTokenTable(lexicon: Lexicon, termId: (stem: string) => number): TokenTable {
  const term: number[] = [];
  const hash: number[] = [];
  const upper: boolean[] = [];
  const stop: boolean[] = [];
  const word: string[] = [];
  const rawHash: number[] = [];
  let slots = new Int32Array(1 << 16); // entry + 1, 0 = empty
  let mask = slots.length - 1;

  const place = (h: number, e: number) => {
    let p = h & mask;
    while (slots[p] !== 0) p = (p + 1) & mask;
    slots[p] = e + 1;
  };

  return {
    term,
    hash,
    upper,
    stop,
    word,
    entry(text, start, end) {
      let h = 0x811c9dc5;
      for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      h >>>= 0;
      const len = end - start;
      let p = h & mask;
      for (;;) {
        const s = slots[p]!;
        if (s === 0) break;
        const e = s - 1;
        if (rawHash[e] === h) {
          const w = word[e]!;
          if (w.length === len) {
            let i = 0;
            while (i < len && w.charCodeAt(i) === text.charCodeAt(start + i)) i++;
            if (i === len) return e;
          }
        }
        p = (p + 1) & mask;
      }
      const raw = detached(text.slice(start, end));
      const lower = raw.toLowerCase();
      const info = lexicon.info(lower);
      const e = word.length;
      word.push(raw);
      rawHash.push(h);
      term.push(info.stem ? termId(info.stem) : -1);
      hash.push(info.hash);
      upper.push(raw.charCodeAt(0) !== lower.charCodeAt(0));
      stop.push(info.stop);
      if (word.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2);
        mask = slots.length - 1;
        for (let k = 0; k < word.length; k++) place(rawHash[k]!, k);
      } else slots[p] = e + 1;
      return e;
    },
  };
}
