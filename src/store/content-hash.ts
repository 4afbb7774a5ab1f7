import { createHash } from 'node:crypto';
import type { Article } from '../model/document.js';

/**
 * Identity of an article's content: the body as read (before cleaning), Unicode-normalised with
 * whitespace collapsed, so re-reading the same article from another file or a re-served page with
 * different markup gives the same hash.
 */
export function contentHash(article: Pick<Article, 'original' | 'title'>): string {
  const body = article.original.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(body).digest('hex');
}
