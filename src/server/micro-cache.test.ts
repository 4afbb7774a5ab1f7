import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMicroCache } from './micro-cache.js';

test('concurrent asks share one load; clear() forgets; failures are not kept', async () => {
  const cache = createMicroCache<number>(60_000);
  let loads = 0;
  const load = async () => ++loads;
  const values = await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)]);
  assert.deepEqual(values, [1, 1, 1]);
  assert.equal(await cache.get('b', load), 2);
  cache.clear();
  assert.equal(await cache.get('a', load), 3);
  await assert.rejects(cache.get('c', () => Promise.reject(new Error('x'))));
  assert.equal(await cache.get('c', load), 4);
});
