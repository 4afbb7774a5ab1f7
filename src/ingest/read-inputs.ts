import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Article } from '../model/document.js';
import { ParallaxError, isParallaxError } from '../model/errors.js';
import { outletFromFileName } from './labels.js';
import { DEFAULT_MAX_BYTES, normaliseDate, readBoundedFile, type ReadFailure, type ReadOptions, type ReadResult, type SourceHints } from './article.js';
import { decodeBytes } from './decode.js';
import { formatOf, headText, INPUT_EXTENSIONS } from './formats.js';

// Callers read articles from here; the pieces live beside the formats.
export { articleFromContent, DEFAULT_MAX_BYTES, readBoundedFile, type ReadFailure, type ReadOptions, type ReadResult, type SourceHints } from './article.js';
export { articleFromJsonLine, readJsonLines } from './json-lines.js';

/** Reads one file, in whichever format of src/ingest/formats.ts its extension or its first characters show. */
export function readFile(path: string, options: ReadOptions = {}, failures: ReadFailure[] = [], keepGoing = false): Article[] {
  const bytes = readBoundedFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.length === 0) throw new ParallaxError('E_EMPTY', 'empty file', path);
  const ext = extname(path).toLowerCase();
  const format = formatOf(ext, headText(bytes));
  return format.read(bytes, { subject: path, hints: options.hints ?? {}, failures, keepGoing });
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
          .filter((n) => INPUT_EXTENSIONS.has(extname(n).toLowerCase()))
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
