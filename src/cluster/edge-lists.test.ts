import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EdgeLists } from './edge-lists.js';

function listOf(e: EdgeLists, x: number): number[] {
  const out: number[] = [];
  for (let q = e.begin(x), end = q + e.count(x); q < end; q++) out.push(e.target(q), e.score(q));
  return out;
}

test('edge lists keep every edge in order, as plain arrays would, through growth and reuse', () => {
  const e = new EdgeLists();
  const plain: number[][] = [];
  // A deterministic stream: each new list starts with a few edges to earlier ones, which get the edge back.
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < 3000; i++) {
    const mine: number[] = [];
    const n = i === 0 ? 0 : Math.floor(rand() * 9);
    for (let k = 0; k < n; k++) {
      // Recent lists get most edges, a few early ones many (hubs), so lists grow through several classes.
      const j = rand() < 0.1 ? Math.floor(rand() * Math.min(i, 5)) : Math.max(0, i - 1 - Math.floor(rand() * 50));
      const s = rand() * 0.7 + 1e-9 * i;
      mine.push(j, s);
      e.push(j, i, s);
      plain[j]!.push(i, s);
    }
    assert.equal(e.append(mine), i);
    plain.push(mine.slice());
  }
  assert.equal(e.size, 3000);
  for (let x = 0; x < 3000; x++) assert.deepEqual(listOf(e, x), plain[x]);
  assert.ok(plain.slice(0, 5).some((l) => l.length > 200), 'some list grew through several capacities');
});

test('an empty list has no edges and can grow', () => {
  const e = new EdgeLists();
  e.append([]);
  assert.deepEqual(listOf(e, 0), []);
  for (let k = 0; k < 17; k++) e.push(0, k, k / 10);
  assert.equal(e.count(0), 17);
  assert.deepEqual(listOf(e, 0).slice(-2), [16, 1.6]);
});
