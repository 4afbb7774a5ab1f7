// An article from content and what is known about it, and a file's bytes within a size limit: what
// every input format (src/ingest/formats.ts) builds on.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { makeArticle, type Article, type ArticleMeta } from '../model/document.js';
import { ParallaxError, isParallaxError } from '../model/errors.js';
import { extractHtml } from '../extract/html.js';
import { singleLineLabel } from './labels.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** What the user says about a file (from flags or a manifest). */
export interface SourceHints {
  outlet?: string | null;
  published?: string | null;
  title?: string | null;
  url?: string | null;
  language?: string | null;
}

export interface ReadOptions {
  maxBytes?: number;
  /** Applied to every file unless a manifest says otherwise. */
  hints?: SourceHints;
}

export interface ReadFailure {
  subject: string;
  message: string;
}

export interface ReadResult {
  articles: Article[];
  failures: ReadFailure[];
}

function articleId(source: string, body: string): string {
  return createHash('sha1').update(source).update('\0').update(body).digest('hex').slice(0, 12);
}

export function normaliseDate(value: unknown, subject: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new ParallaxError('E_PARSE', `"published" is not a date: ${JSON.stringify(value).slice(0, 60)}`, subject);
  }
  return value;
}

/** Builds an article from plain text or HTML with the given metadata. */
export function articleFromContent(
  content: { text?: string; html?: string },
  meta: Partial<ArticleMeta> & { source: string },
): Article {
  const subject = meta.source;
  if (content.html !== undefined) {
    const ex = extractHtml(content.html, { url: meta.url ?? null });
    if (ex.text.trim() === '') throw new ParallaxError('E_EMPTY', 'the page has no article text', subject);
    const full: ArticleMeta = {
      id: meta.id ?? articleId(subject, ex.text),
      source: subject,
      format: meta.format ?? 'html',
      outlet: singleLineLabel(meta.outlet ?? ex.siteName),
      title: singleLineLabel(meta.title ?? ex.title),
      published: meta.published ?? ex.published,
      url: meta.url ?? ex.canonicalUrl,
      language: meta.language ?? ex.language,
      authors: ex.authors,
    };
    return makeArticle(full, content.html, ex.text, ex.extraction);
  }
  const text = (content.text ?? '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ParallaxError('E_EMPTY', 'empty: no text to read', subject);
  const full: ArticleMeta = {
    id: meta.id ?? articleId(subject, text),
    source: subject,
    format: meta.format ?? 'text',
    outlet: singleLineLabel(meta.outlet),
    title: singleLineLabel(meta.title),
    published: meta.published ?? null,
    url: meta.url ?? null,
    language: meta.language ?? null,
  };
  return makeArticle(full, text);
}

/**
 * A file's bytes, never more than maxBytes read: the limit holds before any parsing, whatever the format
 * turns out to be, and for files whose size the file system does not tell (pipes, /proc, growing files).
 */
export function readBoundedFile(path: string, maxBytes: number): Buffer {
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory without sources.json' : `cannot read (${code ?? 'error'})`;
    throw new ParallaxError('E_READ', why, path);
  };
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return fail(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return fail(Object.assign(new Error('directory'), { code: 'EISDIR' }));
    size = st.size;
    if (size > maxBytes) throw new ParallaxError('E_TOO_LARGE', `${size} bytes is over the limit of ${maxBytes} bytes (--max-bytes)`, path);
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      parts.push(buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new ParallaxError('E_TOO_LARGE', `over the limit of ${maxBytes} bytes (--max-bytes)`, path);
    }
    return Buffer.concat(parts, total);
  } catch (e) {
    if (isParallaxError(e)) throw e;
    return fail(e);
  } finally {
    closeSync(fd);
  }
}

