// Feed items as articles: the item's full content when the feed carries it, else its summary.
import { makeArticle, type Article } from '../model/document.js';
import { ParallaxError } from '../model/errors.js';
import type { Feed, FeedItem } from '../feeds/parse-feed.js';
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
