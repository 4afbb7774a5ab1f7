// Inputs the probe of issue 23 found mishandled: a .txt that looks like a feed past --max-bytes, symbolic
// link loops in a directory walk, a control byte on one line of JSON Lines in `compare --keep-going`, an
// outlet name with a newline (from a file name), and UTF-16 without a byte order mark.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { collectInputs, walk } from '../../src/ingest/collect.js';
import type { IngestItem } from '../../src/ingest/ingest.js';
import { readFile } from '../../src/ingest/read-inputs.js';
import { ParallaxError } from '../../src/model/errors.js';
import { runCli } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/command.js';

let dir = '';
const GOOD_A = 'The delegation arrived in Bishkek on Tuesday. Officials said trade grew by 13.6 percent to $4.1 billion.';
const GOOD_B = 'Russian officials arrived in Bishkek on Wednesday. Trade grew by about 14 percent, a spokesman said.';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-inputs-hard-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}
function fakeIo(cwd: string): CliIO & { out: Collect; err: Collect } {
  const out = new Collect();
  const err = new Collect();
  return { stdout: out, stderr: err, out, err, env: {}, cwd };
}

async function collect(targets: string[], maxBytes?: number): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of collectInputs(targets, { cwd: dir, ...(maxBytes ? { maxBytes } : {}) })) out.push(item);
  return out;
}

test('--max-bytes holds for a .txt or .html whose first 4 KB look like a feed (refused before parsing)', async () => {
  const item = '<item><title>Flood</title><description>The river flooded Springfield on Tuesday.</description></item>';
  const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>' + item.repeat(3000) + '</channel></rss>';
  for (const name of ['feed-like.txt', 'feed-like.html']) {
    writeFileSync(join(dir, name), feed);
    const items = await collect([join(dir, name)], 100_000);
    assert.equal(items.length, 1, `${name}: one failure, no articles`);
    const only = items[0]!;
    assert.ok('failure' in only, name);
    assert.match(only.failure.message, /over the limit of 100000 bytes \(--max-bytes\)/);
    // Under the limit the same file is read as the feed it is.
    const read = await collect([join(dir, name)], 1_000_000);
    assert.equal(read.filter((i) => 'article' in i).length, 3000);
  }
});

// A walk that loops never ends: the timeout turns that into a failure.
test('the directory walk follows symbolic links once: two self-links and a parent link neither loop nor read twice', { timeout: 60_000 }, async () => {
  const root = join(dir, 'links');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'a.txt'), GOOD_A);
  writeFileSync(join(root, 'sub', 'b.txt'), GOOD_B);
  symlinkSync('.', join(root, 'x'));
  symlinkSync('.', join(root, 'y'));
  symlinkSync('..', join(root, 'sub', 'up'));
  symlinkSync('a.txt', join(root, 'same-as-a.txt'));
  const files = walk(root);
  assert.deepEqual(files.map((f) => f.slice(root.length + 1)).sort(), ['a.txt', 'sub/b.txt']);
  const items = await collect([root]);
  assert.equal(items.filter((i) => 'article' in i).length, 2);
});

test('compare --keep-going: a control byte on one JSON Lines line fails that line only; the good lines are compared', async () => {
  const lines = [
    JSON.stringify({ text: GOOD_A, outlet: 'Good' }),
    '{"text": "Officials\u0001 met in Bishkek.", "outlet": "Bad"}',
    JSON.stringify({ text: GOOD_B, outlet: 'Also good' }),
    '{"text": "A raw NUL\u0000 byte.", "outlet": "Bad too"}',
  ];
  writeFileSync(join(dir, 'control.jsonl'), lines.join('\n') + '\n');
  const io = fakeIo(dir);
  const code = await runCli(['compare', 'control.jsonl', '--keep-going', '--json'], io);
  assert.equal(code, 1, io.err.text);
  assert.match(io.err.text, /control\.jsonl:2: /);
  assert.match(io.err.text, /control\.jsonl:4: /);
  assert.doesNotMatch(io.err.text, /\n\s+at /);
  const json = JSON.parse(io.out.text) as { articles: { outlet: string }[] };
  assert.deepEqual(json.articles.map((a) => a.outlet), ['Good', 'Also good']);
  // The same through ingest's reader, and through readFile.
  const failures: { subject: string; message: string }[] = [];
  assert.equal(readFile(join(dir, 'control.jsonl'), {}, failures, true).length, 2);
  assert.equal(failures.length, 2);
});

test('an outlet named by a file name with a newline is one line in the compare report and in search output', async () => {
  const sub = join(dir, 'names');
  mkdirSync(sub);
  writeFileSync(join(sub, 'Daily\nNews.txt'), GOOD_A);
  writeFileSync(join(sub, 'Evening\u001b[31mPost.txt'), GOOD_B);
  const io = fakeIo(sub);
  const code = await runCli(['compare', 'Daily\nNews.txt', 'Evening\u001b[31mPost.txt'], io);
  assert.equal(code, 0, io.err.text);
  assert.ok(io.out.text.includes('Daily News'), io.out.text.slice(0, 400));
  assert.ok(!/^News\b/m.test(io.out.text), 'no line starts with the second half of the name');
  assert.ok(!io.out.text.includes('\u001b'), 'no escape sequence reaches the terminal');
  const db = join(sub, 'names.db');
  const ingestIo = fakeIo(sub);
  assert.equal(await runCli(['ingest', 'Daily\nNews.txt', 'Evening\u001b[31mPost.txt', '--db', db, '--skip-analysis', '--skip-clustering'], ingestIo), 0, ingestIo.err.text);
  const searchIo = fakeIo(sub);
  assert.equal(await runCli(['search', 'Bishkek', '--db', db], searchIo), 0, searchIo.err.text);
  assert.match(searchIo.out.text, / - Daily News\b/);
  assert.ok(!searchIo.out.text.includes('\u001b'));
});

test('UTF-16 without a byte order mark: says what it is and how to convert it (text and JSON Lines)', async () => {
  const text = GOOD_A + '\n' + 'Президент провёл переговоры в Бишкеке.';
  writeFileSync(join(dir, 'wide-le.txt'), Buffer.from(text, 'utf16le'));
  writeFileSync(join(dir, 'wide-be.txt'), Buffer.from(text, 'utf16le').swap16());
  writeFileSync(join(dir, 'wide.jsonl'), Buffer.from([JSON.stringify({ text: GOOD_A }), JSON.stringify({ text: GOOD_B })].join('\n'), 'utf16le'));
  for (const [name, label] of [['wide-le.txt', 'UTF-16LE'], ['wide-be.txt', 'UTF-16BE'], ['wide.jsonl', 'UTF-16LE']] as const) {
    assert.throws(
      () => readFile(join(dir, name)),
      (e: unknown) => e instanceof ParallaxError && e.message.includes(`${label} text without a byte order mark`) && e.message.includes(`iconv -f ${label} -t UTF-8`),
      name,
    );
  }
  const items = await collect([join(dir, 'wide.jsonl')]);
  assert.equal(items.length, 1, 'one failure for the file, not one per garbled line');
  assert.match((items[0] as { failure: { message: string } }).failure.message, /UTF-16LE text without a byte order mark/);
});
