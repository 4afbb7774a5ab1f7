import { makeArticle, type Article } from '../../src/model/document.js';
import { articleFromContent } from '../../src/ingest/read-inputs.js';

/** A plain-text article for tests. */
export function testArticle(id: string, outlet: string, text: string, extra: Partial<Article> = {}): Article {
  return { ...makeArticle({ id, source: `${id}.txt`, format: 'text', outlet, title: extra.title ?? null, published: extra.published ?? null, url: null, language: 'en' }, text), ...extra };
}

/** A news report as `parallax ingest` reads it from a JSON Lines row (the clustering tests' articles). */
export const newsArticle = (id: string, outlet: string, published: string | null, title: string, text: string): Article =>
  articleFromContent({ text }, { id, source: `test:${id}`, outlet, title, published });

export const HOSTILE_TEXT =
  'Officials met on Monday. <script>window.__pwned = 1</script> Then <img src=x onerror="window.__pwned = 2"> appeared, and "quotes" & ampersands stayed text.';
