import type { Article, Span } from '../model/document.js';
import type { Evidence } from './types.js';

/** Evidence is always a slice of the article's cleaned text. */
export function evidence(article: Article, span: Span, role?: string): Evidence {
  const e: Evidence = { article: article.id, start: span.start, end: span.end, text: article.text.slice(span.start, span.end) };
  if (role) e.role = role;
  return e;
}

export function outletName(article: Article): string {
  return article.outlet ?? article.id;
}

/** A short quotation of a span for summaries (whole words, at most `max` characters). */
export function excerpt(text: string, max = 110): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)) + '…';
}
