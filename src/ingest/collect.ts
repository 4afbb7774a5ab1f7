// Expands what the user named (files, directories, URLs) into a stream of articles and failures.
import { closeSync, existsSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { isParallaxError } from '../model/errors.js';
import { DEFAULT_MAX_BYTES, readFile, readManifest, type SourceHints } from './read-inputs.js';
import { outletFromFileName } from './labels.js';
import { formatByExtension, INPUT_EXTENSIONS } from './formats.js';
import { MANIFEST_STORY, type IngestItem } from './ingest.js';

export { feedItems } from './feed-articles.js';

export interface CollectOptions {
  cwd: string;
  hints?: SourceHints;
  maxBytes?: number;
  /** Reads a URL (article page or feed); absent: URLs fail with a clear message. */
  readUrl?: (url: string) => AsyncIterable<IngestItem>;
}

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * Files under a directory, recursively, in name order; hidden entries skipped. Symbolic links are
 * followed, but each real directory and file is visited once: a link to "." or a parent, or two links
 * to one place, cannot make the walk loop or read a file twice.
 */
export function walk(dir: string, out: string[] = [], seen: Set<string> = new Set()): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return out;
  }
  if (seen.has(real)) return out;
  seen.add(real);
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out, seen);
    else if (st.isFile()) {
      if (!INPUT_EXTENSIONS.has(extname(name).toLowerCase())) continue;
      let file: string;
      try {
        file = realpathSync(p);
      } catch {
        continue;
      }
      if (seen.has(file)) continue;
      seen.add(file);
      out.push(p);
    }
  }
  return out;
}

const failure = (subject: string, e: unknown): IngestItem => {
  if (isParallaxError(e)) return { failure: { subject: e.subject ?? subject, message: e.message } };
  return { failure: { subject, message: `${subject}: ${(e as Error).message}` } };
};

function readOne(path: string, options: CollectOptions): IngestItem[] {
  const failures: { subject: string; message: string }[] = [];
  const articles = readFile(path, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, ...(options.hints ? { hints: options.hints } : {}) }, failures, true);
  const out: IngestItem[] = articles.map((article) => {
    // As in `compare`: with nothing naming the outlet, the file name does.
    if (!article.outlet) article.outlet = outletFromFileName(basename(path));
    return { article };
  });
  for (const f of failures) out.push({ failure: f });
  return out;
}

/** The file's articles as it streams, when its format reads that way (JSON Lines dumps); null: read it whole. */
function streamOf(path: string, options: CollectOptions): AsyncIterable<IngestItem> | null {
  const format = formatByExtension(extname(path));
  if (!format?.stream) return null;
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(4096);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null; // the whole-file path reports why it cannot be read
  }
  return format.stream(path, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, hints: options.hints ?? {} }, head);
}

export async function* collectInputs(targets: string[], options: CollectOptions): AsyncGenerator<IngestItem> {
  for (const target of targets) {
    if (isUrl(target)) {
      if (!options.readUrl) {
        yield { failure: { subject: target, message: `${target}: reading URLs is not available here` } };
        continue;
      }
      try {
        yield* options.readUrl(target);
      } catch (e) {
        yield failure(target, e);
      }
      continue;
    }
    const path = resolve(options.cwd, target);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      yield { failure: { subject: path, message: `${path}: no such file or directory` } };
      continue;
    }
    // A directory with a sources.json is read as `compare` reads it: the files it lists, named as it says.
    const manifest = isDir ? join(path, 'sources.json') : null;
    if (manifest && existsSync(manifest)) {
      try {
        for (const { file, ...given } of readManifest(manifest)) {
          const hints: SourceHints = { ...options.hints };
          for (const [k, v] of Object.entries(given)) if (v !== null) (hints as Record<string, unknown>)[k] = v;
          try {
            for (const item of readOne(file, { ...options, hints })) {
              if ('article' in item) item.article.story ??= MANIFEST_STORY + manifest;
              yield item;
            }
          } catch (e) {
            yield failure(file, e);
          }
        }
      } catch (e) {
        yield failure(manifest, e);
      }
      continue;
    }
    const files = isDir ? walk(path) : [path];
    if (isDir && files.length === 0) yield { failure: { subject: path, message: `${path}: the directory has no readable files` } };
    for (const file of files) {
      try {
        const stream = streamOf(file, options);
        if (stream) {
          const outlet = outletFromFileName(basename(file));
          for await (const item of stream) {
            if ('article' in item && !item.article.outlet) item.article.outlet = outlet;
            yield item;
          }
          continue;
        }
        yield* readOne(file, options);
      } catch (e) {
        yield failure(file, e);
      }
    }
  }
}
