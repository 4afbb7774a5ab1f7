import type { Article, Quantity, Span } from '../../model/document.js';
import { concept, lexicon } from '../../annotate/lexicon.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt } from './context.js';
import { sortedMentions } from './events.js';
import { factLexicon } from './lexicon.js';
import type { FigureFact } from './types.js';

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** Content-word concepts of a stretch of text (no stop words, no numbers). */
export function conceptsOf(text: string): string[] {
  const stop = lexicon().stopwords;
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (w.length < 3 || stop.has(w)) continue;
    out.push(concept(w));
  }
  return out;
}

/** "No. 2", "#3": rank labels, not amounts. */
function isRankLabel(text: string, q: Span): boolean {
  return /(?:\bNo\.|#)\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start));
}

/** An age ("42-year-old", "(42)" after a name, "Harris, 30,"): read by the age facts instead. */
export function looksLikeAge(text: string, q: Span & { unit?: string | null; hedge?: string | null }): boolean {
  const after = text.slice(q.end, q.end + 12);
  if (/^[-\s]?years?[-\s]old/i.test(after) || /^-year/i.test(after)) return true;
  if (text[q.start - 1] === '(' && text[q.end] === ')') return /\p{L}/u.test(text.slice(Math.max(0, q.start - 3), q.start - 1));
  const before = text.slice(Math.max(0, q.start - 24), q.start);
  // "aged 42", "ages 22, 26 and 31", "ages 22 to 31".
  if (/\bage[ds]?\s+(?:[\d,\s]+(?:and|to|or)\s+)?$/i.test(before) || /\bages\s+[\d,\s]*$/i.test(before)) return true;
  // "Harris, 30,", "Homeless woman, 42,": a bare two-digit number between commas after a word is an age.
  return /\p{L}+,\s$/u.test(before) && /^,/.test(after) && q.end - q.start <= 2 && q.unit === null && !q.hedge;
}

function bareYear(q: Quantity): boolean {
  return q.unit === null && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2100 && q.hedge === null;
}

const DOWN = /^(up to|nearly|almost|less than|under|fewer than|close to|just under|no more than|as many as|as much as|at most)$/;
const UP = /^(more than|over|at least|above|in excess of|upwards of|just over|no fewer than|no less than|as high as)$/;

function directionOf(hedge: string | null): FigureFact['direction'] {
  if (!hedge) return null;
  const h = hedge.toLowerCase();
  if (DOWN.test(h)) return 'down';
  if (UP.test(h)) return 'up';
  return 'around';
}

/** The words of the clause around a figure (a few words either side), as concepts. */
function aroundOf(article: Article, value: Span, context: Span): Set<string> {
  const text = article.text;
  const left = text.slice(context.start, value.start).split(/\s+/).slice(-6).join(' ');
  const right = text.slice(value.end, context.end).split(/\s+/).slice(0, 9).join(' ');
  return new Set(conceptsOf(`${left} ${right}`));
}

function entitiesIn(article: Article, span: Span, toStory: (id: string) => string): Set<string> {
  const out = new Set<string>();
  for (const m of mentionsIn(sortedMentions(article), span)) out.add(toStory(m.entity));
  return out;
}

export const PLAN = /\b(goal|target|aim|aims|aiming|plans?|planned|forecasts?|projected|hopes?|intends?)\b/i;
const FUTURE = /\b(will|would|expects?|expected)\b/i;

/** A figure stated as a goal or forecast: a plan word in the few words before it in its clause. */
function isPlanned(article: Article, value: Span): boolean {
  const before = article.text.slice(Math.max(0, value.start - 120), value.start).split(/[.;:!?]/).pop() ?? '';
  const words = before.split(/\s+/);
  return PLAN.test(words.slice(-24).join(' ')) || FUTURE.test(words.slice(-6).join(' '));
}

/** Figures an article gives: its quantities (minus ages, years, ranks) and vague counts ("dozens of", "thousands of"). */
export function figureFacts(article: Article, toStory: (id: string) => string): FigureFact[] {
  const text = article.text;
  const out: FigureFact[] = [];
  const dims = factLexicon().dimensions;
  const taken: Span[] = [];
  for (const q of article.layers.quantities ?? []) {
    if (!Number.isFinite(q.value) || bareYear(q) || isRankLabel(text, q) || looksLikeAge(text, q)) continue;
    if (q.kind === 'multiple' || q.kind === 'ratio') continue;
    // "one" is as often a pronoun or determiner as a count.
    if (q.unit === null && q.value <= 1 && q.hedge === null) continue;
    const context = contextOf(article, q, FACT_CONTEXT);
    const head = q.countedHead ? concept(q.countedHead) : null;
    // Lengths and masses in their base unit: "45 miles" and "72 km" are one figure.
    const f = (q.unit && factLexicon().unitFactors.get(q.unit)) || 1;
    out.push({
      kind: 'figure',
      article,
      value: { start: q.start, end: q.end },
      context,
      sentence: sentenceAt(article, q.start),
      low: Math.min(q.low, q.high) * f,
      high: Math.max(q.low, q.high) * f,
      central: q.value * f,
      hedge: q.hedge,
      direction: directionOf(q.hedge),
      vague: false,
      unit: q.unit,
      dimension: q.unit ? dims.get(q.unit) ?? q.unit : 'count',
      head,
      around: aroundOf(article, q, context),
      entities: entitiesIn(article, context, toStory),
      change: q.kind,
      planned: isPlanned(article, q),
    });
    taken.push(q);
  }
  // Vague counts: "dozens of protesters", "hundreds of thousands of spectators", "a million revellers".
  const lower = text.toLowerCase();
  for (const [phrase, [low, high]] of factLexicon().vagueCounts) {
    const re = new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}(\\s+of)?\\s+((?:[\\p{L}-]+\\s+){0,2}?)([\\p{L}-]+)`, 'gu');
    for (const m of lower.matchAll(re)) {
      const start = m.index;
      const end = start + phrase.length + (m[1]?.length ?? 0);
      // "a million" must be followed by a noun, not be part of "a million-dollar"; "hundreds" right after a number is a scale.
      if (taken.some((t) => t.start < start + m[0].length && start < t.end)) continue;
      if (/\d\s*$/.test(lower.slice(Math.max(0, start - 3), start))) continue;
      const noun = m[3]!;
      if (lexicon().stopwords.has(noun)) continue;
      const value = { start, end: start + phrase.length };
      const context = contextOf(article, value, FACT_CONTEXT);
      taken.push({ start, end });
      out.push({
        kind: 'figure',
        article,
        value,
        context,
        sentence: sentenceAt(article, start),
        low,
        high,
        central: (low + high) / 2,
        hedge: phrase,
        direction: 'around',
        vague: low !== high,
        unit: null,
        dimension: 'count',
        head: concept(noun),
        around: aroundOf(article, value, context),
        entities: entitiesIn(article, context, toStory),
        change: 'level',
        planned: isPlanned(article, value),
      });
      void end;
    }
  }
  return out;
}
