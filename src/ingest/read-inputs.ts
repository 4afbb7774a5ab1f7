import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { makeArticle, type Article, type ArticleMeta, type InputFormat } from '../model/document.js';
import { ParallaxError, isParallaxError } from '../model/errors.js';
import { extractHtml } from '../extract/html.js';
import { decodeBytes, decodeLine, utf16Error, utf16WithoutBom } from './decode.js';
import { outletFromFileName, singleLineLabel } from './labels.js';

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

function normaliseDate(value: unknown, subject: string): string | null {
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

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(text.slice(0, 2000));
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

/** One JSON Lines record ({"text"|"html", "outlet", "title", "url", "published", "story"}) as an article. */
export function articleFromJsonLine(line: string, subject: string, hints: SourceHints): Article {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    throw new ParallaxError('E_PARSE', `malformed JSON (${(e as Error).message})`, subject);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new ParallaxError('E_PARSE', 'a line must be a JSON object', subject);
  const o = obj as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
  if (str('text') === null && str('html') === null) throw new ParallaxError('E_PARSE', 'the object has no "text" or "html" string', subject);
  const content = str('html') !== null ? { html: str('html')! } : { text: str('text')! };
  const article = articleFromContent(content, {
    source: subject,
    format: 'jsonl',
    ...(str('id') ? { id: str('id')! } : {}),
    outlet: str('outlet') ?? hints.outlet ?? null,
    title: str('title') ?? hints.title ?? null,
    url: str('url') ?? null,
    published: normaliseDate(o.published, subject) ?? hints.published ?? null,
    language: str('language') ?? null,
  });
  if (str('story') !== null) article.story = str('story')!;
  return article;
}

/** The lines of JSON Lines bytes, each decoded on its own: a bad byte costs its line, not the file. */
function jsonLinesOf(path: string, bytes: Buffer): { text: string; subject: string }[] {
  const wideBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (wideBom) return decodeBytes(bytes, path).text.split('\n').map((text, i) => ({ text, subject: `${path}:${i + 1}` }));
  const wide = utf16WithoutBom(bytes);
  if (wide) throw utf16Error(wide, path);
  const out: { text: string; subject: string }[] = [];
  let from = 0;
  for (let number = 1; from <= bytes.length; number++) {
    let nl = bytes.indexOf(10, from);
    if (nl < 0) nl = bytes.length;
    const subject = `${path}:${number}`;
    out.push({ text: decodeLine(bytes.subarray(from, nl), subject, number === 1), subject });
    from = nl + 1;
  }
  return out;
}

/** Reads JSON Lines: one article per line ({"text"|"html", "outlet", "title", "url", "published"}). */
export function readJsonLines(path: string, bytes: Buffer, hints: SourceHints, failures: ReadFailure[], keepGoing: boolean): Article[] {
  const out: Article[] = [];
  let failed = 0;
  for (const { text, subject } of jsonLinesOf(path, bytes)) {
    try {
      const line = text.trim();
      if (line === '') continue;
      out.push(articleFromJsonLine(line, subject, hints));
    } catch (e) {
      if (!isParallaxError(e) || !keepGoing) throw e;
      failed++;
      failures.push({ subject, message: e.message });
    }
  }
  if (out.length === 0 && failed === 0) throw new ParallaxError('E_EMPTY', 'no articles in the file', path);
  return out;
}

/** Reads one file (text, HTML or JSON Lines) into articles. */
export function readFile(path: string, options: ReadOptions = {}, failures: ReadFailure[] = [], keepGoing = false): Article[] {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const hints = options.hints ?? {};
  const bytes = readBoundedFile(path, maxBytes);
  if (bytes.length === 0) throw new ParallaxError('E_EMPTY', 'empty file', path);
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonLines(path, bytes, hints, failures, keepGoing);
  const html = ext === '.html' || ext === '.htm';
  const decoded = decodeBytes(bytes, path, { html });
  const meta = {
    source: path,
    outlet: hints.outlet ?? null,
    published: hints.published ?? null,
    title: hints.title ?? null,
    url: hints.url ?? null,
    language: hints.language ?? null,
  };
  if (html || (ext !== '.txt' && looksLikeHtml(decoded.text))) {
    return [articleFromContent({ html: decoded.text }, { ...meta, format: 'html' as InputFormat })];
  }
  return [articleFromContent({ text: decoded.text }, { ...meta, format: 'text' as InputFormat })];
}

export interface ManifestEntry extends SourceHints {
  file: string;
}

/** Reads a manifest in the format of examples/bishkek/sources.json (paths relative to the manifest). */
export function readManifest(path: string): ManifestEntry[] {
  const bytes = readBoundedFile(path, 5 * 1024 * 1024);
  let data: unknown;
  try {
    data = JSON.parse(decodeBytes(bytes, path).text);
  } catch (e) {
    if (isParallaxError(e)) throw e;
    throw new ParallaxError('E_PARSE', `malformed JSON manifest (${(e as Error).message})`, path);
  }
  const list = Array.isArray(data) ? data : (data as { sources?: unknown })?.sources;
  if (!Array.isArray(list)) throw new ParallaxError('E_PARSE', 'a manifest is a JSON array of {"file", "outlet", "published", ...}', path);
  return list.map((item: unknown, i: number) => {
    const o = item as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o.file !== 'string') {
      throw new ParallaxError('E_PARSE', `entry ${i + 1} has no "file" string`, path);
    }
    const s = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : null);
    return {
      file: resolve(dirname(path), o.file),
      outlet: s('outlet'),
      published: normaliseDate(o.published, `${path} entry ${i + 1}`),
      title: s('title'),
      url: s('url'),
      language: s('language'),
    };
  });
}

export interface InputRequest {
  /** Files, directories holding a sources.json, or directories of files. */
  paths: string[];
  /** A manifest file. */
  manifest?: string;
  options?: ReadOptions;
  /** Read the other inputs when one fails, and report the failures. */
  keepGoing?: boolean;
}

const READABLE = new Set(['.txt', '.html', '.htm', '.jsonl', '.ndjson', '.md']);

/** Reads every input; with keepGoing, failures are collected instead of thrown. */
export function readInputs(request: InputRequest): ReadResult {
  const articles: Article[] = [];
  const failures: ReadFailure[] = [];
  const keepGoing = request.keepGoing ?? false;
  const attempt = (subject: string, fn: () => Article[]) => {
    try {
      articles.push(...fn());
    } catch (e) {
      if (!isParallaxError(e) || !keepGoing) throw e;
      failures.push({ subject: e.subject ?? subject, message: e.message });
    }
  };
  const fromManifest = (manifest: string) => {
    for (const entry of readManifest(manifest)) {
      const { file, ...hints } = entry;
      const merged: SourceHints = { ...request.options?.hints };
      for (const [k, v] of Object.entries(hints)) if (v !== null && v !== undefined) (merged as Record<string, unknown>)[k] = v;
      attempt(file, () => readFile(file, { ...request.options, hints: merged }, failures, keepGoing));
    }
  };
  if (request.manifest) fromManifest(request.manifest);
  for (const p of request.paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      /* readFile reports the missing file */
    }
    if (isDir) {
      const manifest = join(p, 'sources.json');
      if (existsSync(manifest)) fromManifest(manifest);
      else {
        const files = readdirSync(p)
          .filter((n) => READABLE.has(extname(n).toLowerCase()))
          .sort();
        if (files.length === 0) attempt(p, () => { throw new ParallaxError('E_READ', 'the directory has no readable files and no sources.json', p); });
        for (const f of files) attempt(join(p, f), () => readFile(join(p, f), request.options, failures, keepGoing));
      }
    } else attempt(p, () => readFile(p, request.options, failures, keepGoing));
  }
  // Outlet defaults to the file name when nothing names it, so every report has a label.
  for (const a of articles) if (!a.outlet) a.outlet = outletFromFileName(basename(a.source));
  return { articles, failures };
}
