// The OpenAPI description against the routes the app really serves: a route missing from /openapi.json
// (or described but not served) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from './app.js';
import { createMemoryStore } from './memory-store.js';
import { fakeCompare } from '../../test/helpers/fake-compare.js';

const app = createApp({ store: createMemoryStore(), analyze: (a: never) => a, compare: fakeCompare } as unknown as Parameters<typeof createApp>[0]);

/** "/api/stories/:id/comparison" -> "/api/stories/{id}/comparison" */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

test('every API route the app serves is in /openapi.json with its method, and nothing else is', async () => {
  const served = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
  );
  const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const described = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)));
  assert.ok(served.size >= 10, `found ${served.size} served routes`);
  assert.deepEqual([...served].filter((r) => !described.has(r)).sort(), [], 'served but not described in /openapi.json');
  assert.deepEqual([...described].filter((r) => !served.has(r)).sort(), [], 'described in /openapi.json but not served');
});
