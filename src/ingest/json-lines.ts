// JSON Lines, read in one place: an article per line ({"text"|"html", "outlet", "title", "url",
// "published", "story"}), from a whole file or streamed; and plain records for the harnesses' data sets.
// Dumps are streams of any length: streamed line by line as the file is read, so that a crawl of a
// million articles neither has to fit a file-size limit nor sit in memory at once (the limit applies to
// each line instead).
import { createReadStream, readFileSync } from 'node:fs';
import type { Article } from '../model/document.js';
import { isParallaxError, ParallaxError } from '../model/errors.js';
import { decodeBytes, decodeLine, utf16Error, utf16WithoutBom } from './decode.js';
import { articleFromContent, normaliseDate, type ReadFailure, type SourceHints } from './article.js';
import type { IngestItem } from './ingest.js';

export type BoundedLine = { number: number; bytes: Buffer } | { number: number; tooLong: number };

/** The lines of a file (without "\n"), each at most maxLineBytes; longer lines are reported by length, not kept. */
export async function* boundedLines(path: string, maxLineBytes: number): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let kept = 0;
  let skipped = 0; // bytes of an over-long line seen so far (0: not skipping)
  let number = 1;
  const finish = (): BoundedLine => {
    const line: BoundedLine = skipped > 0 ? { number, tooLong: skipped } : { number, bytes: Buffer.concat(parts, kept) };
    parts = [];
    kept = 0;
    skipped = 0;
    number++;
    return line;
  };
  const take = (piece: Buffer) => {
    if (skipped > 0) skipped += piece.length;
    else if (kept + piece.length > maxLineBytes) {
      skipped = kept + piece.length;
      parts = [];
      kept = 0;
    } else if (piece.length > 0) {
      parts.push(piece);
      kept += piece.length;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      take(chunk.subarray(from, nl));
      yield finish();
      from = nl + 1;
    }
    take(chunk.subarray(from));
  }
  if (kept > 0 || skipped > 0) yield finish();
}

/** True when the file starts with a UTF-16 or UTF-32 byte order mark (read whole, not line by line). */
export function hasWideBom(head: Buffer): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff);
}

/** Articles of a JSON Lines file as they are read; a bad line is a failure naming file and line. */
export async function* streamJsonLines(path: string, options: { maxLineBytes: number; hints?: SourceHints }): AsyncGenerator<IngestItem> {
  let articles = 0;
  let failures = 0;
  try {
    for await (const line of boundedLines(path, options.maxLineBytes)) {
      const subject = `${path}:${line.number}`;
      if ('tooLong' in line) {
        failures++;
        yield { failure: { subject, message: `${subject}: the line is ${line.tooLong} bytes, over the limit of ${options.maxLineBytes} bytes per article (--max-bytes)` } };
        continue;
      }
      const text = decodeLine(line.bytes, subject, line.number === 1).trim();
      if (text === '') continue;
      try {
        const article = articleFromJsonLine(text, subject, options.hints ?? {});
        articles++;
        yield { article };
      } catch (e) {
        if (!isParallaxError(e)) throw e;
        failures++;
        yield { failure: { subject: e.subject ?? subject, message: e.message } };
      }
    }
  } catch (e) {
    if (isParallaxError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParallaxError('E_READ', `cannot read (${code ?? (e as Error).message})`, path);
  }
  if (articles === 0 && failures === 0) throw new ParallaxError('E_EMPTY', 'no articles in the file', path);
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
  if (hasWideBom(bytes)) return decodeBytes(bytes, path).text.split('\n').map((text, i) => ({ text, subject: `${path}:${i + 1}` }));
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

/**
 * Records of a JSON Lines data set (evaluation and benchmark files), blank lines skipped; a line that is
 * not JSON fails naming file and line. At most `limit` records.
 */
export function readJsonRecords<T>(file: string, options: { limit?: number } = {}): T[] {
  const out: T[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      throw new ParallaxError('E_PARSE', `line ${n + 1} is not valid JSON (${(e as Error).message})`, file);
    }
    if (options.limit !== undefined && out.length >= options.limit) break;
  }
  return out;
}
