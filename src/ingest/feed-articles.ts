// Feed items as articles: the item's full content when the feed carries it, else its summary.
import { makeArticle, type Article } from '../model/document.js';
import { ParallaxError, isParallaxError } from '../model/errors.js';
import { parseFeed, type Feed, type FeedItem } from '../feeds/parse-feed.js';
import type { IngestItem } from './ingest.js';
import { htmlFragmentToText } from '../feeds/html-text.js';
import { createHash } from 'node:crypto';
import { singleLineLabel } from './labels.js';

export function feedItemArticle(item: FeedItem, feed: Feed, source: string, outlet: string | null): Article {
  const html = item.contentHtml ?? item.summaryHtml;
  const text = html ? htmlFragmentToText(html) : '';
  if (text === '') throw new ParallaxError('E_EMPTY', 'the feed item has no text', source);
  const id = createHash('sha1')
    .update(item.id ?? item.url ?? source)
    .update('\0')
    .update(text)
    .digest('hex')
    .slice(0, 12);
  return makeArticle(
    {
      id,
      source,
      format: 'rss',
      outlet: singleLineLabel(outlet ?? feed.title),
      title: singleLineLabel(item.title),
      published: item.published,
      url: item.url,
      language: null,
      ...(item.author ? { authors: [item.author] } : {}),
    },
    html ?? text,
    text,
    { method: item.contentHtml ? 'feed-content' : 'feed-summary', confidence: item.contentHtml ? 0.8 : 0.3 },
  );
}

/** Items of a feed document (file or fetched); an item that cannot be read is a failure naming it. */
export function feedItems(xml: string, subject: string, base: string | null, outlet: string | null): IngestItem[] {
  const feed = parseFeed(xml, subject, base);
  return feed.items.map((item, i) => {
    const source = `${subject}#${i + 1}`;
    try {
      return { article: feedItemArticle(item, feed, source, outlet) };
    } catch (e) {
      if (isParallaxError(e)) return { failure: { subject: e.subject ?? source, message: e.message } };
      return { failure: { subject: source, message: `${source}: ${(e as Error).message}` } };
    }
  });
}
