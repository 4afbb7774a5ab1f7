import type { Article, Span } from '../../model/document.js';
import { lowerBound } from '../../annotate/span-index.js';

export const MAX_CONTEXT = 300;
/** Facts quote a shorter stretch around their value: the clause, not the whole sentence. */
export const FACT_CONTEXT = 160;

/** Index of the sentence that contains `offset` (binary search; -1 when none does). */
export function sentenceAt(article: Article, offset: number): number {
  const s = article.layers.sentences ?? [];
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.end <= offset) lo = mid + 1;
    else if (s[mid]!.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The clause around a value: its sentence, cut at clause punctuation (; — :) that lies outside the value and
 * clipped to at most `max` characters around it at word boundaries. Always a slice of the article's text.
 */
export function contextOf(article: Article, value: Span, max = MAX_CONTEXT): Span {
  const i = sentenceAt(article, value.start);
  const text = article.text;
  // Never look further than `max` either side (a long input may be one endless sentence).
  let start = Math.max(i >= 0 ? article.layers.sentences![i]!.start : 0, value.start - max);
  let end = Math.min(i >= 0 ? Math.max(article.layers.sentences![i]!.end, value.end) : text.length, Math.max(value.end + max, value.end));
  // Clause punctuation outside the value bounds the context.
  const before = text.slice(start, value.start);
  const cutBefore = Math.max(before.lastIndexOf(';'), before.lastIndexOf(' — '), before.lastIndexOf(' – '));
  if (cutBefore >= 0) start += cutBefore + 1;
  const after = text.slice(value.end, end);
  const cuts = [after.indexOf(';'), after.indexOf(' — '), after.indexOf(' – ')].filter((x) => x >= 0);
  if (cuts.length) end = value.end + Math.min(...cuts);
  if (end - start > max) {
    const room = Math.max(0, max - (value.end - value.start));
    let s = Math.max(start, value.start - Math.floor(room / 2));
    let e = Math.min(end, s + Math.max(max, value.end - value.start));
    s = Math.max(start, Math.min(s, e - max));
    // Whole words.
    while (s > start && s < value.start && /\S/.test(text[s - 1]!)) s++;
    while (e < end && e > value.end && /\S/.test(text[e]!)) e--;
    start = s;
    end = e;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end - start > max) end = start + max;
  return { start, end };
}

/** The entity mentions inside a span (mentions sorted by start; binary search, so linear over an article). */
export function mentionsIn<M extends Span>(sorted: readonly M[], span: Span): M[] {
  const out: M[] = [];
  for (let k = lowerBound(sorted.length, (i) => sorted[i]!.start < span.start); k < sorted.length && sorted[k]!.start < span.end; k++) if (sorted[k]!.end <= span.end) out.push(sorted[k]!);
  return out;
}

/** The sentence around an offset, bounded to `max` characters either side. */
export function sentenceSpan(article: Article, offset: number, max = MAX_CONTEXT): Span {
  const i = sentenceAt(article, offset);
  const s = i >= 0 ? article.layers.sentences![i]! : { start: 0, end: article.text.length };
  return { start: Math.max(s.start, offset - max), end: Math.min(s.end, offset + max) };
}
