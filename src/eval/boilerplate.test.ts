import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { foldSpace, snippetAggregate, snippetDocument, zyteAggregate, zyteDocument, zyteTokens } from './boilerplate-score.js';
import { boilerplateTask, readPage } from './boilerplate.js';

test('zyte tokens are Unicode word runs, case kept', () => {
  assert.deepEqual(zyteTokens('Putin’s 1,700 firms — Ünïcode_x!'), ['Putin', 's', '1', '700', 'firms', 'Ünïcode_x']);
});

test('zyte document counts: 4-token shingles as multisets, normalised per document', () => {
  // gold: a b c d e (2 shingles); prediction: a b c d x (2 shingles, 1 shared)
  const d = zyteDocument('a b c d e', 'a b c d x');
  assert.deepEqual([d.tp, d.fp, d.fn], [1 / 3, 1 / 3, 1 / 3]);
  assert.equal(d.exact, false);
  // fewer than 4 tokens: one shorter shingle
  const short = zyteDocument('hello world', 'hello world');
  assert.deepEqual([short.tp, short.fp, short.fn, short.exact], [1, 0, 0, true]);
  // repeated shingles count as often as they occur
  const rep = zyteDocument('a b c d a b c d', 'a b c d');
  assert.equal(rep.tp, 1 / 5);
});

test('zyte aggregate: an empty prediction is left out of precision, not of recall', () => {
  const m = zyteAggregate([zyteDocument('a b c d e', 'a b c d e'), zyteDocument('a b c d e', '')]);
  assert.equal(m.precision, 1);
  assert.equal(m.recall, 0.5);
  assert.equal(m.f1, (2 * 0.5) / 1.5);
  assert.equal(m.accuracy, 0.5);
  assert.equal(m.n, 2);
});

test('snippets: whitespace folded as Python does, with = tp/fn, without = fp/tn', () => {
  assert.equal(foldSpace(' a\u00a0\n b\t'), 'a b');
  const c = snippetDocument('The  bridge\nreopened on Monday.', ['bridge reopened', 'closed'], ['Monday', 'Cookie']);
  assert.deepEqual(c, { tp: 1, fn: 1, fp: 1, tn: 1 });
  const m = snippetAggregate([c]);
  assert.equal(m.precision, 0.5);
  assert.equal(m.accuracy, 0.5);
});

test('pages are decoded as a browser would: gzip, BOM, valid UTF-8, then the declared charset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'px-bp-'));
  const cyr = '<html><head><meta charset="windows-1251"></head><body><p>Президент прибыл в Бишкек.</p></body></html>';
  writeFileSync(join(dir, 'a.html.gz'), gzipSync(iconv.encode(cyr, 'windows-1251')));
  assert.ok(readPage(join(dir, 'a.html.gz')).includes('Президент прибыл'));
  writeFileSync(join(dir, 'b.html'), Buffer.from('<p>Grüße aus Köln</p>', 'utf8'));
  assert.ok(readPage(join(dir, 'b.html')).includes('Grüße aus Köln'));
});

test('the task reads both formats and scores readability on the same pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'px-bp-'));
  const body = 'The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said on its website.';
  writeFileSync(
    join(dir, 'p.html'),
    `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><p>${body}</p><p>Engineers replaced 300 cables and resurfaced the whole deck of the old bridge during the long closure.</p></article><footer>Copyright 2024 Courier</footer></body></html>`,
  );
  writeFileSync(join(dir, 'set.gold.jsonl'), JSON.stringify({ id: 'p', url: null, html_file: 'p.html', gold_text: body }) + '\n');
  const gold = await boilerplateTask.run(join(dir, 'set.gold.jsonl'), {});
  assert.equal(gold.summary.n, 1);
  assert.equal(gold.summary.recall, 1);
  assert.ok(typeof (gold.summary.baselines as { readability: { f1: number } }).readability.f1 === 'number');
  assert.deepEqual((gold.predictions as { id: string }[]).map((p) => p.id), ['p']);

  writeFileSync(join(dir, 'set.snippets.jsonl'), JSON.stringify({ id: 'p', url: null, html_file: 'p.html', with: ['bridge reopened'], without: ['Copyright 2024', 'Home News'] }) + '\n');
  const snip = await boilerplateTask.run(join(dir, 'set.snippets.jsonl'), {});
  assert.equal(snip.summary.f1, 1);
  assert.equal(snip.summary.accuracy, 1);
});
