// Reads a URL given to `ingest`: a feed (its items, each linked page fetched when the feed has no
// full text) or an article page.
import type { IngestItem } from './ingest.js';
import { createFetcher, type Fetcher } from './fetcher.js';
import { feedItems } from './feed-articles.js';
import { formatOfFetched } from './formats.js';
import { articleFromContent } from './read-inputs.js';
import { isParallaxError } from '../model/errors.js';

export interface UrlReaderOptions {
  allowPrivate?: boolean;
  maxBytes?: number;
  outlet?: string | null;
  fetcher?: Fetcher;
}

export function pageArticle(url: string, body: string, contentType: string | null, outlet: string | null): IngestItem {
  try {
    const html = formatOfFetched(contentType, body).name !== 'text';
    const article = articleFromContent(html ? { html: body } : { text: body }, { source: url, url, format: html ? 'html' : 'text', ...(outlet ? { outlet } : {}) });
    if (!article.outlet) article.outlet = new URL(url).hostname.replace(/^www\./, '');
    return { article };
  } catch (e) {
    return { failure: { subject: url, message: isParallaxError(e) ? e.message : `${url}: ${(e as Error).message}` } };
  }
}

export function createUrlReader(options: UrlReaderOptions = {}): (url: string) => AsyncIterable<IngestItem> {
  let fetcher: Fetcher | null = options.fetcher ?? null;
  const get = async () => (fetcher ??= await createFetcher({ allowPrivate: options.allowPrivate ?? false, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) }));
  return async function* read(url: string): AsyncGenerator<IngestItem> {
    const f = await get();
    const res = await f.fetch(url);
    if (res.status === 'error') {
      yield { failure: { subject: url, message: `${url}: ${res.message}` } };
      return;
    }
    if (res.status === 'not-modified') return;
    if (formatOfFetched(res.contentType, res.body).name === 'rss') {
      yield* feedItemsWithPages(f, res.body, res.url, options.outlet ?? null);
      return;
    }
    yield pageArticle(res.url, res.body, res.contentType, options.outlet ?? null);
  };
}

/** Items of a fetched feed; a summary-only item is replaced by the page it links to, when that can be read. */
export async function* feedItemsWithPages(f: Fetcher, body: string, feedUrl: string, outlet: string | null): AsyncGenerator<IngestItem> {
  for (const item of feedItems(body, feedUrl, feedUrl, outlet)) {
    if ('article' in item && item.article.extraction.method === 'feed-summary' && item.article.url) {
      const page = await f.fetch(item.article.url);
      if (page.status === 'ok') {
        const full = pageArticle(page.url, page.body, page.contentType, item.article.outlet);
        if ('article' in full) {
          full.article.title ??= item.article.title;
          full.article.published ??= item.article.published;
          yield full;
          continue;
        }
      }
    }
    yield item;
  }
}
