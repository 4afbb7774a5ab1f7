// Fetches an article page for POST /api/ingest {url}: through safeFetch (timeouts, size cap, redirect
// limit, no private or loopback addresses), decoded with the page's declared or detected encoding.
import { decodeBytes } from '../ingest/decode.js';
import { ParallaxError } from '../model/errors.js';
import { safeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';

export function createPageFetcher(options: SafeFetchOptions = {}): (url: string) => Promise<{ html: string; url: string }> {
  return async (url) => {
    const res = await safeFetch(url, { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, ...options });
    if (!res.ok) throw new ParallaxError('E_FETCH', `the page answered ${res.status} ${res.statusText}`.trim(), url);
    return { html: decodeBytes(res.body, url, { html: true }).text, url: res.url };
  };
}
