// Hostile and broken inputs, generated on the fly (nothing large is committed). Each case says what a
// correct outcome is: an error code, or text that must come out (decoding cases).
import iconv from 'iconv-lite';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ErrorCode } from '../../src/model/errors.js';

export interface BadInput {
  /** File name (the extension decides how it is read). */
  name: string;
  bytes: () => Uint8Array;
  /** The error the whole file gives, or null when it must be read. */
  error: ErrorCode | null;
  /** For readable cases: text the article must contain. */
  contains?: string;
}

const RUSSIAN = 'Президент Киргизии Садыр Жапаров провёл переговоры в Бишкеке. Товарооборот вырос на 13,6 процента.';
const FRENCH = 'Le président a visité São Paulo. Café, naïveté, façade: l’été était chaud.';
const ENGLISH = 'The delegation arrived in Bishkek on Tuesday. Officials said trade grew by 13.6 percent.';

/** A deterministic pseudo-random byte source (so every run tries the same inputs). */
export function pseudoRandomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

export const BAD_INPUTS: BadInput[] = [
  { name: 'empty.txt', bytes: () => new Uint8Array(0), error: 'E_EMPTY' },
  { name: 'whitespace.txt', bytes: () => utf8(' \n\t\r\n  \u00a0\n'), error: 'E_EMPTY' },
  { name: 'random.txt', bytes: () => pseudoRandomBytes(64 * 1024, 7), error: 'E_BINARY' },
  { name: 'image.html', bytes: () => cat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), pseudoRandomBytes(4096, 3)), error: 'E_BINARY' },
  { name: 'nul-bytes.txt', bytes: () => utf8(`${ENGLISH}\u0000\u0000${ENGLISH}`), error: 'E_BINARY' },
  { name: 'control-chars.txt', bytes: () => new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 1 + (i % 7) : 0x61))), error: 'E_BINARY' },
  // Invalid UTF-8 (stray continuation bytes, an overlong form, an encoded surrogate) inside English text:
  // not valid UTF-8, so it is read as a single-byte encoding and the English comes through intact.
  { name: 'invalid-utf8.txt', bytes: () => cat(utf8(ENGLISH), new Uint8Array([0x80, 0xbf, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x20]), utf8(ENGLISH)), error: null, contains: 'Officials said trade grew by 13.6 percent.' },
  { name: 'truncated-utf8.txt', bytes: () => utf8(RUSSIAN).subarray(0, 41), error: null, contains: 'Президент' },
  { name: 'bom-utf8.txt', bytes: () => cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(RUSSIAN)), error: null, contains: RUSSIAN },
  { name: 'bom-utf16le.txt', bytes: () => cat(new Uint8Array([0xff, 0xfe]), new Uint8Array(iconv.encode(RUSSIAN, 'utf-16le'))), error: null, contains: RUSSIAN },
  { name: 'bom-utf16be.txt', bytes: () => cat(new Uint8Array([0xfe, 0xff]), new Uint8Array(iconv.encode(RUSSIAN, 'utf-16be'))), error: null, contains: RUSSIAN },
  { name: 'bom-utf32le.txt', bytes: () => cat(new Uint8Array([0xff, 0xfe, 0, 0]), new Uint8Array(iconv.encode(RUSSIAN, 'utf-32le'))), error: null, contains: RUSSIAN },
  { name: 'bom-utf32be.txt', bytes: () => cat(new Uint8Array([0, 0, 0xfe, 0xff]), new Uint8Array(iconv.encode(RUSSIAN, 'utf-32be'))), error: null, contains: RUSSIAN },
  { name: 'bom-only.txt', bytes: () => new Uint8Array([0xef, 0xbb, 0xbf]), error: 'E_EMPTY' },
  { name: 'utf16-odd-length.txt', bytes: () => cat(new Uint8Array([0xff, 0xfe]), new Uint8Array(iconv.encode(ENGLISH, 'utf-16le')), new Uint8Array([0x41])), error: null, contains: 'Officials said trade' },
  // Legacy encodings labelled as UTF-8: the bytes are not valid UTF-8, so detection decides.
  {
    name: 'cp1251-as-utf8.html',
    bytes: () => cat(utf8('<html><head><meta charset="utf-8"><title>t</title></head><body><p>'), new Uint8Array(iconv.encode(RUSSIAN, 'windows-1251')), utf8('</p></body></html>')),
    error: null,
    contains: RUSSIAN,
  },
  { name: 'cp1251-plain.txt', bytes: () => new Uint8Array(iconv.encode(RUSSIAN, 'windows-1251')), error: null, contains: RUSSIAN },
  {
    name: 'latin1-as-utf8.html',
    bytes: () => cat(utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><p>'), new Uint8Array(iconv.encode(FRENCH.replace('’', "'"), 'latin1')), utf8('</p></body></html>')),
    error: null,
    contains: FRENCH.replace('’', "'"),
  },
  { name: 'latin1-plain.txt', bytes: () => new Uint8Array(iconv.encode(FRENCH.replace('’', "'"), 'latin1')), error: null, contains: 'São Paulo' },
  { name: 'deep-nesting.html', bytes: () => utf8('<html><body>' + '<div>'.repeat(10_000) + `<p>${ENGLISH}</p>` + '</div>'.repeat(10_000) + '</body></html>'), error: null, contains: 'Officials said trade grew' },
  { name: 'unclosed-nesting.html', bytes: () => utf8('<html><body>' + '<div><span><b><i>'.repeat(5_000) + `<p>${ENGLISH}`), error: null, contains: 'Officials said trade grew' },
  { name: 'only-tags.html', bytes: () => utf8('<html><body>' + '<div></div>'.repeat(1000) + '<script>var x = 1;</script></body></html>'), error: 'E_EMPTY' },
  { name: 'unterminated-comment.html', bytes: () => utf8(`<html><body><p>${ENGLISH}</p><!-- never closed <p>more`), error: null, contains: 'Officials said' },
  { name: 'unterminated-script.html', bytes: () => utf8(`<html><body><p>${ENGLISH}</p><script>` + 'var a = "<p>";'.repeat(2000)), error: null, contains: 'Officials said' },
  { name: 'entity-flood.html', bytes: () => utf8(`<html><body><p>${'&amp;&#x1F600;&#9999999;&bogus;&#0;'.repeat(20_000)} ${ENGLISH}</p></body></html>`), error: null, contains: 'Officials said' },
  // JSON Lines: every line is broken in its own way, so the file as a whole has no article.
  {
    name: 'malformed.jsonl',
    bytes: () =>
      utf8(
        [
          '{"text": "unterminated',
          '[1, 2, 3]',
          '"just a string"',
          'null',
          '{"outlet": "no text field"}',
          '{"text": 42}',
          `{"text": "${ENGLISH}", "published": "not a date"}`,
          '{"text": "' + 'a'.repeat(10) + '", "text": ',
          '{' + '"a":{'.repeat(5000) + '}'.repeat(5000) + '}',
          '[' .repeat(100_000),
          '{"text": ""}',
          '\u0000',
        ].join('\n'),
      ),
    error: 'E_PARSE',
  },
  {
    name: 'mixed.jsonl',
    bytes: () => utf8([`{"text": "${ENGLISH}", "outlet": "Good"}`, '{"text": oops}', `{"html": "<p>${ENGLISH}</p>", "outlet": "Also good"}`].join('\n')),
    error: null,
    contains: 'Officials said trade grew',
  },
  { name: 'bom-crlf.jsonl', bytes: () => cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(`{"text": "${ENGLISH}"}\r\n\r\n`)), error: null, contains: 'Officials said' },
];

/** Writes a file of `size` bytes of ASCII text in 1 MB chunks, without holding it in memory. */
export function writeLargeTextFile(path: string, size: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 'lorem ipsum dolor sit amet ');
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  } finally {
    closeSync(fd);
  }
}

/** About `chars` characters of words with no punctuation and no line break: one endless sentence. */
export function endlessSentence(chars: number): string {
  const words = ['the', 'minister', 'said', 'that', 'government', 'Bishkek', 'would', 'increase', '1,700', 'enterprises', 'Russian', 'talks', 'President', 'Japarov', 'percent', 'about', 'nearly'];
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length]!;
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ');
}
