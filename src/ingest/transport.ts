// One HTTP GET with bounds (time, size, redirects) and a refusal of private/loopback addresses.
// The project's safeFetch (src/net/safe-fetch.ts) is used when present; this fallback does the same
// checks with Node's fetch and a DNS lookup before each hop.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ParallaxError } from '../model/errors.js';

export interface TransportRequest {
  headers: Record<string, string>;
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export interface TransportResponse {
  status: number;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Transport = (url: string, request: TransportRequest) => Promise<TransportResponse>;

export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('ff');
}

async function checkHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ParallaxError('E_FORBIDDEN', `only http and https URLs are read, not ${url.protocol}`, url.href);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addrs = isIP(host) ? [{ address: host }] : await lookup(host, { all: true }).catch(() => {
    throw new ParallaxError('E_FETCH', 'the host name does not resolve', url.href);
  });
  if (addrs.some((a) => isPrivateAddress(a.address))) {
    throw new ParallaxError('E_FORBIDDEN', 'refusing a private or loopback address (pass --allow-private to read it)', url.href);
  }
}

export const nodeFetchTransport: Transport = async (url, req) => {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    await checkHost(current, req.allowPrivate);
    const res = await fetch(current, { headers: req.headers, redirect: 'manual', signal: AbortSignal.timeout(req.timeoutMs) }).catch((e: Error) => {
      const reason = e.name === 'TimeoutError' ? `no answer within ${req.timeoutMs} ms` : (e.cause as Error | undefined)?.message ?? e.message;
      throw new ParallaxError('E_FETCH', reason, current.href);
    });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel().catch(() => {});
      if (hop >= req.maxRedirects) throw new ParallaxError('E_FETCH', `more than ${req.maxRedirects} redirects`, url);
      current = new URL(location, current);
      continue;
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > req.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new ParallaxError('E_TOO_LARGE', `${declared} bytes is over the limit of ${req.maxBytes} bytes`, current.href);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > req.maxBytes) throw new ParallaxError('E_TOO_LARGE', `the response is over the limit of ${req.maxBytes} bytes`, current.href);
        chunks.push(chunk);
      }
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    return { status: res.status, url: current.href, headers, body: Buffer.concat(chunks) };
  }
};
