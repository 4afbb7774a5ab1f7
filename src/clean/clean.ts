import type { Article } from '../model/document.js';

/**
 * Cleaning: removes boilerplate and datelines from `original`, producing `text`, `segments` and `removed`.
 * First version: whitespace only; the cleaning issue fills this in.
 */
export function cleanArticle(article: Article): Article {
  return article;
}
