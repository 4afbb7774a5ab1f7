// The input formats, in one registry read by every way in: `compare` and `cluster` (readFile), `ingest`
// and `watch` (collectInputs, the URL reader) and the API. Adding a format is one entry here (and its
// reader's module, if it needs one).
import type { Article } from '../model/document.js';
import { ParallaxError } from '../model/errors.js';
import { looksLikeFeed } from '../feeds/parse-feed.js';
import { articleFromContent, type ReadFailure, type SourceHints } from './article.js';
import { decodeBytes, utf16WithoutBom } from './decode.js';
import { feedItems } from './feed-articles.js';
import { hasWideBom, readJsonLines, streamJsonLines } from './json-lines.js';
import type { IngestItem } from './ingest.js';

export interface FormatReadContext {
  /** The file (or URL) read: the subject of errors and the source of its articles. */
  subject: string;
  hints: SourceHints;
  /** Failures of single records (a bad line, an empty feed item) when the reader goes on. */
  failures: ReadFailure[];
  keepGoing: boolean;
  /** The base for relative links (a fetched feed's URL). */
  base?: string | null;
}

export interface InputFormat {
  readonly name: string;
  /** File extensions, lower-case with the dot. */
  readonly extensions: readonly string[];
  /** Media types (Content-Type) of fetched bodies in this format. */
  readonly mediaType?: RegExp;
  /** True when the start of a file's text shows this format whatever its extension says (`ext` given). */
  sniff?(head: string, ext: string): boolean;
  /** Whether a file of this extension is taken as is, without sniffing its content. */
  readonly trustExtension: boolean;
  /** Reads a whole file's bytes into articles. */
  read(bytes: Buffer, ctx: FormatReadContext): Article[];
  /** Reads a (large) file as it streams, when the format can. Null: read it whole. */
  stream?(path: string, options: { maxBytes: number; hints: SourceHints }, head: Buffer): AsyncIterable<IngestItem> | null;
}

const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i;

function contentMeta(ctx: FormatReadContext) {
  const h = ctx.hints;
  return { source: ctx.subject, outlet: h.outlet ?? null, published: h.published ?? null, title: h.title ?? null, url: h.url ?? null, language: h.language ?? null };
}

const jsonLines: InputFormat = {
  name: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  trustExtension: true,
  read: (bytes, ctx) => readJsonLines(ctx.subject, bytes, ctx.hints, ctx.failures, ctx.keepGoing),
  // UTF-16 and UTF-32 files are read whole (UTF-16 without a BOM then says what it is).
  stream: (path, options, head) => (hasWideBom(head) || utf16WithoutBom(head) ? null : streamJsonLines(path, { maxLineBytes: options.maxBytes, hints: options.hints })),
};

const feed: InputFormat = {
  name: 'rss',
  extensions: ['.xml', '.rss', '.atom', '.rdf'],
  mediaType: /rss|atom|xml/i,
  trustExtension: true,
  // A text or HTML file that really holds a feed is read as one.
  sniff: (head) => looksLikeFeed(head),
  read(bytes, ctx) {
    const out: Article[] = [];
    for (const item of feedItems(decodeBytes(bytes, ctx.subject).text, ctx.subject, ctx.base ?? null, ctx.hints.outlet ?? null)) {
      if ('article' in item) out.push(item.article);
      else if (ctx.keepGoing) ctx.failures.push(item.failure);
      else throw new ParallaxError('E_PARSE', item.failure.message, item.failure.subject);
    }
    return out;
  },
};

const html: InputFormat = {
  name: 'html',
  extensions: ['.html', '.htm'],
  mediaType: /html|xml/i,
  trustExtension: false,
  // A .txt file is text even when it starts with a tag.
  sniff: (head, ext) => ext !== '.txt' && HTML_START.test(head.slice(0, 2000)),
  read(bytes, ctx) {
    const text = decodeBytes(bytes, ctx.subject, { html: true }).text;
    return [articleFromContent({ html: text }, { ...contentMeta(ctx), format: 'html' })];
  },
};

const text: InputFormat = {
  name: 'text',
  extensions: ['.txt', '.text', '.md'],
  trustExtension: false,
  read(bytes, ctx) {
    const decoded = decodeBytes(bytes, ctx.subject).text;
    return [articleFromContent({ text: decoded }, { ...contentMeta(ctx), format: 'text' })];
  },
};

/** Every format; the order is the order of sniffing. Text is the fallback. */
export const INPUT_FORMATS: readonly InputFormat[] = [jsonLines, feed, html, text];
const FALLBACK = text;

/** Extensions of the files read from a directory. */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(INPUT_FORMATS.flatMap((f) => f.extensions));

export function formatByExtension(ext: string): InputFormat | null {
  return INPUT_FORMATS.find((f) => f.extensions.includes(ext.toLowerCase())) ?? null;
}

/** The first characters of a file, for sniffing (decoding errors are left to the format's reader). */
export function headText(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096);
  try {
    return decodeBytes(head, '').text;
  } catch {
    return head.toString('latin1');
  }
}

/** The format of a file: its extension when that settles it, else what its first characters show. */
export function formatOf(ext: string, head: string | (() => string)): InputFormat {
  const byExt = formatByExtension(ext);
  if (byExt?.trustExtension) return byExt;
  const text = typeof head === 'string' ? head : head();
  const sniffed = INPUT_FORMATS.find((f) => f.sniff?.(text, ext.toLowerCase()));
  return sniffed ?? byExt ?? FALLBACK;
}

/** The format of a fetched body (a feed or a page): its media type, else its first characters. */
export function formatOfFetched(contentType: string | null, body: string): InputFormat {
  if (feed.mediaType!.test(contentType ?? '') || feed.sniff!(body, '')) return feed;
  return html.mediaType!.test(contentType ?? '') || /^\s*</.test(body) ? html : FALLBACK;
}
