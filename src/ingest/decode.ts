import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ParallaxError } from '../model/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252' | 'iso-8859-1';

export interface Decoded {
  text: string;
  encoding: Encoding | string;
  /** How the encoding was chosen: 'bom', 'valid-utf8', 'declared', 'detected'. */
  how: 'bom' | 'valid-utf8' | 'declared' | 'detected';
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Valid UTF-8 except for a multi-byte character cut off at the very end (a truncated file or download). */
function isTruncatedUtf8(bytes: Uint8Array): boolean {
  // Walk back over at most 3 continuation bytes to the lead byte of the last character.
  let i = bytes.length - 1;
  while (i >= 0 && bytes.length - i <= 3 && (bytes[i]! & 0xc0) === 0x80) i--;
  if (i < 0 || bytes[i]! < 0xc2) return false;
  const need = bytes[i]! >= 0xf0 ? 4 : bytes[i]! >= 0xe0 ? 3 : 2;
  return bytes.length - i < need && isValidUtf8(bytes.subarray(0, i));
}

/** Control characters other than tab, newline, carriage return, form feed: a sign of binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/**
 * UTF-16 without a byte order mark: text in the Latin, Greek or Cyrillic ranges has a zero in every other
 * byte (the high byte of each unit), which no 8-bit text has. Which half is zero gives the byte order.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero > units * 0.3 && evenZero < units * 0.05) return 'utf-16le';
  if (evenZero > units * 0.3 && oddZero < units * 0.05) return 'utf-16be';
  return null;
}

export function utf16Error(encoding: 'utf-16le' | 'utf-16be', subject: string): ParallaxError {
  const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  return new ParallaxError('E_BINARY', `${name} text without a byte order mark; convert it to UTF-8 (iconv -f ${name} -t UTF-8 FILE > FILE.utf8) or save it with a BOM`, subject);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** One line of JSON Lines: UTF-8 as the format says, else the detection every other input gets. */
export function decodeLine(bytes: Uint8Array, subject: string, first: boolean): string {
  const body = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return strictUtf8.decode(body);
  } catch {
    return decodeBytes(body, subject).text;
  }
}

/**
 * Single-byte legacy text: Windows-1251 (Cyrillic) puts letters in 0xC0-0xFF densely, while Latin-1/1252
 * text is mostly ASCII letters with an accented letter here and there.
 */
function guessSingleByte(bytes: Uint8Array): Encoding {
  let high = 0;
  let asciiLetters = 0;
  for (const b of bytes) {
    if (b >= 0xc0) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++;
  }
  return high > asciiLetters * 0.5 ? 'windows-1251' : 'windows-1252';
}

// Labels browsers decode differently from what they name (WHATWG Encoding Standard): Latin-1 and ASCII
// pages are read as Windows-1252, GB2312 as GBK.
const BROWSER_LABELS: Record<string, string> = {
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', latin1: 'windows-1252', 'l1': 'windows-1252',
  ascii: 'windows-1252', 'us-ascii': 'windows-1252', 'iso-8859-9': 'windows-1254', 'tis-620': 'windows-874',
  gb2312: 'gbk', 'x-gbk': 'gbk', 'iso-8859-11': 'windows-874', 'ks_c_5601-1987': 'euc-kr', 'x-sjis': 'shift_jis',
};

/** Multi-byte legacy encodings that a statistical detector tells apart well (single-byte ones it often confuses). */
const MULTIBYTE = /^(shift_jis|euc-jp|iso-2022-jp|gb18030|big5|euc-kr|iso-2022-kr|iso-2022-cn)$/i;

const DECLARED = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{2,40})/i;

/** The charset declared by an HTML page (meta charset or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = DECLARED.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes bytes as a browser would: BOM first, then valid UTF-8, then a declared charset (HTML), then detection.
 * Throws E_BINARY for data that is not text.
 */
export function decodeBytes(bytes: Uint8Array, subject: string, options: { html?: boolean } = {}): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', how: 'bom' };
  }
  // UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32le'), encoding: 'utf-32le', how: 'bom' };
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32be'), encoding: 'utf-32be', how: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', how: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', how: 'bom' };
  }
  const wide = utf16WithoutBom(bytes);
  if (wide) throw utf16Error(wide, subject);
  if (looksBinary(bytes)) throw new ParallaxError('E_BINARY', 'binary data, not text (NUL or control bytes)', subject);
  if (isValidUtf8(bytes) || isTruncatedUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', how: 'valid-utf8' };
  if (options.html) {
    const label = declaredCharset(bytes);
    const declared = label ? (BROWSER_LABELS[label] ?? label) : null;
    if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
      return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared, how: 'declared' };
    }
  }
  // Undeclared and not UTF-8: a CJK multi-byte encoding when the detector is sure, else Cyrillic or Western.
  const detected = chardet.detect(bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes);
  if (detected && MULTIBYTE.test(detected) && iconv.encodingExists(detected)) {
    return { text: iconv.decode(Buffer.from(bytes), detected), encoding: detected.toLowerCase(), how: 'detected' };
  }
  const guess = guessSingleByte(bytes);
  return { text: iconv.decode(Buffer.from(bytes), guess), encoding: guess, how: 'detected' };
}
