import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from './app.js';
import { createMemoryStore } from './memory-store.js';
import { fakeCompare } from '../../test/helpers/fake-compare.js';

const base = { store: createMemoryStore(), analyze: (a: never) => a, compare: fakeCompare } as unknown as Parameters<typeof createApp>[0];

test('/api/status: queue depth per job kind and workers seen, from the job queue', async () => {
  const app = createApp({ ...base, queueStatus: async () => ({ depth: { analyse: 12, assign: 1, compare: 3 }, workers: 2 }) });
  const res = await app.request('/api/status');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { queue: { analyse: 12, assign: 1, compare: 3 }, workers: 2 });
});

test('/api/status without a job queue (SQLite): nulls; other methods are 405', async () => {
  const app = createApp(base);
  assert.deepEqual(await (await app.request('/api/status')).json(), { queue: null, workers: null });
  assert.equal((await app.request('/api/status', { method: 'POST' })).status, 405);
});
