// HTML -> article body and metadata: a cascade in the spirit of trafilatura. The main extractor scores
// page blocks by text density (density.ts); when it finds too little, @mozilla/readability runs as the
// next candidate, and the longer credible text wins; when both fail, every paragraph of the page is
// taken, with low confidence, so a comparison can say it could not read the whole article.

import type { ExtractionInfo } from '../model/document.js';
import { classifyParagraph } from '../clean/boilerplate.js';
import { extractByDensity } from './density.js';
import { readMetadata } from './metadata.js';
import { readabilityText } from './readability.js';
import { serialize } from './serialize.js';
import { computeStats } from './stats.js';
import { elements, parsePage } from './tree.js';

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
  /** Skip the readability fallback (for measuring the main extractor alone). */
  noFallback?: boolean;
}

// Interface lines, share rows, cookie and newsletter prompts that sat inside the article container.
// Appeals and related links are left to cleaning (cleanArticle), which records them as removed.
const DROP_KINDS = new Set(['ui', 'share', 'cookie', 'footer', 'credit', 'newsletter']);
/** Below this many characters the main extractor "found too little". */
const TOO_LITTLE = 250;

function dropUiLines(paragraphs: string[]): string[] {
  return paragraphs.filter((p) => {
    // Those kinds are short; long paragraphs are prose (and classifying them costs time on huge pages).
    if (p.length > 400) return true;
    const v = classifyParagraph(p);
    return !(v.strength === 'strong' && v.kind !== null && DROP_KINDS.has(v.kind));
  });
}

function normaliseReadability(text: string): string {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function extractHtml(html: string, options: ExtractOptions = {}): HtmlExtraction {
  const page = parsePage(html);
  // Metadata first: the body extractor takes furniture (bylines, time stamps) out of the tree.
  const meta = readMetadata(page.head, page.root, options);
  const description = page.head.meta.get('og:description')?.[0] ?? page.head.meta.get('description')?.[0] ?? '';
  const titles = [meta.title, page.head.title].filter((t): t is string => !!t);
  const d = extractByDensity(page.root, titles);
  const notes = [...d.notes];
  let text = dropUiLines(d.paragraphs).join('\n\n');
  let method = 'dom-density';

  // Readability walks the DOM in ways that grow much faster than the page on deep or huge markup: it
  // is tried only on pages of ordinary shape, so hostile pages stay bounded in time.
  const ordinary = html.length <= 3_000_000 && page.flattened === 0 && page.elementCount <= 60_000;
  if (text.length < TOO_LITTLE && !options.noFallback && !ordinary) notes.push('readability not tried: page too large or too deeply nested');
  if (text.length < TOO_LITTLE && !options.noFallback && ordinary) {
    const r = normaliseReadability(readabilityText(html));
    notes.push(`main extractor found ${text.length} characters; tried readability (${r.length})`);
    if (r.length > text.length) {
      text = r;
      method = 'readability';
    }
  }
  if (text.length < TOO_LITTLE) {
    // Last resort: every paragraph of the page that is not furniture-free link text.
    const body = [...elements(page.root)].find((e) => e.tag === 'body') ?? page.root;
    const all = dropUiLines(serialize(body, computeStats(body))).join('\n\n');
    if (all.length > text.length * 2) {
      text = all;
      method = 'all-text';
      notes.push('no article container found: took all text of the page');
    }
  }

  // How sure we are that the whole article was read.
  let confidence = method === 'dom-density' ? 0.45 : method === 'readability' ? 0.35 : 0.1;
  if (text.length >= 500) confidence += 0.2;
  if (text.length >= 1500) confidence += 0.1;
  if (method === 'dom-density' && d.hinted) confidence += 0.1;
  const lead = wordsOf(description).slice(0, 8);
  if (lead.length >= 4) {
    const have = new Set(wordsOf(text.slice(0, 3000)));
    const hit = lead.filter((w) => have.has(w)).length / lead.length;
    if (hit >= 0.75) confidence += 0.15;
    else notes.push('the page description is not found in the extracted text');
  }
  if (text.length < TOO_LITTLE) notes.push('could not read the whole article: very little text found');

  return {
    text,
    title: meta.title,
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    siteName: meta.siteName,
    language: meta.language,
    canonicalUrl: meta.canonicalUrl,
    extraction: { method, confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)), notes },
  };
}
