import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { ParallaxError } from '../model/errors.js';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.js';

// One local server with a route per hostile behaviour; a second one plays "another internal service".
let server: http.Server;
let other: http.Server;
let base = '';
let otherBase = '';
let port = 0;
const seen: http.IncomingHttpHeaders[] = [];
const MB = 1024 * 1024;
const gzipBomb = zlib.gzipSync(Buffer.alloc(50 * MB), { level: 9 });
const deflateBomb = zlib.deflateSync(Buffer.alloc(50 * MB), { level: 9 });
const brBomb = zlib.brotliCompressSync(Buffer.alloc(50 * MB), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  seen.push(req.headers);
  const url = new URL(req.url ?? '/', 'http://x');
  const p = url.pathname;
  if (p === '/ok') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"' });
    res.end('hello from the test server');
  } else if (p === '/conditional') {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { etag: '"v1"', 'content-encoding': 'gzip' });
      res.end();
    } else {
      res.writeHead(200, { etag: '"v1"' });
      res.end('fresh');
    }
  } else if (p === '/gzip') {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync('compressed text'));
  } else if (p === '/gzip-bomb') {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': gzipBomb.length });
    res.end(gzipBomb);
  } else if (p === '/br-bomb') {
    res.writeHead(200, { 'content-encoding': 'br' });
    res.end(brBomb);
  } else if (p === '/deflate-bomb') {
    res.writeHead(200, { 'content-encoding': 'deflate' });
    res.end(deflateBomb);
  } else if (p === '/bad-gzip') {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    res.end('this is not gzip at all');
  } else if (p === '/zstd') {
    res.writeHead(200, { 'content-encoding': 'zstd' });
    res.end('whatever');
  } else if (p === '/big-declared') {
    res.writeHead(200, { 'content-length': String(50 * MB) });
    res.write(Buffer.alloc(1024));
    // Never sends the rest: the client must refuse on the header alone.
  } else if (p === '/big-chunked') {
    // 50 MB without a length, streamed in 64 KB chunks; stops when the client hangs up.
    res.writeHead(200, { 'content-type': 'text/plain' });
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (sent < 50 * MB) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    pump();
  } else if (p === '/slow-headers') {
    setTimeout(() => res.end('late'), 5000).unref();
  } else if (p === '/drip') {
    // One byte every 50 ms forever: never idle, never done.
    res.writeHead(200);
    const t = setInterval(() => res.write('x'), 50);
    res.on('close', () => clearInterval(t));
  } else if (p === '/stall-body') {
    res.writeHead(200, { 'content-length': '100' });
    res.write('only part of it');
  } else if (p.startsWith('/chain/')) {
    const n = Number(p.slice('/chain/'.length));
    res.writeHead(302, { location: `/chain/${n + 1}` });
    res.end();
  } else if (p === '/loop-a') {
    res.writeHead(301, { location: '/loop-b' });
    res.end();
  } else if (p === '/loop-b') {
    res.writeHead(307, { location: `${base}/loop-a` });
    res.end();
  } else if (p === '/to') {
    res.writeHead(302, { location: url.searchParams.get('u') ?? '/' });
    res.end();
  } else if (p === '/echo-headers') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.headers));
  } else {
    res.writeHead(404);
    res.end('not found');
  }
}

before(async () => {
  server = http.createServer(route);
  other = http.createServer((_q, s) => s.end('internal secret'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  other.closeAllConnections();
  server.close();
  other.close();
});

const local: SafeFetchOptions = { allowPrivate: true };

async function rejectsWith(p: Promise<unknown>, code: string, pattern?: RegExp): Promise<ParallaxError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ParallaxError, `expected a ParallaxError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e;
  }
  assert.fail(`expected ${code}`);
}

test('fetches with allowPrivate: status, headers, body, final URL, Parallax User-Agent', async () => {
  const r = await safeFetch(`${base}/ok`, local);
  assert.equal(r.status, 200);
  assert.equal(r.ok, true);
  assert.equal(r.body.toString(), 'hello from the test server');
  assert.equal(r.headers.etag, '"v1"');
  assert.equal(r.url, `${base}/ok`);
  assert.match(seen.at(-1)?.['user-agent'] ?? '', /Parallax/);
});

test('conditional request headers are sent; 304 comes back with an empty body', async () => {
  const r = await safeFetch(`${base}/conditional`, { ...local, headers: { 'If-None-Match': '"v1"', 'If-Modified-Since': 'Tue, 01 Jan 2030 00:00:00 GMT' } });
  assert.equal(r.status, 304);
  assert.equal(r.body.length, 0);
  assert.equal(seen.at(-1)?.['if-modified-since'], 'Tue, 01 Jan 2030 00:00:00 GMT');
  await rejectsWith(safeFetch(`${base}/ok`, { ...local, headers: { Host: 'evil.example' } }), 'E_USAGE');
});

test('gzip bodies are decoded', async () => {
  const r = await safeFetch(`${base}/gzip`, local);
  assert.equal(r.body.toString(), 'compressed text');
});

test('loopback is refused without allowPrivate, in every spelling', async () => {
  const p = port;
  for (const u of [
    `http://127.0.0.1:${p}/ok`,
    `http://localhost:${p}/ok`,
    `http://LOCALHOST.:${p}/ok`,
    `http://foo.localhost:${p}/ok`,
    `http://[::1]:${p}/ok`,
    `http://[::ffff:127.0.0.1]:${p}/ok`,
    `http://[::ffff:7f00:1]:${p}/ok`,
    `http://2130706433:${p}/ok`,
    `http://0x7f000001:${p}/ok`,
    `http://0177.0.0.1:${p}/ok`,
    `http://127.1:${p}/ok`,
    `http://0.0.0.0:${p}/ok`,
    `http://169.254.169.254/latest/meta-data/`,
    `http://[fd00:ec2::254]/`,
    `http://metadata.google.internal/computeMetadata/v1/`,
    `http://10.0.0.1/`,
    `http://100.64.1.1/`,
    `http://[fe80::1]/`,
    `http://224.0.0.1/`,
  ]) {
    await rejectsWith(safeFetch(u, { timeoutMs: 2000 }), 'E_FORBIDDEN', /refused/);
  }
  assert.ok(!seen.some((h) => h.host === `127.0.0.1:${p}` && h['x-never'] !== undefined));
});

test('names that resolve to internal addresses are refused (checked on every address)', async () => {
  // "localhost" resolves through the system resolver to loopback.
  await rejectsWith(safeFetch(`http://localhost:${port}/ok`, { allowHosts: ['example.org'] }), 'E_FORBIDDEN');
  const resolveTo = (addrs: string[]) => async () => addrs.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  await rejectsWith(safeFetch('http://rebind.test/', { resolve: resolveTo(['127.0.0.1']) }), 'E_FORBIDDEN', /resolves to 127\.0\.0\.1/);
  await rejectsWith(safeFetch('http://mixed.test/', { resolve: resolveTo(['93.184.216.34', '10.0.0.7']) }), 'E_FORBIDDEN', /10\.0\.0\.7/);
  await rejectsWith(safeFetch('http://v6.test/', { resolve: resolveTo(['::ffff:192.168.0.1']) }), 'E_FORBIDDEN');
  await rejectsWith(safeFetch('http://meta.test/', { resolve: resolveTo(['169.254.169.254']) }), 'E_FORBIDDEN', /metadata/);
});

test('names that resolve to internal IPv6 addresses are refused, directly and after a redirect', async () => {
  const resolveTo = (addrs: string[]) => async () => addrs.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  const internal: [string, RegExp][] = [
    ['::1', /loopback/],
    ['fd00:ec2::254', /metadata/], // AWS instance metadata over IPv6
    ['fe80::1', /link-local/],
    ['fc00::7', /private/],
    ['64:ff9b::a9fe:a9fe', /metadata/], // NAT64 of 169.254.169.254
    ['2002:a9fe:a9fe::1', /metadata/], // 6to4 of 169.254.169.254
    ['::', /./],
  ];
  for (const [address, kind] of internal) {
    await rejectsWith(safeFetch('http://v6.rebind.test/', { resolve: resolveTo([address]), timeoutMs: 2000 }), 'E_FORBIDDEN', kind);
    // A public IPv6 answer beside it does not make the name safe.
    await rejectsWith(safeFetch('http://v6.rebind.test/', { resolve: resolveTo(['2606:4700::1111', address]), timeoutMs: 2000 }), 'E_FORBIDDEN');
  }
  // The first hop is allowed by address; the redirect goes to a name that resolves to IPv6 loopback.
  const opts: SafeFetchOptions = { allowHosts: [`127.0.0.1:${port}`], resolve: resolveTo(['::1']), timeoutMs: 3000 };
  await rejectsWith(safeFetch(`${base}/to?u=${encodeURIComponent('http://v6.rebind.test/ok')}`, opts), 'E_FORBIDDEN', /::1/);
});

test('connects to the address that was checked: the name is resolved once per hop', async () => {
  let calls = 0;
  const resolve = async () => {
    calls++;
    // A rebinding resolver would answer differently the second time; we never ask twice.
    return calls === 1 ? [{ address: '127.0.0.1', family: 4 as const }] : [{ address: '203.0.113.9', family: 4 as const }];
  };
  const r = await safeFetch(`http://feeds.rebind.test:${port}/echo-headers`, { allowPrivate: true, resolve });
  assert.equal(calls, 1);
  assert.equal(JSON.parse(r.body.toString()).host, `feeds.rebind.test:${port}`);
});

test('redirects to internal addresses are refused', async () => {
  // The first server is allowed by name; where it redirects is not.
  const opts: SafeFetchOptions = { allowHosts: [`127.0.0.1:${port}`], timeoutMs: 3000 };
  const ok = await safeFetch(`${base}/to?u=/ok`, opts);
  assert.equal(ok.body.toString(), 'hello from the test server');
  assert.deepEqual(ok.redirects, [`${base}/to?u=/ok`]);
  for (const target of [otherBase, `http://localhost:${port}/ok`, 'http://169.254.169.254/', 'http://[::1]/', 'http://2130706433/', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO']) {
    await rejectsWith(safeFetch(`${base}/to?u=${encodeURIComponent(target)}`, opts), 'E_FORBIDDEN');
  }
});

test('endless redirects and redirect loops stop', async () => {
  await rejectsWith(safeFetch(`${base}/chain/0`, local), 'E_FETCH', /too many redirects/);
  await rejectsWith(safeFetch(`${base}/chain/0`, { ...local, maxRedirects: 2 }), 'E_FETCH', /over 2/);
  await rejectsWith(safeFetch(`${base}/loop-a`, local), 'E_FETCH', /redirect loop/);
});

test('slow responses time out (idle and total)', async () => {
  let t0 = Date.now();
  await rejectsWith(safeFetch(`${base}/slow-headers`, { ...local, idleTimeoutMs: 200 }), 'E_FETCH', /idle timeout/);
  // Below the 5 s the server takes (the error already says the timeout fired); generous on a busy machine.
  assert.ok(Date.now() - t0 < 4000, `${Date.now() - t0} ms`);
  t0 = Date.now();
  await rejectsWith(safeFetch(`${base}/drip`, { ...local, timeoutMs: 400, idleTimeoutMs: 300 }), 'E_FETCH', /400 ms \(timeout\)/);
  assert.ok(Date.now() - t0 < 4000, `${Date.now() - t0} ms`);
  await rejectsWith(safeFetch(`${base}/stall-body`, { ...local, idleTimeoutMs: 200 }), 'E_FETCH', /idle timeout/);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  await rejectsWith(safeFetch(`${base}/slow-headers`, { ...local, signal: controller.signal }), 'E_FETCH', /cancelled/);
});

test('compression bombs stop at the decoded limit, while streaming', async () => {
  for (const p of ['/gzip-bomb', '/br-bomb', '/deflate-bomb']) {
    const before = process.memoryUsage().arrayBuffers;
    const t0 = Date.now();
    await rejectsWith(safeFetch(`${base}${p}`, { ...local, maxBytes: MB }), 'E_TOO_LARGE', /compression bomb/);
    assert.ok(Date.now() - t0 < 3000, `${p} took ${Date.now() - t0} ms`);
    assert.ok(process.memoryUsage().arrayBuffers - before < 20 * MB, 'the bomb was not buffered');
  }
  await rejectsWith(safeFetch(`${base}/bad-gzip`, local), 'E_FETCH', /cannot decode/);
  await rejectsWith(safeFetch(`${base}/zstd`, local), 'E_FETCH', /unsupported content-encoding/);
});

test('oversized bodies are refused: by declared length and while streaming', async () => {
  await rejectsWith(safeFetch(`${base}/big-declared`, local), 'E_TOO_LARGE', /52428800 bytes/);
  const t0 = Date.now();
  await rejectsWith(safeFetch(`${base}/big-chunked`, { ...local, maxBytes: 2 * MB }), 'E_TOO_LARGE', /over the limit of 2097152/);
  assert.ok(Date.now() - t0 < 3000);
});

test('bad URLs and schemes are refused with a clear error', async () => {
  await rejectsWith(safeFetch('not a url'), 'E_FETCH', /not a valid URL/);
  await rejectsWith(safeFetch('file:///etc/passwd'), 'E_FORBIDDEN', /only http and https/);
  await rejectsWith(safeFetch('ftp://example.org/x'), 'E_FORBIDDEN');
  await rejectsWith(safeFetch('data:text/plain,hi'), 'E_FORBIDDEN');
  await rejectsWith(safeFetch('http://user:pw@example.org/'), 'E_FORBIDDEN', /password/);
  await rejectsWith(
    safeFetch('http://nowhere.invalid/', { resolve: async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })) }),
    'E_FETCH',
    /cannot resolve nowhere\.invalid \(ENOTFOUND\)/,
  );
});
