import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../../../shared-paths.js';
import { wordClustersFromText } from './word-clusters.js';
import { CLUSTERS_FILE } from './load.js';

test('word clusters: every line of a small table found, others not', () => {
  const table = wordClustersFromText('the 1 2\nof 3 40\nparis 109 879\n\nbad line\nx 5 6');
  assert.deepEqual(table.get('the'), [1, 2]);
  assert.deepEqual(table.get('of'), [3, 40]);
  assert.deepEqual(table.get('paris'), [109, 879]);
  assert.deepEqual(table.get('x'), [5, 6]);
  assert.equal(table.get('pari'), undefined);
  assert.equal(table.get('parisx'), undefined);
  assert.equal(table.get('bad'), undefined);
  assert.equal(table.get(''), undefined);
});

test('word clusters: the committed table answers as a Map of its lines would', () => {
  const text = readFileSync(join(repoRoot(), CLUSTERS_FILE), 'utf8');
  const table = wordClustersFromText(text);
  const lines = text.split('\n').filter((l) => l.split(' ').length === 3);
  assert.ok(lines.length > 100_000);
  for (let i = 0; i < lines.length; i += 97) {
    const [w, a, b] = lines[i]!.split(' ');
    assert.deepEqual(table.get(w!), [Number(a), Number(b)], w);
  }
  assert.equal(table.get('qqqzzzxx'), undefined);
});
