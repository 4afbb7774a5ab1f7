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
import BetterSqlite3 from 'better-sqlite3';
import { compareArticles } from '../../src/compare/index.js';
import { storableText } from '../../src/store/storable.js';
import { articleClaims, articleEntities, cleaningJson, layersJson, outletKey } from '../../src/store/rows.js';

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Compare of one long article (the input repeated to this length) with a short one. */
const LONG_CHARS = 30_000;
/** Output must grow linearly with the input (findings point to spans and carry bounded excerpts). */
const bytesPerInputChar = 64;

export const FUZZ_TARGETS = ['ingest-txt', 'ingest-html', 'ingest-jsonl', 'feed', 'html', 'clean', 'analyze', 'store', 'compare-long'] as const;
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
  // The store on odd text: every string the store would write (text, names, claim and entity rows, layers
  // and cleaning JSON), made storable, keeps its length (offsets stay valid), holds nothing PostgreSQL or
  // UTF-8 refuses, and comes back from SQLite unchanged. Synchronous (better-sqlite3), as targets are.
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('CREATE TABLE t (v TEXT)');
  const put = sqlite.prepare('INSERT INTO t (v) VALUES (?) RETURNING v');
  const storeTarget = userErrorsAllowed((bytes) => {
    // UTF-16 code units straight from the bytes: NULs, lone surrogates and controls all occur.
    const odd = bytes.toString('utf16le') + bytes.toString('utf8');
    const a = analyzer.analyze(articleFromContent({ text: odd }, { source: 'fuzz.jsonl:1', outlet: odd.slice(0, 40) || 'x', title: odd.slice(0, 80) || null }));
    checkArticle(a);
    const strings = [a.text, a.original, a.outlet ?? '', a.title ?? '', outletKey(a.outlet ?? ''), layersJson(a.layers), cleaningJson(a)];
    for (const c of articleClaims(a)) strings.push(c.text, c.data);
    for (const e of articleEntities(a)) strings.push(e.key, e.name);
    for (const raw of strings) {
      const v = storableText(raw);
      if (v.length !== raw.length) throw new Error('storable text changed length');
      if (UNSTORABLE.test(v)) throw new Error('storable text still holds NUL or a lone surrogate');
      const back = (put.get(v) as { v: string }).v;
      if (back !== v) throw new Error('SQLite did not return the stored text unchanged');
    }
    sqlite.exec('DELETE FROM t');
  });
  const compareLong = userErrorsAllowed((bytes) => {
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    const long = text.repeat(Math.ceil(LONG_CHARS / text.length)).slice(0, LONG_CHARS);
    const a = analyzer.analyze(articleFromContent({ text: long }, { source: 'long.txt', outlet: 'Long' }));
    const b = analyzer.analyze(articleFromContent({ text: text.slice(0, 600) }, { source: 'short.txt', outlet: 'Short' }));
    const size = JSON.stringify(compareArticles([a, b])).length;
    const bound = bytesPerInputChar * (a.text.length + b.text.length) + 256 * 1024;
    if (size > bound) throw new Error(`compare output ${size} bytes for ${a.text.length + b.text.length} characters of input (bound ${bound}): not linear`);
  });
  return {
    store: storeTarget,
    'compare-long': compareLong,
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
    dispose: () => {
      sqlite.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
