// Hostile requests to the API (complements src/server/app.test.ts): bodies streamed without a length,
// deeply nested and prototype-polluting JSON, invalid UTF-8, huge query strings. Each is refused or
// answered with a JSON error, no stack trace, and the server keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/app.js';
import { createMemoryStore } from '../../src/server/memory-store.js';
import { createAnalyzer } from '../../src/analyze.js';
import { fakeCompare } from '../helpers/fake-compare.js';

function app(bodyBytes = 10_000) {
  const analyzer = createAnalyzer();
  const logs: string[] = [];
  return {
    logs,
    app: createApp({ store: createMemoryStore(), analyze: (a) => analyzer.analyze(a), compare: fakeCompare, assignStory: () => null, log: (m) => logs.push(m), limits: { bodyBytes } }),
  };
}

async function noStack(res: Response): Promise<string> {
  const body = await res.text();
  assert.ok(!/\bat .*\.(js|ts):\d+/.test(body), `stack trace in ${body.slice(0, 300)}`);
  return body;
}

test('a body streamed without Content-Length is cut at the limit (413)', async () => {
  const { app: a } = app(10_000);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      // Up to 50 MB, but only pulled as far as the server reads.
      if (sent > 50 * 1024 * 1024) return controller.close();
      sent += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
    },
  });
  const res = await a.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(res.status, 413);
  await noStack(res);
  assert.ok(sent < 5 * 1024 * 1024, `read ${sent} bytes of a body over the limit`);
});

test('deeply nested, polluting and broken JSON bodies get a 400 and leave the server working', async () => {
  const { app: a, logs } = app(5 * 1024 * 1024);
  const bodies = [
    '['.repeat(200_000),
    '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
    '{"__proto__": {"polluted": true}, "text": 42}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]),
    '',
    'null',
    '"just a string"',
    '{"text": "' + 'x'.repeat(2_000_000) + '"}',
  ];
  for (const body of bodies) {
    const res = await a.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.ok([400, 413, 422].includes(res.status) || res.status < 300, `status ${res.status}`);
    await noStack(res);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  const ok = await a.request('/api/stories');
  assert.equal(ok.status, 200);
  assert.ok(!logs.some((l) => /RangeError|Maximum call stack/.test(l)), logs.join('\n'));
});

test('huge and odd query strings are refused cleanly', async () => {
  const { app: a } = app();
  for (const path of [`/api/search?q=${'a'.repeat(100_000)}`, '/api/search?q=%E0%A4%A', '/api/stories?limit=1e309', '/api/stories?limit=-1', `/api/stories/${'%2e%2e%2f'.repeat(100)}`, '/api/search?q=' + encodeURIComponent('"( OR * NEAR/'), '/api/stories?outlet=%00']) {
    const res = await a.request(path);
    assert.ok(res.status < 500, `${path.slice(0, 60)}: ${res.status}`);
    await noStack(res);
  }
});
