// Page metadata: title, authors, publication and update dates, site name, language, canonical URL.
// Each field is read from the most trusted source that has it: JSON-LD, then OpenGraph, then other meta
// tags, then <time> elements, then the URL, then visible text. No date after the crawl is accepted.

import { dateFromUrl, fromText, normaliseDate, notAfter } from './dates.js';
import { elements, textOf, type El, type PageHead } from './tree.js';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  siteName: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** Where the publication date came from ('json-ld', 'opengraph', 'meta', 'time', 'url', 'text'). */
  publishedFrom: string | null;
}

type Json = unknown;

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|ScholarlyArticle|TechArticle|Report|SocialMediaPosting|WebPage|ItemPage)$/;

/** The objects of all JSON-LD blocks, @graph flattened; articles first, then pages. */
function jsonLdObjects(blocks: string[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (x: Json, depth: number) => {
    if (depth > 4 || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x.slice(0, 50)) visit(y, depth + 1);
      return;
    }
    const o = x as Record<string, Json>;
    if (o['@graph']) visit(o['@graph'], depth + 1);
    const types = ([] as Json[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPES.test(t))) out.push(o);
  };
  for (const b of blocks.slice(0, 20)) {
    try {
      // Some pages wrap JSON-LD in comments or CDATA.
      visit(JSON.parse(b.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[)|(?:-->|\/\/\]\]>)\s*$/g, '')), 0);
    } catch {
      // invalid JSON-LD is common; other sources remain
    }
  }
  const rank = (o: Record<string, Json>) => (([] as Json[]).concat(o['@type'] ?? []).map(String).some((t) => /Page$/.test(t)) ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}

function str(x: Json): string | null {
  if (typeof x === 'string') return x.trim() || null;
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return str(x[0]);
  if (x && typeof x === 'object' && 'name' in x) return str((x as { name: Json }).name);
  return null;
}

function names(x: Json): string[] {
  if (x === null || x === undefined) return [];
  if (Array.isArray(x)) return x.flatMap(names);
  if (typeof x === 'string') return [x];
  if (typeof x === 'object') {
    const n = (x as Record<string, Json>).name;
    return typeof n === 'string' ? [n] : Array.isArray(n) ? n.filter((y): y is string => typeof y === 'string') : [];
  }
  return [];
}

const NOT_A_NAME = /\b(e-?mail|follow|twitter|facebook|instagram|linkedin|share|updated?|published|posted|contact|read more|more from|view all|subscribe|sign up|min read|comments?)\b|@|https?:|www\.|\d/i;

/** Author names from a byline or a field: "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]. */
export function cleanAuthors(raw: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    // A byline longer than this is not a byline, and the patterns below are quadratic on long runs.
    if (r.length > 1000) continue;
    const parts = r
      .replace(/\s+/g, ' ')
      .replace(/^\s*(?:by|from|von|par|por|di|door|автор:?)\s+/i, '')
      .split(/\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*/i);
    for (let p of parts) {
      p = p.replace(/^\s*by\s+/i, '').replace(/[\s.:-]+$/, '').trim();
      // A role after a name ("Jane Doe, Reuters" is split above; "Jane Doe Staff Writer" stays whole).
      if (p.length < 3 || p.length > 60 || NOT_A_NAME.test(p) || normaliseDate(p) || fromText(p)) continue;
      if (!/\p{Lu}/u.test(p) || p.split(' ').length > 6) continue;
      const key = p.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out.slice(0, 10);
}

function firstMeta(head: PageHead, keys: string[]): string | null {
  for (const k of keys) {
    const v = head.meta.get(k)?.find((x) => x.trim() !== '');
    if (v) return v.trim();
  }
  return null;
}

function languageOf(s: string | null): string | null {
  if (!s) return null;
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(s.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}

/** "Headline | Site" -> the site, when the title has such a suffix. */
function siteFromTitle(title: string | null): string | null {
  // Long titles are not "Headline | Site", and the split is quadratic on long runs of spaces.
  if (!title || title.length > 1000) return null;
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!.trim();
  return last.length >= 2 && last.length <= 40 && last.length < title.length / 2 ? last : null;
}

function stripSite(title: string, site: string | null): string {
  if (!site || title.length > 1000) return title;
  const re = new RegExp(`\\s*[|–—:-]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  const t = title.replace(re, '').trim();
  return t.length >= 5 ? t : title;
}

interface BodyHints {
  h1: string | null;
  times: { value: string; strong: boolean }[];
  bylines: string[];
  authorLinks: string[];
  dateTexts: string[];
}

/** One pass over the page for what metadata needs from the body. */
function bodyHints(root: El): BodyHints {
  const h: BodyHints = { h1: null, times: [], bylines: [], authorLinks: [], dateTexts: [] };
  let seen = 0;
  for (const el of elements(root)) {
    if (++seen > 200_000) break;
    const a = el.attrs;
    if (el.tag === 'h1' && h.h1 === null) h.h1 = textOf(el).replace(/\s+/g, ' ').trim() || null;
    if (el.tag === 'time' && h.times.length < 20) {
      const v = a.datetime ?? textOf(el);
      h.times.push({ value: v, strong: a.pubdate !== undefined || /datePublished/i.test(a.itemprop ?? '') });
    }
    if (a.itemprop && /datePublished/i.test(a.itemprop) && a.content) h.times.unshift({ value: a.content, strong: true });
    if (a.rel === 'author' && h.authorLinks.length < 10) h.authorLinks.push(textOf(el));
    const cls = `${a.class ?? ''} ${a.id ?? ''}`;
    if (h.bylines.length < 10 && ((a.itemprop && /^author$/i.test(a.itemprop)) || /(?:^|[\s_-])(?:byline|author|authors|author-name|byline__name)(?=$|[\s_-])/i.test(cls))) {
      const t = textOf(el).replace(/\s+/g, ' ').trim();
      if (t && t.length <= 120) h.bylines.push(t);
    }
    if (h.dateTexts.length < 10 && /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate|posted|byline|meta)(?=$|[\s_-])/i.test(cls)) {
      const t = textOf(el).replace(/\s+/g, ' ').trim();
      if (t && t.length <= 120) h.dateTexts.push(t);
    }
  }
  return h;
}

export function readMetadata(head: PageHead, root: El, options: { url?: string | null; crawledAt?: Date }): PageMetadata {
  const crawledAt = options.crawledAt ?? new Date();
  const ld = jsonLdObjects(head.jsonLd);
  const body = bodyHints(root);
  const ok = (d: string | null) => (d && notAfter(d, crawledAt) ? d : null);

  // Dates, in order of trust.
  const published: [string, string | null][] = [
    ['json-ld', ld.map((o) => normaliseDate(str(o.datePublished) ?? str(o.dateCreated))).find((d) => ok(d)) ?? null],
    ['opengraph', normaliseDate(firstMeta(head, ['article:published_time', 'og:published_time', 'og:pubdate']))],
    ['meta', normaliseDate(firstMeta(head, ['datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'article.published', 'citation_publication_date', 'citation_date', 'original-publish-date', 'cxenseparse:recs:publishtime', 'release_date', 'displaydate']))],
    ['time', body.times.filter((t) => t.strong).concat(body.times).map((t) => normaliseDate(t.value)).find((d) => ok(d)) ?? null],
    ['url', dateFromUrl(options.url)],
    ['text', body.dateTexts.map((t) => fromText(t)).find((d) => ok(d)) ?? null],
  ];
  const pub = published.find(([, d]) => ok(d));
  const modified = ok(
    ld.map((o) => normaliseDate(str(o.dateModified))).find((d) => ok(d)) ??
      normaliseDate(firstMeta(head, ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod', 'article.updated', 'parsely-updated'])),
  );

  // Site name before the title, so a "| Site" suffix can be taken off the title.
  const siteName =
    str(ld.map((o) => o.publisher).find((p) => str(p))) ??
    firstMeta(head, ['og:site_name', 'application-name', 'al:android:app_name', 'al:iphone:app_name', 'twitter:app:name:iphone']) ??
    siteFromTitle(head.title?.trim() ?? null);

  const rawTitle =
    ld.map((o) => str(o.headline)).find((t) => t) ??
    firstMeta(head, ['og:title', 'twitter:title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title']) ??
    body.h1 ??
    head.title?.trim() ??
    null;
  const title = rawTitle ? stripSite(rawTitle.replace(/\s+/g, ' ').trim(), siteName) : null;

  const authors = cleanAuthors(
    [
      ...ld.flatMap((o) => names(o.author ?? o.creator)),
      ...(head.meta.get('author') ?? []),
      ...(head.meta.get('article:author') ?? []).filter((a) => !/^https?:/i.test(a)),
      ...(head.meta.get('parsely-author') ?? []),
      ...(head.meta.get('sailthru.author') ?? []),
      ...(head.meta.get('dc.creator') ?? []),
      ...(head.meta.get('byl') ?? []),
      ...(head.meta.get('citation_author') ?? []),
    ].slice(0, 20),
  );
  const finalAuthors = authors.length ? authors : cleanAuthors([...body.authorLinks, ...body.bylines]);

  const language = languageOf(
    head.lang ?? str(ld.map((o) => o.inLanguage).find((x) => str(x))) ?? firstMeta(head, ['og:locale', 'content-language', 'language', 'dc.language']),
  );
  const canonicalUrl = resolveUrl(head.links.get('canonical')?.[0] ?? firstMeta(head, ['og:url']) ?? str(ld.map((o) => o.url).find((u) => str(u))), options.url);

  return {
    title,
    authors: finalAuthors,
    published: pub ? pub[1] : null,
    modified,
    siteName: siteName ? siteName.replace(/\s+/g, ' ').trim() : null,
    language,
    canonicalUrl,
    publishedFrom: pub ? pub[0] : null,
  };
}
