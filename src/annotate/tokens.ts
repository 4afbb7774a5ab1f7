import type { Token, TokenKind } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';

// Words keep inner apostrophes, hyphens and dots of abbreviations ("Kyrgyzstan’s" is split at the
// apostrophe-s so the name stays whole); numbers keep separators ("1,700", "13.6", "2,000.5").
const TOKEN =
  /(\p{N}+(?:[.,]\p{N}+)*)|((?:\p{L}\.){2,})|(\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{N}]+)*)|([\p{P}])|([^\s\p{L}\p{N}\p{P}])/gu;

const POSSESSIVE = /[’']s$/i;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    let kind: TokenKind;
    if (m[1] !== undefined) kind = 'number';
    else if (m[2] !== undefined || m[3] !== undefined) kind = 'word';
    else if (m[4] !== undefined) kind = 'punct';
    else kind = 'symbol';
    if (kind === 'word' && m[0].length > 2 && POSSESSIVE.test(m[0])) {
      out.push({ start, end: end - 2, kind: 'word' }, { start: end - 2, end, kind: 'word' });
    } else out.push({ start, end, kind });
  }
  return out;
}

export const tokenStage: Stage = {
  name: 'tokens',
  requires: [],
  provides: ['tokens'],
  run: (article) => ({ tokens: tokenize(article.text) }),
};
