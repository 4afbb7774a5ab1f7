import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from '../model/document.js';
import { TOKEN, tokenize } from './tokens.js';

/** The tokens as the regular expression that defines them finds them (the scanner must give the same). */
function byRegex(text: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const kind = m[1] !== undefined ? 'number' : m[2] !== undefined || m[3] !== undefined ? 'word' : m[4] !== undefined ? 'punct' : 'symbol';
    if (kind === 'word' && m[0].length > 2 && /[’']s$/i.test(m[0])) out.push({ start, end: end - 2, kind }, { start: end - 2, end, kind });
    else out.push({ start, end, kind });
  }
  return out;
}

test('tokens: words, abbreviations, numbers with separators, possessives', () => {
  const text = 'The U.S. paid $1,700.50 to Kyrgyzstan’s don’t Moscow-led 13.6.';
  assert.deepEqual(
    tokenize(text).map((t) => `${text.slice(t.start, t.end)}/${t.kind}`),
    ['The/word', 'U.S./word', 'paid/word', '$/symbol', '1,700.50/number', 'to/word', 'Kyrgyzstan/word', '’s/word', 'don’t/word', 'Moscow-led/word', '13.6/number', './punct'],
  );
});

test('tokens: the scanner finds what the regular expression finds, every code point in several contexts', () => {
  for (let cp = 0; cp < 0x30000; cp += cp < 0x10000 ? 1 : 97) {
    const c = String.fromCodePoint(cp);
    for (const text of [c, `a${c}b`, `1${c}2`, `${c}’s`, `A.${c}.`, `x-${c}`]) assert.deepEqual(tokenize(text), byRegex(text), `U+${cp.toString(16)} in ${JSON.stringify(text)}`);
  }
});

test('tokens: the same as the regular expression on random strings of tricky characters', () => {
  const alphabet = ['a', 'B', 'é', 'e\u0301', '\u0301', '1', '٣', '.', ',', "'", '’', '-', '‐', ' ', '\n', '\u00a0', '\u2003', '$', '😀', '𝐀', '\ud800', '\udc00', 'İ', 'Σ', 's', 'S', '“', '—', '\ufeff', '²', 'Ⅻ', 'ſ'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let k = 0; k < 20000; k++) {
    let text = '';
    const n = 1 + Math.floor(random() * 14);
    for (let j = 0; j < n; j++) text += alphabet[Math.floor(random() * alphabet.length)];
    assert.deepEqual(tokenize(text), byRegex(text), JSON.stringify(text));
  }
});
