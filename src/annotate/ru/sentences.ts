import type { Sentence, Token } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { END_BEFORE_CAPITAL, NEVER_END } from './abbreviations.js';

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '“']);
const ENDERS = new Set(['.', '!', '?', '…']);

/**
 * Russian sentences over tokens. Like the English splitter (an end is . ! ? … plus closing quotes before
 * a capital, a digit or an opening quote/dash; a line break ends a paragraph), with Russian exceptions:
 * initials ("В. В. Путин"), abbreviations ("тыс.", "г.", "т. е.", "им."), and direct speech followed by
 * its attribution ("«Мы готовы!» — заявил он", "«...», — сказал он": the dash and a lower-case verb).
 */
export function splitSentencesRu(text: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let sentStart = -1;
  let lastEnd = 0;
  const word = (t: Token | undefined) => (t ? text.slice(t.start, t.end) : '');
  const close = (end: number) => {
    if (sentStart >= 0 && end > sentStart) out.push({ start: sentStart, end, paragraph });
    sentStart = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const gap = text.slice(lastEnd, t.start);
    if (gap.includes('\n')) {
      if (sentStart >= 0) close(lastEnd);
      if (out.length > 0) paragraph++;
    }
    if (sentStart < 0) sentStart = t.start;
    lastEnd = t.end;
    const ch = word(t);
    if (t.kind !== 'punct' || !ENDERS.has(ch)) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.kind === 'punct' && (CLOSERS.has(word(tokens[j])) || ENDERS.has(word(tokens[j]))) && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const next = tokens[j];
    if (!next) {
      lastEnd = tokens[j - 1]!.end;
      i = j - 1;
      close(lastEnd);
      continue;
    }
    const lineBreak = /\n/.test(text.slice(tokens[j - 1]!.end, next.start));
    const nextWord = word(next);
    if (ch === '.' && j === i + 1 && !lineBreak) {
      const prev = tokens[i - 1];
      const pw = word(prev).toLowerCase();
      // "т.е." is one token ending in a dot; "т. е." is two.
      if (prev && prev.kind === 'word' && prev.end === t.start) {
        if (pw.length === 1 && /\p{Lu}/u.test(word(prev))) continue; // an initial
        if (NEVER_END.has(pw)) continue;
        if (END_BEFORE_CAPITAL.has(pw)) {
          if (!/^\p{Lu}/u.test(nextWord)) continue;
          // "г. Москва": the town abbreviation before a name (no year in front).
          const before = tokens[i - 2];
          if (pw === 'г' && !(before && before.kind === 'number')) continue;
        }
      }
    }
    // "«...!» — заявил он" / "«...», — сказал": the attribution continues the sentence.
    if (/^[—–-]$/.test(nextWord) && CLOSERS.has(word(tokens[j - 1])) && !lineBreak) {
      const after = tokens[j + 1];
      if (after && /^\p{Ll}/u.test(word(after))) continue;
    }
    const nextChar = text[next.start] ?? '';
    if (next.start > tokens[j - 1]!.end && /[\p{Lu}\p{N}"“„‘'(\[«—–-]/u.test(nextChar)) {
      lastEnd = tokens[j - 1]!.end;
      i = j - 1;
      close(lastEnd);
    } else if (lineBreak) {
      lastEnd = tokens[j - 1]!.end;
      i = j - 1;
      close(lastEnd);
    }
  }
  close(lastEnd);
  return out;
}

export const ruSentenceStage: Stage = {
  name: 'sentences',
  requires: ['tokens'],
  provides: ['sentences'],
  run: (article) => ({ sentences: splitSentencesRu(article.text, article.layers.tokens ?? []) }),
};
