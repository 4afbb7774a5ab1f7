import type { ExtractionInfo } from '../model/document.js';

export interface HtmlExtraction {
  /** The article body as plain text, paragraphs separated by blank lines. */
  text: string;
  title: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  siteName: string | null;
  language: string | null;
  canonicalUrl: string | null;
  extraction: ExtractionInfo;
}

export interface ExtractOptions {
  url?: string | null;
  /** Dates after this are not publication dates (defaults to now). */
  crawledAt?: Date;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** First version: paragraphs of the page, scripts and styles dropped. The extraction issue replaces it with a cascade. */
export function extractHtml(html: string, _options: ExtractOptions = {}): HtmlExtraction {
  const title = /<title[^>]*>([^<]{0,500})<\/title>/i.exec(html)?.[1] ?? null;
  const body = html
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|section|article|br)\s*>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ');
  const text = decodeEntities(body)
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
  return {
    text,
    title: title ? decodeEntities(title).trim() : null,
    authors: [],
    published: null,
    modified: null,
    siteName: null,
    language: null,
    canonicalUrl: null,
    extraction: { method: 'tag-strip', confidence: 0.5 },
  };
}
