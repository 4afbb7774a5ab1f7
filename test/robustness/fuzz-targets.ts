// The fuzz targets: what scripts/fuzz.mjs runs on every input and test/robustness/fuzz-regressions.test.ts
// replays on the inputs that once failed. Each takes bytes and throws on a failure; a ParallaxError (a
// clear message about bad input) is a correct answer, not a failure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyze.js';
import { cleanText } from '../../src/clean/clean.js';
import { extractHtml } from '../../src/extract/html.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { feedItemArticle } from '../../src/ingest/feed-articles.js';
import { articleFromContent, readFile } from '../../src/ingest/read-inputs.js';
import { isParallaxError } from '../../src/model/errors.js';
import { checkArticle } from './checks.js';

export const FUZZ_TARGETS = ['ingest-txt', 'ingest-html', 'ingest-jsonl', 'feed', 'html', 'clean', 'analyze'] as const;
export type FuzzTarget = (typeof FUZZ_TARGETS)[number];
export type FuzzTargets = Record<FuzzTarget, (bytes: Buffer) => void> & { dispose(): void };

export function createFuzzTargets(): FuzzTargets {
  const analyzer = createAnalyzer();
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-fuzz-'));
  const userErrorsAllowed = (fn: (bytes: Buffer) => void) => (bytes: Buffer) => {
    try {
      fn(bytes);
    } catch (e) {
      if (!isParallaxError(e)) throw e;
    }
  };
  // Through a file, as `parallax compare` and `parallax ingest` read it (the extension picks the format).
  const ingest = (ext: string) =>
    userErrorsAllowed((bytes) => {
      const path = join(tmp, `input${ext}`);
      writeFileSync(path, bytes);
      for (const a of readFile(path, {}, [], true)) checkArticle(analyzer.analyze(a));
    });
  return {
    'ingest-txt': ingest('.txt'),
    'ingest-html': ingest('.html'),
    'ingest-jsonl': ingest('.jsonl'),
    feed: userErrorsAllowed((bytes) => {
      const feed = parseFeed(decodeBytes(bytes, 'fuzz.xml').text, 'fuzz.xml', 'https://example.org/feed');
      for (const item of feed.items.slice(0, 3)) checkArticle(analyzer.analyze(feedItemArticle(item, feed, 'fuzz.xml', null)));
    }),
    html: (bytes) => {
      const ex = extractHtml(bytes.toString('utf8'));
      if (typeof ex.text !== 'string') throw new Error('extraction gave no text');
    },
    clean: (bytes) => {
      const once = cleanText(bytes.toString('utf8'));
      if (cleanText(once.text).text !== once.text) throw new Error('cleaning is not idempotent');
    },
    analyze: userErrorsAllowed((bytes) => checkArticle(analyzer.analyze(articleFromContent({ text: bytes.toString('utf8') }, { source: 'fuzz.txt' })))),
    dispose: () => rmSync(tmp, { recursive: true, force: true }),
  };
}
