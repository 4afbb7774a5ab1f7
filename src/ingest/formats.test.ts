import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatOf, formatOfFetched, INPUT_EXTENSIONS, INPUT_FORMATS } from './formats.js';
import { readInputs } from './read-inputs.js';
import { collectInputs, walk } from './collect.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>A</title><description>The mayor said on Tuesday that the bridge would open.</description></item></channel></rss>';

test('every format has its own extensions, and text is the fallback', () => {
  const all = INPUT_FORMATS.flatMap((f) => f.extensions);
  assert.equal(new Set(all).size, all.length);
  assert.deepEqual([...INPUT_EXTENSIONS].sort(), [...all].sort());
  assert.equal(formatOf('.unknown', 'plain words').name, 'text');
});

test('the extension settles JSON Lines and feeds; other files are sniffed (a .txt stays text)', () => {
  assert.equal(formatOf('.jsonl', '<html>').name, 'jsonl');
  assert.equal(formatOf('.html', RSS).name, 'rss');
  assert.equal(formatOf('.md', '<p>Hello</p>').name, 'html');
  assert.equal(formatOf('.txt', '<p>Hello</p>').name, 'text');
  assert.equal(formatOfFetched('application/rss+xml', 'x').name, 'rss');
  assert.equal(formatOfFetched('text/html', RSS).name, 'rss');
  assert.equal(formatOfFetched('text/plain', 'words').name, 'text');
});

test('compare and ingest read the same files of a directory, feeds included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formats-'));
  writeFileSync(join(dir, 'a.txt'), 'The mayor said on Tuesday that the bridge would open.');
  writeFileSync(join(dir, 'b.text'), 'The governor said on Monday that the road would close.');
  writeFileSync(join(dir, 'c.rss'), RSS);
  writeFileSync(join(dir, 'skip.png'), 'not read');
  const compared = readInputs({ paths: [dir] }).articles.map((a) => a.source).sort();
  const ingested: string[] = [];
  for await (const item of collectInputs([dir], { cwd: dir })) if ('article' in item) ingested.push(item.article.source);
  assert.deepEqual(compared, ingested.sort());
  assert.deepEqual(compared, [join(dir, 'a.txt'), join(dir, 'b.text'), `${join(dir, 'c.rss')}#1`]);
  assert.equal(walk(dir).length, 3);
});
