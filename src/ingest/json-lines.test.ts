import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundedLines, streamJsonLines } from './json-lines.js';
import { collectInputs } from './collect.js';
import type { IngestItem } from './ingest.js';

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-jsonl-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('bounded lines: split across chunks, last line without newline, over-long lines reported by length', withDir(async (dir) => {
  const path = join(dir, 'x.jsonl');
  const long = 'y'.repeat(3 << 20); // spans several 1 MB read chunks
  writeFileSync(path, `a\n${long}\nbb\n\nccc`);
  const lines = await all(boundedLines(path, 1 << 20));
  assert.deepEqual(
    lines.map((l) => ('bytes' in l ? [l.number, l.bytes.toString()] : [l.number, l.tooLong])),
    [[1, 'a'], [2, 3 << 20], [3, 'bb'], [4, ''], [5, 'ccc']],
  );
}));

test('JSON Lines stream: articles as read, bad lines named by line, BOM, CRLF and Windows-1251 lines', withDir(async (dir) => {
  const path = join(dir, 'dump.jsonl');
  const good = (i: number) => JSON.stringify({ text: `Report ${i}: the talks went on.`, outlet: 'Wire', story: 's1' });
  const cyrillic = Buffer.from(JSON.stringify({ text: 'Переговоры продолжились во вторник.' }) + '\n', 'utf8');
  const cp1251 = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0, 0x22, 0x7d, 0x0a]); // {"text":"Привет мир"}
  writeFileSync(path, Buffer.concat([Buffer.from('\ufeff' + good(1) + '\r\n{not json}\n' + good(2) + '\n[1]\n', 'utf8'), cyrillic, cp1251]));
  const items: IngestItem[] = await all(streamJsonLines(path, { maxLineBytes: 1 << 20 }));
  const articles = items.flatMap((i) => ('article' in i ? [i.article] : []));
  const failures = items.flatMap((i) => ('failure' in i ? [i.failure] : []));
  assert.deepEqual(articles.map((a) => a.text), ['Report 1: the talks went on.', 'Report 2: the talks went on.', 'Переговоры продолжились во вторник.', 'Привет мир']);
  assert.equal(articles[0]!.story, 's1');
  assert.equal(articles[0]!.source, `${path}:1`);
  assert.deepEqual(failures.map((f) => f.subject), [`${path}:2`, `${path}:4`]);
  assert.match(failures[0]!.message, /malformed JSON/);
}));

test('JSON Lines over the per-file limit are still read: the limit applies per line', withDir(async (dir) => {
  const path = join(dir, 'big.jsonl');
  const rows = Array.from({ length: 300 }, (_, i) => JSON.stringify({ text: `Article ${i} ${'word '.repeat(20)}`, outlet: 'O' }));
  rows.splice(100, 0, JSON.stringify({ text: 'z'.repeat(5000) }));
  writeFileSync(path, rows.join('\n') + '\n');
  const items = await all(collectInputs([path], { cwd: dir, maxBytes: 4096 }));
  const failures = items.flatMap((i) => ('failure' in i ? [i.failure] : []));
  assert.equal(items.length - failures.length, 300);
  assert.equal(failures.length, 1);
  assert.match(failures[0]!.message, /big\.jsonl:101: the line is 50\d\d bytes, over the limit of 4096 bytes/);
}));

test('an empty JSON Lines file is one clear failure', withDir(async (dir) => {
  const path = join(dir, 'empty.jsonl');
  writeFileSync(path, '\n\n');
  const items = await all(collectInputs([path], { cwd: dir }));
  assert.equal(items.length, 1);
  assert.ok('failure' in items[0]! && /empty\.jsonl: no articles in the file/.test(items[0].failure.message));
}));
