import type { Sentence, Token } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';
import { ABBREVIATIONS } from './data/abbreviations.js';

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const ENDERS = new Set(['.', '!', '?', '…']);

function isAbbreviation(text: string, tok: Token | undefined): boolean {
  if (!tok || tok.kind !== 'word') return false;
  const w = text.slice(tok.start, tok.end);
  // Single capital letters ("U.S.", "J. Smith") and listed abbreviations ("Mr.", "Gen.", "Jan.").
  return (w.length === 1 && /\p{Lu}/u.test(w)) || ABBREVIATIONS.has(w.toLowerCase()) || /^(?:\p{L}\.)+\p{L}?$/u.test(w);
}

/**
 * Sentences over tokens: a sentence ends at . ! ? (plus closing quotes/brackets) followed by a capital,
 * a digit or an opening quote; a blank line always ends a sentence and starts a paragraph.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let sentStart = -1;
  let lastEnd = 0;
  const close = (end: number) => {
    if (sentStart >= 0 && end > sentStart) out.push({ start: sentStart, end, paragraph });
    sentStart = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Line breaks between tokens: a blank line (or a single line break) separates paragraphs.
    const gap = text.slice(lastEnd, t.start);
    if (gap.includes('\n')) {
      if (sentStart >= 0) close(lastEnd);
      if (out.length > 0) paragraph++;
    }
    if (sentStart < 0) sentStart = t.start;
    lastEnd = t.end;
    const ch = text.slice(t.start, t.end);
    if (t.kind === 'punct' && ENDERS.has(ch)) {
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.kind === 'punct' && (CLOSERS.has(text.slice(tokens[j]!.start, tokens[j]!.end)) || ENDERS.has(text.slice(tokens[j]!.start, tokens[j]!.end))) && tokens[j]!.start === tokens[j - 1]!.end) j++;
      const next = tokens[j];
      if (!next) {
        lastEnd = tokens[j - 1]!.end;
        i = j - 1;
        close(lastEnd);
        continue;
      }
      if (ch === '.' && isAbbreviation(text, tokens[i - 1]) && !/\n/.test(text.slice(t.end, next.start))) {
        // "Mr. Putin", "U.S. President": not an end unless the next word clearly starts a sentence.
        const nextWord = text.slice(next.start, next.end);
        if (!/^(The|He|She|It|They|We|I|In|On|But|A|An|This|That)$/.test(nextWord)) continue;
      }
      const nextChar = text[next.start] ?? '';
      if (next.start > tokens[j - 1]!.end && /[\p{Lu}\p{N}"“‘'(\[«—–-]/u.test(nextChar)) {
        lastEnd = tokens[j - 1]!.end;
        i = j - 1;
        close(lastEnd);
      }
    }
  }
  close(lastEnd);
  return out;
}

export const sentenceStage: Stage = {
  name: 'sentences',
  requires: ['tokens'],
  provides: ['sentences'],
  run: (article) => ({ sentences: splitSentences(article.text, article.layers.tokens ?? []) }),
};
