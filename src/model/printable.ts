// Text from strangers (file names, URLs, article text) must not drive the user's terminal: escape
// sequences could recolour, retitle or rewrite the screen, and bidi controls could reorder what is shown.
// Shown in messages, such characters become visible escapes instead.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with control and bidi-control characters written as \xHH or \uHHHH (tab kept; newlines too on request). */
export function printable(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n' && options.keepNewlines) return c;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A copy of a JSON-like value with every string made printable (newlines kept), for terminal output. */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value, { keepNewlines: true }) as T;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = printableDeep(v);
    return out as T;
  }
  return value;
}
