// JSON Lines dumps are streams of any length: read them line by line as the file is read, so that a
// crawl of a million articles neither has to fit a file-size limit nor sit in memory at once. The
// size limit applies to each line (one article) instead.
import { createReadStream } from 'node:fs';
import { isParallaxError, ParallaxError } from '../model/errors.js';
import { decodeLine } from './decode.js';
import { articleFromJsonLine, type SourceHints } from './read-inputs.js';
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
