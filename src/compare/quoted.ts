import type { Article, Span } from '../model/document.js';

/** Words of a stretch of text, lower case, for matching quoted words across articles. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Longest run of words two word lists share, in order. */
export function commonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = keep;
    }
  }
  return best;
}

/** How many words of a span of an article lie inside quotation marks (the quote layer's verbatim parts). */
export function quotedWordCount(article: Article, span: Span): number {
  let n = 0;
  for (const q of article.layers.quotes ?? []) {
    for (const p of q.quoted ?? []) {
      const s = Math.max(p.start, span.start);
      const e = Math.min(p.end, span.end);
      if (e > s) n += wordsOf(article.text.slice(s, e)).length;
    }
  }
  return n;
}

/**
 * Whether two statements can be one where either is largely (40%) someone's quoted words: a quote is matched by its
 * words, so the two must share a run of at least four words that is half the quoted words (eight suffice).
 * Two different quotes, or a quote and a sentence, that merely share a subject ("speaking often by
 * telephone" / "A telephone call would have done the job") are not one statement.
 */
export function quotesAgree(a: { article: Article; span: Span }, b: { article: Article; span: Span }): boolean {
  const wa = wordsOf(a.article.text.slice(a.span.start, a.span.end));
  const wb = wordsOf(b.article.text.slice(b.span.start, b.span.end));
  const qa = quotedWordCount(a.article, a.span);
  const qb = quotedWordCount(b.article, b.span);
  const quoted = [qa >= 0.4 * wa.length ? qa : 0, qb >= 0.4 * wb.length ? qb : 0];
  const most = Math.max(...quoted);
  if (most === 0) return true;
  return commonRun(wa, wb) >= Math.max(4, Math.min(8, Math.ceil(0.5 * most)));
}
