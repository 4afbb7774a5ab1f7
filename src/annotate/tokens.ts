import type { Token, TokenKind } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';

// Words keep inner apostrophes, hyphens and dots of abbreviations ("Kyrgyzstan’s" is split at the
// apostrophe-s so the name stays whole); numbers keep separators ("1,700", "13.6", "2,000.5").
// The definition, as a regular expression (the scanner below finds the same tokens, a test holds the two equal):
export const TOKEN =
  /(\p{N}+(?:[.,]\p{N}+)*)|((?:\p{L}\.){2,})|(\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{N}]+)*)|([\p{P}])|([^\s\p{L}\p{N}\p{P}])/gu;

const L = 1;
const N = 2;
const M = 4;
const P = 8;
const SPACE = 16;
const KNOWN = 32;

/** Classes of each code point (L, N, M, P, SPACE bits; KNOWN once worked out), filled as code points are met. */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classOf(cp: number): number {
  const known = cp < 0x10000 ? bmpClasses[cp]! : astralClasses.get(cp) ?? 0;
  if (known !== 0) return known;
  const c = String.fromCodePoint(cp);
  const bits =
    KNOWN | (/\p{L}/u.test(c) ? L : 0) | (/\p{N}/u.test(c) ? N : 0) | (/\p{M}/u.test(c) ? M : 0) | (/\p{P}/u.test(c) ? P : 0) | (/\s/u.test(c) ? SPACE : 0);
  if (cp < 0x10000) bmpClasses[cp] = bits;
  else astralClasses.set(cp, bits);
  return bits;
}

/** The code point at i (a surrogate pair as one, as the `u` flag reads the text). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** Where a run of code points of the classes `mask` starting at i ends. */
function runEnd(text: string, i: number, mask: number): number {
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if ((classOf(cp) & mask) === 0) break;
    i += width(cp);
  }
  return i;
}

/** Is the code point at i (inside the text) of one of the classes `mask`? */
function isAt(text: string, i: number, mask: number): boolean {
  return i < text.length && (classOf(codePointAt(text, i)) & mask) !== 0;
}

/** An apostrophe or hyphen that may join two parts of a word ("don’t", "Moscow-led"). */
const isJoiner = (c: number) => c === 45 || c === 0x2010 || c === 39 || c === 0x2019;

/** The kind of the token whose first code point is of the classes `cls`. */
const kindOf = (cls: number): TokenKind => (cls & N ? 'number' : cls & L ? 'word' : cls & P ? 'punct' : 'symbol');

/** The end of the token that starts at i (a code point that is no space, of the classes `cls`). */
function scan(text: string, i: number, cls: number): number {
  const first = codePointAt(text, i);
  if (cls & N) {
    // \p{N}+(?:[.,]\p{N}+)*
    let end = runEnd(text, i, N);
    for (;;) {
      const c = text.charCodeAt(end);
      if ((c === 46 || c === 44) && isAt(text, end + 1, N)) end = runEnd(text, end + 1, N);
      else break;
    }
    return end;
  }
  if (cls & L) {
    // (?:\p{L}\.){2,}
    let end = i;
    let pairs = 0;
    for (;;) {
      if (!isAt(text, end, L)) break;
      const w = width(codePointAt(text, end));
      if (text.charCodeAt(end + w) !== 46) break;
      end += w + 1;
      pairs++;
    }
    if (pairs >= 2) return end;
    // \p{L}[\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{N}]+)*
    end = runEnd(text, i + width(first), L | M | N);
    while (end < text.length && isJoiner(text.charCodeAt(end)) && isAt(text, end + 1, L | N)) end = runEnd(text, end + 1, L | N);
    return end;
  }
  return i + width(first);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII[c]! : classOf(codePointAt(text, i));
    if (cls & SPACE) {
      i++;
      continue;
    }
    const start = i;
    const end = scan(text, i, cls);
    const kind = kindOf(cls);
    // A possessive: "Kyrgyzstan’s" is the name and "’s".
    if (kind === 'word' && end - start > 2 && (text.charCodeAt(end - 1) | 32) === 115 && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 0x2019)) {
      out.push({ start, end: end - 2, kind: 'word' }, { start: end - 2, end, kind: 'word' });
    } else out.push({ start, end, kind });
    i = end;
  }
  return out;
}

/** Classes of the ASCII characters (the common case, without a call). */
const ASCII = Uint8Array.from({ length: 128 }, (_, c) => classOf(c));

export const tokenStage: Stage = {
  name: 'tokens',
  requires: [],
  provides: ['tokens'],
  run: (article) => ({ tokens: tokenize(article.text) }),
};
