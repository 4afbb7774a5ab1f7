import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { readFile, readInputs, articleFromContent } from '../../src/ingest/read-inputs.js';
import { createAnalyzer } from '../../src/analyze.js';
import { ParallaxError } from '../../src/model/errors.js';
import { runCli } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/command.js';
import { BAD_INPUTS, endlessSentence, writeLargeTextFile } from './bad-input.js';

let dir = '';
const GOOD_A = 'The delegation arrived in Bishkek on Tuesday. Officials said trade grew by 13.6 percent to $4.1 billion.\n\nPresident Sadyr Japarov said the talks were "useful".';
const GOOD_B = 'Russian officials arrived in Bishkek on Wednesday. Trade grew by about 14 percent, a spokesman said.\n\nJaparov called the talks productive.';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-bad-'));
  for (const c of BAD_INPUTS) writeFileSync(join(dir, c.name), c.bytes());
  writeFileSync(join(dir, 'good-a.txt'), GOOD_A);
  writeFileSync(join(dir, 'good-b.txt'), GOOD_B);
});

after(() => rmSync(dir, { recursive: true, force: true }));

function assertUserError(e: unknown, code: string, file: string): asserts e is ParallaxError {
  assert.ok(e instanceof ParallaxError, `${file}: expected a ParallaxError, got ${String((e as Error)?.stack ?? e)}`);
  assert.equal(e.code, code, `${file}: ${e.message}`);
  assert.ok(e.message.includes(file), `${file}: the message names the file: ${e.message}`);
  assert.ok(!e.message.includes('\n'), 'one line');
}

for (const c of BAD_INPUTS) {
  test(`bad input ${c.name}: ${c.error ?? 'read correctly'}, and the analysis runs`, () => {
    const path = join(dir, c.name);
    const t0 = performance.now();
    if (c.error) {
      assert.throws(
        () => readFile(path),
        (e: unknown) => {
          assertUserError(e, c.error!, c.name);
          return true;
        },
      );
    } else {
      const articles = readFile(path, {}, [], true);
      assert.ok(articles.length > 0, 'at least one article');
      assert.ok(articles.some((a) => a.text.includes(c.contains!)), `${c.name}: text contains ${JSON.stringify(c.contains)}; got ${JSON.stringify(articles[0]?.text.slice(0, 200))}`);
      const analyzer = createAnalyzer();
      for (const a of articles) {
        const out = analyzer.analyze(a);
        for (const s of out.layers.sentences ?? []) assert.ok(s.start >= 0 && s.end <= out.text.length && s.start < s.end);
      }
    }
    // Generous: catches hangs and quadratic blow-ups, not a benchmark.
    assert.ok(performance.now() - t0 < 15_000, `${c.name} took ${Math.round(performance.now() - t0)} ms`);
  });
}

test('UTF-32 with a BOM is decoded, not mistaken for UTF-16', () => {
  const [a] = readFile(join(dir, 'bom-utf32le.txt'));
  assert.ok(a && !a.text.includes('\u0000'));
});

test('malformed JSON Lines: each bad line is reported with its line number, the good lines are read', () => {
  const failures: { subject: string; message: string }[] = [];
  const articles = readFile(join(dir, 'mixed.jsonl'), {}, failures, true);
  assert.equal(articles.length, 2);
  assert.deepEqual(articles.map((a) => a.outlet), ['Good', 'Also good']);
  assert.equal(failures.length, 1);
  assert.match(failures[0]!.message, /mixed\.jsonl:2: malformed JSON/);
  const all: { subject: string; message: string }[] = [];
  assert.deepEqual(readFile(join(dir, 'malformed.jsonl'), {}, all, true), []);
  // Twelve lines, each broken differently: every one reported, none crashes the reader.
  assert.equal(all.length, 12, all.map((f) => f.message).join('\n'));
  for (const f of all) assert.match(f.message, /malformed\.jsonl:\d+: /);
});

test('a 100 MB file is refused by the size limit quickly and without reading it', () => {
  const big = join(dir, 'huge.txt');
  writeLargeTextFile(big, 100 * 1024 * 1024);
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  assert.throws(
    () => readFile(big),
    (e: unknown) => {
      assertUserError(e, 'E_TOO_LARGE', 'huge.txt');
      assert.match(e.message, /104857600 bytes is over the limit/);
      return true;
    },
  );
  assert.ok(performance.now() - t0 < 1000);
  assert.ok(process.memoryUsage().rss - rss0 < 32 * 1024 * 1024, 'the file was not read into memory');
  rmSync(big);
});

test('a 1 MB sentence with no punctuation goes through the whole analysis in bounded time', () => {
  const text = endlessSentence(1024 * 1024);
  const t0 = performance.now();
  const a = createAnalyzer().analyze(articleFromContent({ text }, { source: 'endless.txt' }));
  const ms = performance.now() - t0;
  // A bound that catastrophic backtracking would blow by minutes, with room for a loaded 2-core machine.
  assert.ok(ms < 60_000, `took ${Math.round(ms)} ms`);
  assert.ok((a.layers.tokens?.length ?? 0) > 100_000);
  for (const s of a.layers.sentences ?? []) assert.equal(s.start < s.end && s.end <= a.text.length, true);
});

test('text with NUL and control characters inside JSON strings is analysed without error', () => {
  const text = 'Officials\u0000 met\u0001 in\u0007 Bishkek\u001b on Tuesday.\u0000\n\nThey said\u200b "trade\ufeff grew" by 13.6\u00a0percent.\ud800 Lone surrogates\udfff too.';
  const a = createAnalyzer().analyze(articleFromContent({ text }, { source: 'controls.jsonl:1' }));
  for (const t of a.layers.tokens ?? []) assert.ok(t.end <= a.text.length && t.start < t.end);
});

test('readInputs with keepGoing: every bad file is reported once, the good files are read as if alone', () => {
  const alone = readInputs({ paths: [join(dir, 'good-a.txt'), join(dir, 'good-b.txt')] }).articles;
  const { articles, failures } = readInputs({ paths: [dir], keepGoing: true });
  const failed = new Set(failures.map((f) => f.subject.replace(/:\d+$/, '').split('/').pop()));
  for (const c of BAD_INPUTS) if (c.error) assert.ok(failed.has(c.name), `${c.name} reported`);
  for (const good of alone) {
    const same = articles.find((a) => a.source === good.source);
    assert.ok(same, `${good.source} read`);
    assert.equal(same.text, good.text);
    assert.equal(same.id, good.id);
  }
  for (const f of failures) assert.ok(!f.message.includes('\n'));
});

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function fakeIo(): CliIO & { out: Collect; err: Collect } {
  const out = new Collect();
  const err = new Collect();
  return { stdout: out, stderr: err, out, err, env: {}, cwd: dir };
}

test('parallax compare on a bad file: one line naming the file and the problem, non-zero exit, no stack', async () => {
  for (const c of BAD_INPUTS.filter((x) => x.error && !x.name.endsWith('.jsonl'))) {
    const io = fakeIo();
    const code = await runCli(['compare', c.name, 'good-a.txt', 'good-b.txt', '--json'], io);
    assert.notEqual(code, 0, c.name);
    const lines = io.err.text.trim().split('\n');
    assert.equal(lines.length, 1, `${c.name}: ${io.err.text}`);
    assert.match(lines[0]!, new RegExp(`^parallax compare: .*${c.name.replace('.', '\\.')}: `));
    assert.doesNotMatch(io.err.text, /\n\s+at |internal error/);
    assert.equal(io.out.text, '', 'nothing on stdout when the run stops');
  }
});

test('parallax compare --keep-going: bad files are named, the good ones are still compared', async () => {
  const io = fakeIo();
  const bad = BAD_INPUTS.filter((x) => x.error).map((x) => x.name);
  const code = await runCli(['compare', ...bad, 'good-a.txt', 'good-b.txt', '--keep-going', '--json'], io);
  assert.equal(code, 1, io.err.text);
  assert.doesNotMatch(io.err.text, /\n\s+at |internal error/);
  for (const name of bad) assert.ok(io.err.text.includes(name), `${name} named in: ${io.err.text}`);
  const json = JSON.parse(io.out.text) as { articles: { source: string }[] };
  assert.deepEqual(
    json.articles.map((a) => a.source.split('/').pop()),
    ['good-a.txt', 'good-b.txt'],
  );
});

test('parallax compare with every file bad: exit code for input errors, no stack', async () => {
  const io = fakeIo();
  const code = await runCli(['compare', 'empty.txt', 'random.txt', '--keep-going'], io);
  assert.equal(code, 3);
  assert.doesNotMatch(io.err.text, /\n\s+at |internal error/);
  const missing = fakeIo();
  assert.equal(await runCli(['compare', 'no-such-file.txt', 'good-a.txt'], missing), 3);
  assert.match(missing.err.text, /no-such-file\.txt: no such file/);
});
