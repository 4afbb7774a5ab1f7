import type { Article } from '../../model/document.js';
import { reachIndex } from '../../annotate/span-index.js';
import { contextOf, FACT_CONTEXT, sentenceAt } from './context.js';
import type { QuoteFact } from './types.js';

/** Quoted words with their speaker (from the quote layer), for telling who said the same words. */
export function quoteFacts(article: Article, toStory: (id: string) => string): QuoteFact[] {
  const out: QuoteFact[] = [];
  // A place covers a span when one starting at or before it reaches its end (a lookup per quote, not a scan).
  const placeReach = reachIndex((article.layers.entities ?? []).filter((m) => m.type === 'LOC'));
  const inPlace = (s: { start: number; end: number }) => placeReach(s.start, true) >= s.end;
  for (const q of article.layers.quotes ?? []) {
    if (!q.speakerMention || q.attitude) continue;
    // A place read as a speaker (a dateline "Chennai:" before the quote) says nothing about who spoke.
    const sm = q.speakerMention;
    if (inPlace(sm)) continue;
    const parts = q.quoted?.length ? q.quoted : q.content;
    // Only a speaker named in the sentence of the words (an attribution carried from elsewhere is too loose to hold against another outlet's).
    if (!parts.some((p) => sentenceAt(article, p.start) === sentenceAt(article, sm.start) || sentenceAt(article, Math.max(p.start, p.end - 1)) === sentenceAt(article, sm.start))) continue;
    const words = parts.flatMap((p) => article.text.slice(p.start, p.end).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
    if (words.length < 3) continue;
    const value = { start: q.speakerMention.start, end: q.speakerMention.end };
    out.push({
      kind: 'quote',
      article,
      value,
      context: contextOf(article, { start: Math.min(q.start, value.start), end: Math.max(value.end, Math.min(q.end, value.start + 40)) }, FACT_CONTEXT),
      sentence: sentenceAt(article, value.start),
      words,
      speaker: q.speaker ? toStory(q.speaker) : null,
      speakerText: article.text.slice(value.start, value.end),
    });
  }
  return out;
}
