import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import { createFetcher } from '../ingest/fetcher.js';
import { ingest } from '../ingest/ingest.js';
import { createWatcher, backoffMs } from './watch.js';

function feed(items: number): string {
  const entries = Array.from({ length: items }, (_, i) => `<item><title>Item ${i}</title><link>/a/${i}</link><guid>g${i}</guid><description>Summary ${i}.</description></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>${entries}</channel></rss>`;
}

test('watch: conditional requests, new items ingested once, backoff on errors, robots.txt honoured', async () => {
  const log: string[] = [];
  let items = 2;
  let failing = false;
  const server: Server = createServer((req, res) => {
    log.push(`${req.method} ${req.url} ${req.headers['if-none-match'] ?? ''} ${req.headers['user-agent']}`);
    if (req.url === '/robots.txt') return void res.writeHead(200).end('User-agent: *\nDisallow: /a/1\n');
    if (req.url === '/feed.xml') {
      if (failing) return void res.writeHead(503).end('busy');
      const etag = `"v${items}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed(items));
    }
    const m = /^\/a\/(\d+)$/.exec(req.url ?? '');
    if (m) return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Page ${m[1]}</title></head><body><article><p>The full report number ${m[1]} about the summit in Bishkek, with details.</p></article></body></html>`);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/feed.xml`;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-watch-'));
  const store = await openStore(join(dir, 'w.db'));
  let clock = Date.parse('2025-11-25T10:00:00Z');
  try {
    const fetcher = await createFetcher({ allowPrivate: true, retries: 0 });
    const watcher = createWatcher({ store, fetcher, ingestItems: (it) => ingest(it, { store, pool: null, clusterer: null }), now: () => clock });
    const first = await watcher.poll(url, 60_000);
    assert.equal(first.status, 'new-items');
    assert.equal(first.new, 2);
    const stored = await store.listArticles();
    assert.deepEqual(stored.map((a) => a.title).sort(), ['Item 1', 'Page 0'], 'page 0 fetched in full; page 1 is disallowed by robots.txt, so its summary stays');
    assert.equal(await watcher.poll(url, 60_000).then((r) => r.status), 'waiting', 'not due yet');
    clock += 61_000;
    const second = await watcher.poll(url, 60_000);
    assert.equal(second.status, 'not-modified');
    assert.ok(log.some((l) => l.startsWith('GET /feed.xml "v2"')), 'the ETag is sent back');
    assert.ok(log.every((l) => /Parallax/.test(l)), 'the user agent names Parallax');
    items = 3;
    clock += 61_000;
    const third = await watcher.poll(url, 60_000);
    assert.equal(third.new, 1);
    failing = true;
    clock += 61_000;
    const err = await watcher.poll(url, 60_000);
    assert.equal(err.status, 'error');
    const state = await store.getFeedState(url);
    assert.equal(state!.failures, 1);
    assert.equal(Date.parse(state!.nextPoll!) - clock, backoffMs(60_000, 1));
    assert.equal(state!.etag, '"v3"', 'validators survive a failure');
    assert.equal(await store.countArticles(), 3);
    assert.equal(log.filter((l) => l.startsWith('GET /robots.txt')).length, 1, 'robots.txt is read once');
  } finally {
    await store.close();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  }
});
