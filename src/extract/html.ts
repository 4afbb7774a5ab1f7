import type { ExtractionInfo } from '../model/document.js';
import { extractByDensity } from './density.js';
import { readabilityText } from './readability.js';
import { parsePage } from './tree.js';

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

export function extractHtml(html: string, _options: ExtractOptions = {}): HtmlExtraction {
  const page = parsePage(html);
  const d = extractByDensity(page.root);
  let text = d.paragraphs.join('\n\n');
  let method = 'dom-density';
  if (text.length < 200) {
    const r = readabilityText(html).replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
    if (r.length > text.length) {
      text = r;
      method = 'readability';
    }
  }
  return {
    text,
    title: page.head.title?.trim() ?? null,
    authors: [],
    published: null,
    modified: null,
    siteName: null,
    language: page.head.lang,
    canonicalUrl: null,
    extraction: { method, confidence: d.coverage, notes: d.notes },
  };
}
