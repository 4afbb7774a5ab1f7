// RSS 2.0, RSS 1.0 (RDF) and Atom feeds into one item shape.
import { ParallaxError } from '../model/errors.js';
import { childElements, firstChild, innerXml, parseXml, textOf, type XmlElement } from './xml.js';

export interface FeedItem {
  /** guid / id, else the link. */
  id: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
  /** Full content as HTML (content:encoded, Atom content), when the feed carries it. */
  contentHtml: string | null;
  /** Summary/description as HTML. */
  summaryHtml: string | null;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

/** Whether text looks like an RSS/Atom document (checked on the start of the file). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<rss[\s>]|<feed[\s>][^]*?xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom|<feed[\s>]|<rdf:RDF[\s>]/i.test(head);
}

const clean = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

function isoDate(s: string | null): string | null {
  if (!s) return null;
  const t = Date.parse(s.trim());
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString();
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

function atomContent(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return clean(innerXml(el)) ? innerXml(el) : null;
  const t = textOf(el);
  if (type === 'text' || type === 'text/plain') return clean(t) ? t.replace(/&/g, '&amp;').replace(/</g, '&lt;') : null;
  return clean(t) ? t : null;
}

function atomLink(el: XmlElement, base: string | null): string | null {
  const links = childElements(el, 'link').concat(childElements(el, 'atom:link'));
  const alt = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate') ?? links[0];
  return resolveUrl(alt?.attrs.href ?? null, el.attrs['xml:base'] ?? base);
}

function rssItem(item: XmlElement, base: string | null): FeedItem {
  const link = clean(textOf(firstChild(item, 'link'))) ?? (firstChild(item, 'atom:link')?.attrs.href ?? null);
  const guid = firstChild(item, 'guid');
  const url = resolveUrl(link, base) ?? (guid && guid.attrs.ispermalink !== 'false' ? resolveUrl(clean(textOf(guid)), base) : null);
  return {
    id: clean(textOf(guid)) ?? url,
    title: clean(textOf(firstChild(item, 'title'))),
    url,
    published: isoDate(clean(textOf(firstChild(item, 'pubdate', 'dc:date', 'published', 'updated')))),
    author: clean(textOf(firstChild(item, 'dc:creator', 'author'))),
    contentHtml: clean(textOf(firstChild(item, 'content:encoded'))) ? textOf(firstChild(item, 'content:encoded')) : null,
    summaryHtml: clean(textOf(firstChild(item, 'description'))) ? textOf(firstChild(item, 'description')) : null,
  };
}

function atomEntry(entry: XmlElement, base: string | null): FeedItem {
  const url = atomLink(entry, base);
  return {
    id: clean(textOf(firstChild(entry, 'id'))) ?? url,
    title: clean(textOf(firstChild(entry, 'title'))),
    url,
    published: isoDate(clean(textOf(firstChild(entry, 'published', 'updated', 'issued', 'modified')))),
    author: clean(textOf(firstChild(firstChild(entry, 'author') ?? entry, 'name'))),
    contentHtml: atomContent(firstChild(entry, 'content')),
    summaryHtml: atomContent(firstChild(entry, 'summary')),
  };
}

/** Parses a feed; `base` resolves relative links (the feed's own URL). Throws E_PARSE when it is no feed. */
export function parseFeed(xml: string, subject: string, base: string | null = null): Feed {
  const doc = parseXml(xml);
  const top = childElements(doc)[0];
  if (!top) throw new ParallaxError('E_PARSE', 'not a feed: no XML element found', subject);
  if (top.name === 'rss') {
    const channel = firstChild(top, 'channel') ?? top;
    const link = clean(textOf(firstChild(channel, 'link')));
    return {
      kind: 'rss',
      title: clean(textOf(firstChild(channel, 'title'))),
      link,
      items: childElements(channel, 'item').map((i) => rssItem(i, base ?? link)),
    };
  }
  if (top.name === 'feed') {
    const link = atomLink(top, base);
    return { kind: 'atom', title: clean(textOf(firstChild(top, 'title'))), link, items: childElements(top, 'entry').map((e) => atomEntry(e, base ?? link)) };
  }
  if (top.name === 'rdf:rdf') {
    const channel = firstChild(top, 'channel');
    const link = clean(textOf(firstChild(channel ?? top, 'link')));
    return { kind: 'rdf', title: clean(textOf(firstChild(channel ?? top, 'title'))), link, items: childElements(top, 'item').map((i) => rssItem(i, base ?? link)) };
  }
  throw new ParallaxError('E_PARSE', `not an RSS or Atom feed (the document element is <${top.name}>)`, subject);
}
