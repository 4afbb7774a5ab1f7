#!/usr/bin/env node
// Fuzzes ingest (decode + readFile on bytes), HTML extraction, feeds, cleaning and the whole annotation
// for a fixed time budget, checking the invariants of test/robustness/checks.ts on every result.
//
// Jazzer.js cannot run here: @jazzer.js/fuzzer 4.0.0 ships a linux-x64 binary built against glibc 2.38
// (this machine has Debian 12's 2.36), and 2.1.0 downloads its binary from outside the npm registry or
// builds from source with cmake. So this is the fallback: a coverage-free loop of fast-check generators
// (news-like and hostile text, tag soup, random bytes) plus byte-level mutations (flip, insert, delete,
// duplicate, splice) of the example articles.
//
//   npm run build && node scripts/fuzz.mjs [--seconds 60] [--seed N]
//
// Each crash (an exception that is not a ParallaxError, a broken invariant, or one input slower than
// --slow-ms) is written to fuzz/crashes/ as JSON; fix it and add it to fuzz/regressions.json, which
// test/robustness/fuzz-regressions.test.ts replays on every `npm test`.
import { mkdirSync, readFileSync, writeFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', p));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' }, 'slow-ms': { type: 'string', default: '5000' } } });
const budgetMs = Number(values.seconds) * 1000;
const slowMs = Number(values['slow-ms']);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;

const { decodeBytes } = await dist('src/ingest/decode.js');
const { readFile, articleFromContent } = await dist('src/ingest/read-inputs.js');
const { createAnalyzer } = await dist('src/analyze.js');
const { cleanText } = await dist('src/clean/clean.js');
const { extractHtml } = await dist('src/extract/html.js');
const { parseFeed } = await dist('src/feeds/parse-feed.js');
const { isParallaxError } = await dist('src/model/errors.js');
const { checkArticle } = await dist('test/robustness/checks.js');
const { newsText, anyText } = await dist('test/robustness/arbitraries.js');

const analyzer = createAnalyzer();
const tmp = mkdtempSync(join(tmpdir(), 'parallax-fuzz-'));

// Targets take a string or bytes; they throw on a crash.
const expectUserError = (e) => {
  if (!isParallaxError(e)) throw e;
};
const targets = {
  ingest(bytes, ext) {
    const path = join(tmp, `input${ext}`);
    writeFileSync(path, bytes);
    try {
      for (const a of readFile(path, {}, [], true)) checkArticle(analyzer.analyze(a));
    } catch (e) {
      expectUserError(e);
    }
  },
  decode(bytes) {
    try {
      const d = decodeBytes(bytes, 'fuzz', { html: bytes.length % 2 === 0 });
      if (typeof d.text !== 'string') throw new Error('decode gave no text');
    } catch (e) {
      expectUserError(e);
    }
  },
  clean(text) {
    const once = cleanText(text);
    if (cleanText(once.text).text !== once.text) throw new Error('cleaning is not idempotent');
  },
  analyze(text) {
    try {
      checkArticle(analyzer.analyze(articleFromContent({ text }, { source: 'fuzz.txt' })));
    } catch (e) {
      expectUserError(e);
    }
  },
  html(text) {
    const ex = extractHtml(text);
    if (typeof ex.text !== 'string') throw new Error('no text');
  },
  feed(text) {
    try {
      parseFeed(text, 'fuzz.xml');
    } catch (e) {
      expectUserError(e);
    }
  },
};

// Seeds for mutation: the example articles and a small page, feed and JSON Lines built from them.
const seeds = readdirSync(join(root, 'examples/bishkek'))
  .filter((n) => n.endsWith('.txt'))
  .map((n) => readFileSync(join(root, 'examples/bishkek', n)));
const first = seeds[0].toString('utf8');
seeds.push(Buffer.from(`<html><head><title>T</title><meta charset="utf-8"></head><body><article><p>${first.split('\n\n').join('</p><p>')}</p></article></body></html>`));
seeds.push(Buffer.from(`<rss><channel><title>F</title><item><title>A</title><description><![CDATA[<p>${first.slice(0, 2000)}</p>]]></description></item></channel></rss>`));
seeds.push(Buffer.from(first.split('\n\n').map((p) => JSON.stringify({ text: p, outlet: 'X' })).join('\n')));

let rng = seed;
const rand = (n) => {
  rng = (rng * 1103515245 + 12345) % 2 ** 31;
  return (rng >>> 8) % n; // the low bits of this generator cycle quickly
};
function mutate(buf) {
  let b = Buffer.from(buf);
  for (let k = 1 + rand(8); k > 0; k--) {
    const at = rand(b.length + 1);
    switch (rand(6)) {
      case 0: if (b.length) b[rand(b.length)] ^= 1 << rand(8); break;
      case 1: b = Buffer.concat([b.subarray(0, at), Buffer.from([rand(256)]), b.subarray(at)]); break;
      case 2: b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rand(64)))]); break;
      case 3: { const len = rand(200); b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]); break; }
      case 4: { const other = seeds[rand(seeds.length)]; const s = rand(other.length); b = Buffer.concat([b.subarray(0, at), other.subarray(s, s + rand(500)), b.subarray(at)]); break; }
      default: { const tokens = ['“', '”', '"', '\u0000', '\ufeff', 'İ', '</p>', '<p>', '&amp;', '\n\n', ' said ', ' about 1,700 ', ' on Tuesday ', '. ', 'Mr. ', '—']; b = Buffer.concat([b.subarray(0, at), Buffer.from(tokens[rand(tokens.length)]), b.subarray(at)]); }
    }
  }
  return b;
}

// Warm up (lexicons, gazetteers and models load on first use) so the first input is not reported as slow.
for (const s of seeds) targets.ingest(s, '.txt');

const generated = fc.oneof(newsText(200), anyText);
const exts = ['.txt', '.html', '.jsonl', '.md'];
const crashes = [];
const counts = Object.fromEntries(Object.keys(targets).map((k) => [k, 0]));
const crashDir = join(root, 'fuzz', 'crashes');
function run(target, input, ext) {
  counts[target]++;
  const t0 = performance.now();
  try {
    targets[target](input, ext);
    const ms = performance.now() - t0;
    if (ms > slowMs) throw new Error(`slow: ${Math.round(ms)} ms`);
  } catch (e) {
    const message = String(e?.stack ?? e).split('\n').slice(0, 6).join('\n');
    const key = `${target}:${message.split('\n')[0]}`;
    if (crashes.some((c) => c.key === key)) return;
    const data = typeof input === 'string' ? { text: input } : { base64: Buffer.from(input).toString('base64'), ext };
    crashes.push({ key, target, message, ...data });
    mkdirSync(crashDir, { recursive: true });
    writeFileSync(join(crashDir, `${target}-${crashes.length}.json`), JSON.stringify({ target, message, ...data }, null, 2));
    console.error(`CRASH ${target}: ${message.split('\n')[0]}`);
  }
}

const start = Date.now();
let execs = 0;
while (Date.now() - start < budgetMs) {
  // Half mutations of real inputs (through ingest), half generated text through each text target.
  const m = mutate(seeds[rand(seeds.length)]);
  run('ingest', m, exts[rand(exts.length)]);
  run('decode', m);
  const texts = fc.sample(generated, { numRuns: 4, seed: rng });
  for (const t of texts) {
    run('clean', t);
    run('analyze', t);
    run(['html', 'feed'][rand(2)], t + m.toString('latin1').slice(0, 2000));
  }
  execs = Object.values(counts).reduce((a, b) => a + b, 0);
}
rmSync(tmp, { recursive: true, force: true });
const seconds = (Date.now() - start) / 1000;
console.log(JSON.stringify({ seed, seconds: Math.round(seconds), executions: execs, perSecond: Math.round(execs / seconds), perTarget: counts, crashes: crashes.map((c) => ({ target: c.target, message: c.message.split('\n')[0] })) }, null, 2));
process.exit(crashes.length ? 1 : 0);
