// A polite fetcher: names Parallax in its user agent, honours robots.txt, limits requests per host,
// makes conditional requests (ETag / Last-Modified) and backs off on errors.
import { ParallaxError, isParallaxError } from '../model/errors.js';
import { isTransientFetchError, PARALLAX_USER_AGENT } from '../net/safe-fetch.js';
import { decodeBytes } from './decode.js';
import { ALLOW_ALL, createRobotsPolicy, type RobotsRules } from './robots.js';
import { safeFetchTransport, type Transport } from './transport.js';

export const USER_AGENT = PARALLAX_USER_AGENT;

export type FetchResult =
  | { status: 'ok'; url: string; body: string; contentType: string | null; etag: string | null; lastModified: string | null }
  | { status: 'not-modified'; url: string }
  | { status: 'error'; url: string; message: string; retryable: boolean; httpStatus?: number };

export interface Fetcher {
  fetch(url: string, conditional?: { etag?: string | null; lastModified?: string | null }): Promise<FetchResult>;
}

export interface FetcherOptions {
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  /** Retries of a failed request (network error, 429, 5xx). */
  retries?: number;
  /** First backoff delay; doubles each retry. */
  backoffMs?: number;
  userAgent?: string;
  robots?: boolean;
  transport?: Transport;
  sleep?: (ms: number) => Promise<void>;
}

function semaphore(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export async function createFetcher(options: FetcherOptions = {}): Promise<Fetcher> {
  const transport = options.transport ?? safeFetchTransport;
  const userAgent = options.userAgent ?? USER_AGENT;
  const request = {
    allowPrivate: options.allowPrivate ?? false,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxRedirects: options.maxRedirects ?? 5,
  };
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const hosts = new Map<string, ReturnType<typeof semaphore>>();
  const robots = new Map<string, Promise<RobotsRules>>();
  const lastRequest = new Map<string, number>();

  const limiter = (host: string) => {
    let s = hosts.get(host);
    if (!s) hosts.set(host, (s = semaphore(options.perHostConcurrency ?? 2)));
    return s;
  };

  const policy = createRobotsPolicy((robotsUrl) => transport(robotsUrl, { ...request, maxBytes: 512 * 1024, headers: { 'user-agent': userAgent } }), userAgent);
  const rulesFor = (u: URL): Promise<RobotsRules> => (options.robots === false ? Promise.resolve(ALLOW_ALL) : policy.rulesFor(u));
  // Redirects are followed inside the transport: each new origin's robots.txt is asked there too.
  const refuseUrl = options.robots === false ? undefined : (u: URL) => policy.refusal(u);

  async function once(url: URL, headers: Record<string, string>): Promise<FetchResult & { retryAfterMs?: number }> {
    try {
      const res = await transport(url.href, { ...request, headers, ...(refuseUrl ? { refuseUrl } : {}) });
      const h = res.headers;
      if (res.status === 304) return { status: 'not-modified', url: res.url };
      if (res.status >= 200 && res.status < 300) {
        const contentType = h['content-type'] ?? null;
        const body = decodeBytes(res.body, res.url, { html: /html/i.test(contentType ?? '') }).text;
        return { status: 'ok', url: res.url, body, contentType, etag: h['etag'] ?? null, lastModified: h['last-modified'] ?? null };
      }
      const retryable = res.status === 429 || res.status >= 500;
      const ra = Number(h['retry-after']);
      return {
        status: 'error',
        url: res.url,
        message: `HTTP ${res.status}`,
        retryable,
        httpStatus: res.status,
        ...(Number.isFinite(ra) ? { retryAfterMs: Math.min(ra * 1000, 60_000) } : {}),
      };
    } catch (e) {
      const message = isParallaxError(e) ? e.message.replace(`${e.subject}: `, '') : (e as Error).message;
      // Refusals, size limits, redirect loops and spent deadlines will not change on a retry; network trouble may.
      return { status: 'error', url: url.href, message, retryable: isParallaxError(e) ? isTransientFetchError(e) : true };
    }
  }

  return {
    async fetch(target, conditional = {}) {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return { status: 'error', url: target, message: 'not a valid URL', retryable: false };
      }
      const rules = await rulesFor(url);
      if (!rules.allowed(url.pathname + url.search)) return { status: 'error', url: url.href, message: 'disallowed by robots.txt', retryable: false };
      const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' };
      if (conditional.etag) headers['if-none-match'] = conditional.etag;
      if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      return limiter(url.host)(async () => {
        let result: FetchResult & { retryAfterMs?: number } = { status: 'error', url: url.href, message: 'not tried', retryable: false };
        for (let attempt = 0; attempt <= retries; attempt++) {
          const delay = rules.crawlDelay ? Math.min(rules.crawlDelay, 10) * 1000 : 0;
          const since = Date.now() - (lastRequest.get(url.host) ?? 0);
          if (delay > since) await sleep(delay - since);
          lastRequest.set(url.host, Date.now());
          result = await once(url, headers);
          if (result.status !== 'error' || !result.retryable || attempt === retries) break;
          await sleep(result.retryAfterMs ?? backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5));
        }
        const { retryAfterMs: _r, ...out } = result;
        return out as FetchResult;
      });
    },
  };
}

export { ParallaxError };
