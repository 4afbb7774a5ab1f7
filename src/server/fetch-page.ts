// Fetches an article page for POST /api/ingest {url}: through safeFetch (timeouts, size cap, redirect
// limit, no private or loopback addresses), asking robots.txt of the page's origin and of every origin it
// redirects to, decoded with the page's declared or detected encoding.
import { decodeBytes } from '../ingest/decode.js';
import { createRobotsPolicy } from '../ingest/robots.js';
import { ParallaxError } from '../model/errors.js';
import { PARALLAX_USER_AGENT, safeFetch, type SafeFetchOptions } from '../net/safe-fetch.js';

export function createPageFetcher(options: SafeFetchOptions & { robots?: boolean } = {}): (url: string) => Promise<{ html: string; url: string }> {
  const { robots = true, ...fetchOptions } = options;
  const userAgent = fetchOptions.userAgent ?? PARALLAX_USER_AGENT;
  const policy = createRobotsPolicy((robotsUrl) => safeFetch(robotsUrl, { ...fetchOptions, timeoutMs: 10_000, maxBytes: 512 * 1024, maxRedirects: 5 }), userAgent);
  return async (url) => {
    const res = await safeFetch(url, { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, ...fetchOptions, ...(robots ? { refuseUrl: (u: URL) => policy.refusal(u) } : {}) });
    if (!res.ok) throw new ParallaxError('E_FETCH', `the page answered ${res.status} ${res.statusText}`.trim(), url);
    return { html: decodeBytes(res.body, url, { html: true }).text, url: res.url };
  };
}
