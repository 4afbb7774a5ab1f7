#!/usr/bin/env node
// Coverage-guided fuzzing of ingest (bytes through decoding, HTML extraction, JSON Lines, feeds), cleaning,
// the whole annotation, the store on odd text (NUL, lone surrogates) and compare on long inputs (output
// linear in the input), for a fixed time budget, checking the invariants of test/robustness/checks.ts
// on every result.
//
//   npm run build && node scripts/fuzz.mjs [--seconds 600] [--targets analyze,feed] [--corpus DIR] [--seed N]
//   node scripts/fuzz.mjs --replay fuzz/crashes/analyze-1.json      (runs one saved input, prints the error)
//
// Jazzer.js cannot run here (@jazzer.js/fuzzer 4 ships a binary built against glibc 2.38; Debian 12 has
// 2.36), so the feedback loop is built on V8's own block coverage instead of Jazzer's instrumentation:
// node:inspector's Profiler.startPreciseCoverage({ callCount: false, detailed: true }), read and reset by
// Profiler.takePreciseCoverage after every input. A block is a (function, source range) of dist/src;
// V8 reports the ranges that did not run inside the functions that did, so a block known from any run
// counts as covered when the innermost reported range around it ran. An input that covers a block no
// earlier input covered joins the target's corpus, and new inputs are mutated from the corpus AFL-style
// (bit flips, interesting bytes, inserts, deletes, duplicates, splices and crossovers with other
// entries, dictionary tokens: markup, entities, quotes, cue verbs, numbers, dates, odd characters).
//
// The budget is shared by the targets. Each target runs in a worker thread watched by the main thread:
// an input that hangs (no progress for --hang-ms) or exhausts memory is recorded as a crash and the
// worker restarts from the corpus. A crash is an exception that is not a ParallaxError (a user error with
// a clear message is a correct answer to bad input), a broken invariant, an input slower than --slow-ms,
// a hang or an out-of-memory; each distinct one is written to fuzz/crashes/ (git-ignored). Fix it in the
// code, then add the input to fuzz/regressions.json, which test/robustness/fuzz-regressions.test.ts
// replays on every `npm test`. The last line printed is a JSON summary: executions, seconds, corpus
// sizes, blocks covered, crashes.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Session } from 'node:inspector';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Loaded in the main thread only: a worker must start coverage before our modules load.
const TARGETS = isMainThread ? (await import(pathToFileURL(join(root, 'dist/test/robustness/fuzz-targets.js')).href)).FUZZ_TARGETS : [];
const MAX_LEN = 64 * 1024;

if (isMainThread) await main();
else await fuzzWorker(workerData);

// ---------------------------------------------------------------------------------------------------
// Main thread: budget, watchdog, crash files, summary.

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '600' },
      targets: { type: 'string', default: TARGETS.join(',') },
      corpus: { type: 'string' },
      seed: { type: 'string' },
      'slow-ms': { type: 'string', default: '5000' },
      'hang-ms': { type: 'string', default: '30000' },
      replay: { type: 'string' },
    },
  });
  if (values.replay) return replay(values.replay);
  const targets = values.targets.split(',').filter(Boolean);
  for (const t of targets) if (!TARGETS.includes(t)) throw new Error(`unknown target ${t}; targets: ${TARGETS.join(', ')}`);
  const budgetMs = Number(values.seconds) * 1000;
  const hangMs = Number(values['hang-ms']);
  const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
  const corpusDir = values.corpus ?? mkdtempSync(join(tmpdir(), 'parallax-fuzz-corpus-'));
  const crashDir = join(root, 'fuzz', 'crashes');
  const crashes = [];
  const seen = new Set();
  const record = (c) => {
    // One crash per target, message and first frame in our code: the same bug reached by many inputs once.
    const frame = (c.message.split('\n').find((l) => l.includes('/dist/src/')) ?? '').trim();
    const key = `${c.target}:${c.message.split('\n')[0].replace(/\d+ ms/, 'N ms')}:${frame}`;
    if (seen.has(key)) return;
    seen.add(key);
    crashes.push(c);
    mkdirSync(crashDir, { recursive: true });
    const file = join(crashDir, `${c.target}-${crashes.length}.json`);
    writeFileSync(file, JSON.stringify({ target: c.target, message: c.message, base64: c.base64 }, null, 2) + '\n');
    console.error(`CRASH ${c.target}: ${c.message.split('\n')[0]} -> ${file}`);
  };

  const started = Date.now();
  const summary = { seed, seconds: 0, executions: 0, perSecond: 0, blocksCovered: 0, blocksKnown: 0, perTarget: {}, crashes: [] };
  const allCovered = new Set();
  const allKnown = new Set();
  for (const [i, target] of targets.entries()) {
    const deadline = started + (budgetMs * (i + 1)) / targets.length;
    const stats = { executions: 0, corpus: 0, blocksCovered: 0, restarts: 0 };
    summary.perTarget[target] = stats;
    let base = 0; // executions of workers that ended early (hang or out of memory)
    while (Date.now() < deadline - 1000) {
      const shared = new SharedArrayBuffer(8 + MAX_LEN);
      const state = new Int32Array(shared, 0, 2);
      const bytes = new Uint8Array(shared, 8);
      const current = () => Buffer.from(bytes.subarray(0, Atomics.load(state, 1))).toString('base64');
      const worker = new Worker(new URL(import.meta.url), {
        workerData: { target, deadline, corpusDir, seed: seed + i * 7919 + stats.restarts * 104729, slowMs: Number(values['slow-ms']), shared },
        resourceLimits: { maxOldGenerationSizeMb: 3072 },
      });
      const outcome = await new Promise((resolve) => {
        let last = -1;
        let lastChange = Date.now();
        let broken = false; // hung or out of memory: restart from the corpus
        const watchdog = setInterval(() => {
          const n = Atomics.load(state, 0);
          if (n !== last) {
            last = n;
            lastChange = Date.now();
          } else if (Date.now() - lastChange > hangMs && !broken) {
            broken = true;
            record({ target, message: `hang: no result after ${hangMs} ms`, base64: current() });
            void worker.terminate();
          }
        }, 500);
        worker.on('message', (m) => {
          if (m.type === 'crash') record({ target, ...m.crash });
          else if (m.type === 'stats' || m.type === 'done') {
            stats.executions = base + m.executions;
            stats.corpus = m.corpus;
            stats.blocksCovered = m.covered;
            stats.msInTarget = Math.round(m.timing.run);
            stats.msInCoverage = Math.round(m.timing.coverage);
            stats.meanInputBytes = Math.round(m.timing.bytes / Math.max(1, m.executions));
            if (m.type === 'done') {
              for (const k of m.coveredKeys) allCovered.add(k);
              for (const k of m.knownKeys) allKnown.add(k);
            }
          }
        });
        worker.on('error', (e) => {
          // An error before the first input is a broken fuzzer, not a finding.
          if (Atomics.load(state, 0) === 0) throw e;
          broken = true;
          const message = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory (3 GB heap)' : String(e.stack ?? e);
          record({ target, message, base64: current() });
        });
        worker.on('exit', () => {
          clearInterval(watchdog);
          resolve(broken ? 'restart' : 'done');
        });
      });
      if (outcome === 'done') break;
      stats.restarts++;
      base = stats.executions;
    }
    console.error(`${target}: ${stats.executions} executions, corpus ${stats.corpus}, ${stats.blocksCovered} blocks covered`);
  }
  summary.seconds = Math.round((Date.now() - started) / 1000);
  summary.executions = Object.values(summary.perTarget).reduce((a, s) => a + s.executions, 0);
  summary.perSecond = Math.round(summary.executions / Math.max(1, summary.seconds));
  summary.blocksCovered = allCovered.size;
  summary.blocksKnown = allKnown.size;
  summary.corpusDir = corpusDir;
  summary.crashes = crashes.map((c) => ({ target: c.target, message: c.message.split('\n')[0] }));
  if (!values.corpus) rmSync(corpusDir, { recursive: true, force: true });
  console.log(JSON.stringify(summary, null, 2));
  process.exit(crashes.length ? 1 : 0);
}

async function replay(file) {
  const c = JSON.parse(readFileSync(file, 'utf8'));
  const run = await loadTargets();
  const t0 = performance.now();
  try {
    run[c.target](Buffer.from(c.base64, 'base64'));
    console.log(`${c.target}: no crash (${Math.round(performance.now() - t0)} ms)`);
  } catch (e) {
    console.log(`${c.target}: ${e?.stack ?? e} (${Math.round(performance.now() - t0)} ms)`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------------
// Targets (test/robustness/fuzz-targets.ts): each takes bytes and throws on a crash.

async function loadTargets() {
  const { createFuzzTargets } = await import(pathToFileURL(join(root, 'dist/test/robustness/fuzz-targets.js')).href);
  const targets = createFuzzTargets();
  process.on('exit', () => targets.dispose());
  return targets;
}

/** Starting inputs: the example articles, and a page, a feed and JSON Lines built from them. */
function seedsFor(target) {
  const dir = join(root, 'examples/bishkek');
  const texts = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(join(dir, n), 'utf8'));
  const paras = (t) => t.split('\n\n').filter(Boolean);
  const page = (t) => `<!doctype html><html><head><title>T</title><meta charset="utf-8"><meta name="author" content="By A. Writer"></head><body><nav><a href="/">Home</a></nav><article><h1>Title</h1><p>${paras(t).join('</p><p>')}</p></article><footer>Subscribe</footer></body></html>`;
  const rss = (t) => `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://example.org/</link><item><title>A</title><link>https://example.org/a</link><pubDate>Tue, 25 Nov 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>${paras(t).slice(0, 4).join('</p><p>')}</p>]]></description></item></channel></rss>`;
  const atom = (t) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>A &amp; B</title><link href="/a"/><updated>2025-11-25T10:00:00Z</updated><content type="html">&lt;p&gt;${paras(t)[0] ?? ''}&lt;/p&gt;</content></entry></feed>`;
  const jsonl = (t) => paras(t).slice(0, 3).map((p) => JSON.stringify({ text: p, outlet: 'X', published: '2025-11-25' })).join('\n') + '\n' + JSON.stringify({ html: `<p>${paras(t)[0]}</p>`, title: 'T' });
  const short = texts.map((t) => t.slice(0, 3000));
  const make = {
    'ingest-txt': () => short,
    'ingest-html': () => short.map(page),
    'ingest-jsonl': () => short.map(jsonl),
    feed: () => [...short.map(rss), ...short.map(atom)],
    html: () => short.map(page),
    clean: () => short,
    analyze: () => short,
    store: () => [...short, ...short.map((t) => t.replace(/ /g, '\u0000').slice(0, 600))],
    'compare-long': () => short.map((t) => t.slice(0, 1500)),
  };
  return make[target]().map((s) => Buffer.from(s));
}

// ---------------------------------------------------------------------------------------------------
// Worker: coverage, corpus, mutation.

async function fuzzWorker({ target, deadline, corpusDir, seed, slowMs, shared }) {
  // Coverage starts before our modules load, so every function of dist/src has block counters.
  const session = new Session();
  session.connect();
  const post = (method, params) => {
    let result, error;
    session.post(method, params, (e, r) => ((error = e), (result = r))); // synchronous in-process
    if (error) throw error;
    return result;
  };
  post('Profiler.enable');
  post('Profiler.startPreciseCoverage', { callCount: false, detailed: true });
  const run = (await loadTargets())[target];
  const fc = (await import('fast-check')).default;
  const { newsText } = await import(pathToFileURL(join(root, 'dist/test/robustness/arbitraries.js')).href);
  const srcPrefix = pathToFileURL(join(root, 'dist', 'src')).href + '/';

  // known: function key -> its block ranges seen in any run; covered: "function/start-end" that ran.
  const known = new Map();
  const covered = new Set();
  function newBlocks() {
    const { result } = post('Profiler.takePreciseCoverage');
    let fresh = 0;
    for (const script of result) {
      if (!script.url.startsWith(srcPrefix)) continue;
      const file = script.url.slice(srcPrefix.length);
      for (const fn of script.functions) {
        const ranges = fn.ranges;
        if (!ranges.length || ranges[0].count === 0) continue;
        const fkey = `${file}:${ranges[0].startOffset}`;
        let blocks = known.get(fkey);
        if (!blocks) known.set(fkey, (blocks = new Map()));
        for (const r of ranges) blocks.set(`${r.startOffset}-${r.endOffset}`, r);
        for (const [bkey, b] of blocks) {
          const key = `${fkey}/${bkey}`;
          if (covered.has(key)) continue;
          // The innermost reported range around the block says whether it ran (V8 drops nested ranges
          // whose count equals their parent's, so a block that ran is often not reported by itself).
          let inner = ranges[0];
          for (const r of ranges) {
            if (r.startOffset <= b.startOffset && r.endOffset >= b.endOffset && (r.startOffset > inner.startOffset || (r.startOffset === inner.startOffset && r.endOffset < inner.endOffset))) inner = r;
          }
          if (inner.count > 0) {
            covered.add(key);
            fresh++;
          }
        }
      }
    }
    return fresh;
  }

  const state = new Int32Array(shared, 0, 2);
  const window = new Uint8Array(shared, 8);
  let executions = 0;
  const timing = { run: 0, coverage: 0, bytes: 0 };
  // Warm up (lexicons, gazetteers and models load on first use) so that is not counted against an input.
  for (const s of seedsFor(target)) {
    try {
      run(s);
    } catch {
      /* reported when the seed runs below */
    }
  }
  newBlocks();

  function execute(input) {
    window.set(input);
    Atomics.store(state, 1, input.length);
    Atomics.add(state, 0, 1);
    executions++;
    const t0 = performance.now();
    let failure = null;
    try {
      run(input);
    } catch (e) {
      failure = String(e?.stack ?? e).split('\n').slice(0, 8).join('\n');
    }
    const ms = performance.now() - t0;
    if (!failure && ms > slowMs) failure = `slow: ${Math.round(ms)} ms`;
    if (failure) parentPort.postMessage({ type: 'crash', crash: { message: failure, base64: input.toString('base64') } });
    const t1 = performance.now();
    const fresh = newBlocks();
    timing.run += ms;
    timing.coverage += performance.now() - t1;
    timing.bytes += input.length;
    return fresh;
  }

  const corpusPath = join(corpusDir, target);
  mkdirSync(corpusPath, { recursive: true });
  const corpus = [];
  const keep = (input, save) => {
    corpus.push(input);
    const name = createHash('sha1').update(input).digest('hex').slice(0, 16);
    if (save && !existsSync(join(corpusPath, name))) writeFileSync(join(corpusPath, name), input);
  };
  for (const s of seedsFor(target)) keep(s, false), execute(s);
  for (const name of readdirSync(corpusPath)) {
    const input = readFileSync(join(corpusPath, name));
    if (execute(input) > 0) keep(input, false);
  }

  // Mutation, AFL's havoc stage: a stack of 1-16 random edits.
  let rng = seed >>> 0 || 1;
  const rand = (n) => {
    rng ^= rng << 13;
    rng >>>= 0;
    rng ^= rng >>> 17;
    rng ^= rng << 5;
    rng >>>= 0;
    return rng % n;
  };
  const DICT = [
    '<script>', '</script>', '<style>', '<p>', '</p>', '<div>', '</div>', '<br>', '<a href="', '">', '<!--', '-->', '<![CDATA[', ']]>',
    '<!DOCTYPE', '<!ENTITY x "', '&x;', '<?xml version="1.0" encoding="windows-1251"?>', '<meta charset="iso-8859-1">', '<rss>', '<channel>',
    '<item>', '</item>', '<entry>', '<title>', '<description>', '<content:encoded>', '<link>', '<pubDate>', '<feed>',
    '&#', '&#x', '&#0;', '&#x202e;', '&#1114111;', '&amp;', '&nbsp;', '&lt;', '&', ';', '"', "'", '“', '”', '‘', '’', '«', '»', '{"text":"',
    '","outlet":"', '"}', '\\"', '\\u0000', '\\ud800', ' said ', 'said', ' told ', ' according to ', ' stressed that ', 'President ',
    'Mr. ', 'U.S.', ' he ', ' they ', ' (CSTO) ', 'BISHKEK —', 'MOSCOW, Nov 25 (Reuters) -', ' about ', ' nearly ', ' more than ',
    '0', '-1', '1,700', '13.6%', '$4.1 billion', '1e309', '99999999999999999999', '0.0000001', 'NaN', 'nine', 'two-thirds', '½',
    ' on Tuesday', ' last year', ' January to September this year', '2025-11-25', '2024-02-30', '25 November 2025', '10:30',
    'Tue, 25 Nov 2025 10:00:00 GMT', '31/12/1999', '\n', '\n\n', '\r\n', '\r', '\t', ' ', '.', '. ', '…', '—', '–',
    '\u0000', '\u0007', '\u001b[31m', '\u00a0', '\u200b', '\u202e', '\u2028', '\ufeff', '\ufffd', 'İ', 'ß', 'ﬁ', 'e\u0301', '👍🏽', 'Президент',
  ].map((s) => Buffer.from(s));
  const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x20, 0x0a, 0x0d, 0x3c, 0x3e, 0x22, 0x26, 0x5c, 0xc0, 0xe2, 0xef, 0xf0, 0xfe];
  const chunk = (b) => {
    const at = rand(b.length + 1);
    return [at, Math.min(b.length, at + 1 + rand(Math.min(256, b.length + 1)))];
  };
  const cat = (...parts) => Buffer.concat(parts);
  function mutate(parent) {
    let b = Buffer.from(parent);
    for (let n = 1 << rand(5); n > 0; n--) {
      const [at, end] = chunk(b);
      const other = corpus[rand(corpus.length)];
      switch (rand(13)) {
        case 0: if (b.length) b[rand(b.length)] ^= 1 << rand(8); break;
        case 1: if (b.length) b[rand(b.length)] = rand(256); break;
        case 2: if (b.length) b[rand(b.length)] = INTERESTING[rand(INTERESTING.length)]; break;
        case 3: b = cat(b.subarray(0, at), Buffer.from(Array.from({ length: 1 + rand(8) }, () => rand(256))), b.subarray(at)); break;
        case 4: b = cat(b.subarray(0, at), b.subarray(end)); break;
        case 5: b = cat(b.subarray(0, end), b.subarray(at, end), b.subarray(end)); break; // duplicate a chunk
        case 6: { const [s, e] = chunk(b); b = cat(b.subarray(0, at), b.subarray(s, e), b.subarray(at + (e - s))); break; } // overwrite with a chunk of itself
        case 7: { const [s, e] = chunk(other); b = cat(b.subarray(0, at), other.subarray(s, e), b.subarray(at)); break; } // splice in a piece of another entry
        case 8: b = cat(b.subarray(0, rand(b.length + 1)), other.subarray(rand(other.length + 1))); break; // crossover
        case 9: case 10: b = cat(b.subarray(0, at), DICT[rand(DICT.length)], b.subarray(at)); break;
        case 11: { const t = DICT[rand(DICT.length)]; b = cat(b.subarray(0, at), t, b.subarray(at + t.length)); break; }
        default: { const [sample] = fc.sample(newsText(20), { numRuns: 1, seed: rand(2 ** 31) }); b = cat(b.subarray(0, at), Buffer.from(sample), b.subarray(at)); }
      }
    }
    return b.length > MAX_LEN ? b.subarray(0, MAX_LEN) : b;
  }

  let lastStats = Date.now();
  const stats = (type) => ({ type, executions, corpus: corpus.length, covered: covered.size, timing });
  while (Date.now() < deadline) {
    // Newer entries (the frontier) are picked more often than the seeds.
    const parent = corpus[rand(2) ? corpus.length - 1 - rand(Math.min(corpus.length, 32)) : rand(corpus.length)];
    const input = mutate(parent);
    if (execute(input) > 0) keep(input, true);
    if (Date.now() - lastStats > 2000) {
      lastStats = Date.now();
      parentPort.postMessage(stats('stats'));
    }
  }
  const knownKeys = [...known].flatMap(([f, blocks]) => [...blocks.keys()].map((b) => `${f}/${b}`));
  parentPort.postMessage({ ...stats('done'), coveredKeys: [...covered], knownKeys });
}
