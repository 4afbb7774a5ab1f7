import type { Article, TimeExpression } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadQuantityLexicon, type QuantityLexicon } from '../quantities/lexicon.js';
import { wordNumbers } from '../word-forms.js';
import { tokenView } from '../quantities/token-view.js';
import { parseDay, type Day } from './calendar.js';
import { loadTimeLexicon, type TimeLexicon } from './lexicon.js';
import { recognizeAt, type RecognizeContext, type TimeCandidate } from './recognize.js';
import { createTenseReader, loadTenseWords, type TenseWords } from './tense.js';

export interface TimeStageOptions {
  lexicon: TimeLexicon;
  numbers: QuantityLexicon;
  tense: TenseWords;
}

const EDGE_WORDS = new Set(['early', 'late', 'mid', 'earlier', 'later']);
// Words that can start a time expression besides those of the lexicons (relative words, counts, hedges).
const STARTERS = ['the', 'a', 'an', 'this', 'last', 'next', 'past', 'previous', 'coming', 'following', 'current', 'each', 'every', 'fiscal',
  'several', 'few', 'some', 'many', 'couple', 'recent', 'latest', 'same', 'nearly', 'almost', 'about', 'around', 'roughly', 'over', 'under',
  'only', 'just', 'more', 'less', 'at', 'up', 'as', 'per', 'noon', 'midnight', 'half', 'year-end', 'year-earlier', 'year-ago', 'these'];

/** Lower-case words that may start a time expression: the recognizers are tried only there. */
export function timeStarters(o: TimeStageOptions): Set<string> {
  const out = new Set<string>([...STARTERS, ...EDGE_WORDS]);
  for (const m of [o.lexicon.months, o.lexicon.weekdays, o.lexicon.units, o.lexicon.references, o.lexicon.sets, o.lexicon.ordinals, o.numbers.numberWords]) for (const k of m.keys()) out.add(k);
  // The first word of a named day ("new" of "New Year's Eve").
  for (const k of o.lexicon.namedDays.keys()) out.add(k.split(' ')[0]!.replace(/'.*$/, ''));
  return out;
}

/** Without a publication date: a full date ("Nov. 25, 2025") in the opening sentences is taken as the day of the story. */
function estimateAnchor(c: RecognizeContext): Day | null {
  const { view } = c;
  const limit = view.sentences.length > 3 ? view.sentEnd[2]! : view.tokens.length;
  for (let i = 0; i < limit; i++) {
    const cand = recognizeAt(c, i);
    if (cand && cand.via === 'full-date') return parseDay(cand.value);
    if (cand) i = cand.end - 1;
  }
  return null;
}

/**
 * Time expressions: candidates from a list of small recognizers over tokens (the longest at each position),
 * edge words taken in ("early next year", "earlier this year"), values resolved against the publication
 * date, or against a date estimated from the opening sentences (marked), or kept symbolic.
 */
/** May a time expression start at this word (a starter, or a word with a hyphen)? Kept per word id (word-forms.ts). */
function starterWords(starters: ReadonlySet<string>) {
  return wordNumbers((w) => (starters.has(w) || w.indexOf('-') >= 0 ? 1 : 0));
}

export function extractTimes(article: Article, o: TimeStageOptions, starters: ReadonlySet<string> = timeStarters(o), startsAt = starterWords(starters)): TimeExpression[] {
  const view = tokenView(article);
  // Quarterly results ("third-quarter profit ... a year earlier"): in the whole text, or in the sentence.
  let quarterWords = 0;
  const quarterSentence = new Uint8Array(view.sentences.length);
  for (let i = 0; i < view.lower.length; i++) {
    const w = view.lower[i]!;
    if (w === 'quarter' || w.endsWith('-quarter') || w === 'quarterly') {
      quarterWords++;
      quarterSentence[view.sentenceOf[i]!] = 1;
    }
  }
  const ctx: RecognizeContext = {
    view,
    lex: o.lexicon,
    numbers: o.numbers,
    anchor: null,
    quarterly: (i) => quarterWords >= 3 || quarterSentence[view.sentenceOf[i] ?? 0] === 1,
    tense: createTenseReader(view, o.tense),
  };
  let anchorKind: TimeExpression['anchor'] | undefined;
  const published = parseDay(article.published);
  if (published) {
    ctx.anchor = published;
    anchorKind = 'published';
  } else {
    const est = estimateAnchor(ctx);
    if (est) {
      ctx.anchor = est;
      anchorKind = 'estimated';
    }
  }
  const out: TimeExpression[] = [];
  const n = view.tokens.length;
  for (let i = 0; i < n; i++) {
    const t = view.tokens[i]!;
    if (t.kind === 'punct') continue;
    const lw = view.lower[i]!;
    // (The id is of the word's own lower case: the same string but for a capital sigma.)
    if (t.kind !== 'number' && !(lw === view.ownLower[i] ? startsAt(view.generation, view.lowerIds[i]!, lw) === 1 : starters.has(lw) || lw.indexOf('-') >= 0)) continue;
    let cand: TimeCandidate | null = recognizeAt(ctx, i);
    // Edge words: "early next year", "late yesterday", "mid-November", "the end of 1990".
    if (!cand && EDGE_WORDS.has(view.lower[i]!)) {
      const inner = recognizeAt(ctx, i + 1);
      if (inner) cand = { ...inner, first: i };
    }
    if (!cand && view.lower[i] === 'the' && (view.lower[i + 1] === 'end' || view.lower[i + 1] === 'beginning' || view.lower[i + 1] === 'start' || view.lower[i + 1] === 'middle') && view.lower[i + 2] === 'of') {
      const inner = recognizeAt(ctx, i + 3);
      if (inner && inner.type === 'DATE') cand = { ...inner, first: i };
    }
    if (!cand) continue;
    const start = view.tokens[cand.first]!.start;
    const end = view.tokens[cand.end - 1]!.end;
    const te: TimeExpression = { start, end, type: cand.type, value: cand.value, resolved: cand.resolved && ctx.anchor !== null ? true : cand.resolved && !/X/.test(cand.value) };
    if (cand.symbolic) te.symbolic = cand.symbolic;
    if (te.resolved && anchorKind && cand.value !== 'PRESENT_REF' && cand.value !== 'PAST_REF' && cand.value !== 'FUTURE_REF' && cand.via !== 'year' && cand.via !== 'month-year' && cand.via !== 'full-date' && cand.type !== 'DURATION' && cand.type !== 'SET') te.anchor = anchorKind;
    out.push(te);
    i = cand.end - 1;
  }
  return out;
}

export function createTimeStage(options: TimeStageOptions): Stage {
  const starters = timeStarters(options);
  const startsAt = starterWords(starters);
  return {
    name: 'times',
    requires: ['tokens', 'sentences'],
    provides: ['times'],
    run: (article) => ({ times: extractTimes(article, options, starters, startsAt) }),
  };
}
