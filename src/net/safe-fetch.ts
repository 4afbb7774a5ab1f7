// Fetching URLs that strangers give us (feeds, article links) without letting them reach inside.
//
// - Only http and https. The host is resolved once (dns.lookup, all addresses); if any address is
//   loopback, private, link-local, CGNAT, multicast, unspecified or a cloud metadata address, the
//   fetch is refused (E_FORBIDDEN). The connection then goes to the checked address itself, so a DNS
//   answer that changes between check and connect (rebinding) cannot redirect it.
// - Every redirect is a new destination and is checked the same way; at most `maxRedirects`, no loops.
// - Limits: total time, idle time, body bytes both on the wire and after decompression
//   (gzip/deflate/br bombs are stopped while streaming, never buffered whole).
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { Readable } from 'node:stream';
import { ParallaxError } from '../model/errors.js';
import { classifyAddress, parseIPv6 } from './ip-address.js';

export const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
export const PARALLAX_USER_AGENT = 'Parallax/0.1 (news report comparison)';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface SafeFetchOptions {
  /** Allow loopback/private/link-local destinations (local development, tests). Default false. */
  allowPrivate?: boolean;
  /** Hosts exempt from the address check, as "host" or "host:port" (an intranet feed the user trusts). */
  allowHosts?: readonly string[];
  /** Whole fetch, redirects included (ms). Default 30 000. */
  timeoutMs?: number;
  /** No bytes received for this long (ms) ends the fetch. Default 10 000. */
  idleTimeoutMs?: number;
  /** Body limit in bytes, on the wire and after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for conditional requests. */
  headers?: Readonly<Record<string, string>>;
  userAgent?: string;
  method?: 'GET' | 'HEAD';
  signal?: AbortSignal;
  /**
   * Asked before the first request and before following each redirect: a reason to refuse the URL (say,
   * robots.txt of a redirect's new origin), or null to go on.
   */
  refuseUrl?: (url: URL) => Promise<string | null>;
  /** Name resolution (defaults to dns.lookup with all addresses); tests inject their own. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface SafeResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  statusText: string;
  /** True for 2xx. */
  ok: boolean;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body after content decoding (gzip/deflate/br), as bytes; decode with decodeBytes(). */
  body: Buffer;
  /** The URLs redirected from, in order. */
  redirects: string[];
}

/**
 * A fetch failure that will not change on a retry (a redirect loop, too many redirects, a URL that is
 * not one, a body that cannot be decoded, the whole-fetch deadline spent): retrying would only cost
 * the same time again.
 */
export class PermanentFetchError extends ParallaxError {
  readonly permanent = true;
  constructor(message: string, subject?: string) {
    super('E_FETCH', message, subject);
  }
}

/** Whether trying again could succeed: network trouble, not a refusal, a limit or a permanent failure. */
export function isTransientFetchError(e: unknown): boolean {
  return e instanceof ParallaxError && e.code === 'E_FETCH' && !(e instanceof PermanentFetchError);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Headers a caller may not set: they would let the caller talk past our checks or framing.
const RESERVED_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'upgrade', 'proxy-authorization', 'te', 'trailer']);
const CROSS_ORIGIN_DROP = new Set(['authorization', 'cookie']);

async function defaultResolve(hostname: string): Promise<ResolvedAddress[]> {
  const list = await dnsLookup(hostname, { all: true, verbatim: true });
  return list.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function forbidden(message: string, url: string): ParallaxError {
  return new ParallaxError('E_FORBIDDEN', message, url);
}

function parseUrl(raw: string, base?: URL): URL {
  try {
    return new URL(raw, base);
  } catch {
    throw new PermanentFetchError(`not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`, base?.href ?? raw.slice(0, 200));
  }
}

function hostAllowed(url: URL, options: SafeFetchOptions): boolean {
  const list = options.allowHosts ?? [];
  return list.includes(url.host) || list.includes(url.hostname);
}

/** Checks scheme and host of one hop; returns the address to connect to. */
async function checkDestination(url: URL, options: SafeFetchOptions): Promise<ResolvedAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw forbidden(`only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}`, url.href);
  }
  if (url.username || url.password) throw forbidden('URLs with a user name or password are not fetched', url.href);
  const permissive = options.allowPrivate === true || hostAllowed(url, options);
  // The WHATWG parser already turns decimal/octal/hex IPv4 forms into dotted quads ("0x7f.1" -> 127.0.0.1).
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = classifyAddress(hostname);
  if (literal !== undefined) {
    if (literal !== null && !permissive) throw forbidden(`refused: ${hostname} is a ${literal} address`, url.href);
    return { address: hostname, family: parseIPv6(hostname) ? 6 : 4 };
  }
  const lower = hostname.toLowerCase().replace(/\.$/, '');
  if (!permissive && (lower === 'localhost' || lower.endsWith('.localhost') || lower === 'metadata.google.internal')) {
    throw forbidden(`refused: ${hostname} names a local or metadata host`, url.href);
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.resolve ?? defaultResolve)(hostname);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParallaxError('E_FETCH', `cannot resolve ${hostname}${code ? ` (${code})` : ''}`, url.href);
  }
  if (addresses.length === 0) throw new ParallaxError('E_FETCH', `cannot resolve ${hostname}`, url.href);
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    // Refuse when any answer is internal: an attacker's name may list a public and a private address.
    if (cls === undefined) throw new PermanentFetchError(`resolver returned a non-address for ${hostname}`, url.href);
    if (cls !== null && !permissive) throw forbidden(`refused: ${hostname} resolves to ${a.address}, a ${cls} address`, url.href);
  }
  return addresses[0]!;
}

interface Hop {
  res: http.IncomingMessage;
  req: http.ClientRequest;
}

function netError(e: unknown, url: string, signal: AbortSignal, timeoutMs: number): ParallaxError {
  // A timeout or cancellation explains whatever socket error it caused.
  if (signal.aborted) {
    const reason = signal.reason as unknown;
    if (reason instanceof ParallaxError) return reason;
    return new PermanentFetchError(`gave up after ${timeoutMs} ms (timeout)`, url);
  }
  if (e instanceof ParallaxError) return e;
  const err = e as NodeJS.ErrnoException;
  const detail = err.code ?? err.message ?? String(e);
  return new ParallaxError('E_FETCH', `request failed (${detail})`, url);
}

function requestOnce(
  url: URL,
  target: ResolvedAddress,
  headers: Record<string, string>,
  options: Required<Pick<SafeFetchOptions, 'idleTimeoutMs' | 'timeoutMs'>> & SafeFetchOptions,
  signal: AbortSignal,
  abort: (reason: ParallaxError) => void,
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const reqOptions: https.RequestOptions = {
      // Connect to the address we checked, never to the name again.
      host: target.address,
      family: target.family,
      port: url.port ? Number(url.port) : isHttps ? 443 : 80,
      path: `${url.pathname}${url.search}`,
      method: options.method ?? 'GET',
      headers: { ...headers, host: url.host },
      agent: false,
      signal,
      // Certificates are checked against the name in the URL, and SNI carries it (not for IP literals).
      ...(isHttps && classifyAddress(hostname) === undefined ? { servername: hostname } : {}),
    };
    const req = (isHttps ? https : http).request(reqOptions, (res) => resolve({ res, req }));
    // The socket's inactivity timer covers the wait for headers and every gap in the body.
    req.setTimeout(options.idleTimeoutMs, () => abort(new ParallaxError('E_FETCH', `no data for ${options.idleTimeoutMs} ms (idle timeout)`, url.href)));
    req.on('error', (e) => reject(netError(e, url.href, signal, options.timeoutMs)));
    req.end();
  });
}

function decoderFor(encoding: string, url: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const enc = encoding.trim().toLowerCase();
  if (enc === '' || enc === 'identity') return null;
  // Lenient flushing, as browsers: a truncated but otherwise good stream still yields its text.
  if (enc === 'gzip' || enc === 'x-gzip') return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  if (enc === 'deflate') return zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  if (enc === 'br') return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  throw new PermanentFetchError(`unsupported content-encoding "${encoding.slice(0, 40)}"`, url);
}

/** Streams the body, stopping as soon as the raw or the decoded size passes the limit. */
function readBody(hop: Hop, url: string, maxBytes: number, hasBody: boolean, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const { res } = hop;
  return new Promise((resolve, reject) => {
    let settled = false;
    let decoder: ReturnType<typeof decoderFor> = null;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      decoder?.destroy();
      res.destroy();
      hop.req.destroy();
      reject(netError(e, url, signal, timeoutMs));
    };
    if (!hasBody) {
      res.resume();
      res.on('end', () => {
        settled = true;
        resolve(Buffer.alloc(0));
      });
      res.on('error', fail);
      return;
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      fail(new ParallaxError('E_TOO_LARGE', `body of ${declared} bytes is over the limit of ${maxBytes} bytes`, url));
      return;
    }
    try {
      decoder = decoderFor(String(res.headers['content-encoding'] ?? ''), url);
    } catch (e) {
      fail(e);
      return;
    }
    let wire = 0;
    res.on('data', (chunk: Buffer) => {
      wire += chunk.length;
      if (wire > maxBytes) fail(new ParallaxError('E_TOO_LARGE', `body is over the limit of ${maxBytes} bytes`, url));
    });
    res.on('error', fail);
    res.on('close', () => {
      if (!res.complete) fail(new ParallaxError('E_FETCH', 'connection closed before the body was complete', url));
    });
    const chunks: Buffer[] = [];
    let total = 0;
    const source: Readable = decoder ?? res;
    if (decoder) {
      decoder.on('error', (e) => fail(new PermanentFetchError(`cannot decode the ${String(res.headers['content-encoding'])} body (${e.message})`, url)));
      res.pipe(decoder);
    }
    source.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > maxBytes) {
        fail(new ParallaxError('E_TOO_LARGE', `decoded body is over the limit of ${maxBytes} bytes (compression bomb?)`, url));
        return;
      }
      chunks.push(chunk);
    });
    source.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, total));
    });
  });
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * Fetches a URL with the protections above. Non-2xx responses are returned (check `ok`/`status`);
 * 304 Not Modified comes back with an empty body. Errors: E_FETCH, E_FORBIDDEN, E_TOO_LARGE.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  let headers: Record<string, string> = {
    'user-agent': options.userAgent ?? PARALLAX_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (RESERVED_HEADERS.has(k.toLowerCase())) throw new ParallaxError('E_USAGE', `header "${k}" cannot be set`, url);
    headers[k.toLowerCase()] = v;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new PermanentFetchError(`gave up after ${timeoutMs} ms (timeout)`, url)), timeoutMs);
  const onOuterAbort = () => controller.abort(new ParallaxError('E_FETCH', 'cancelled', url));
  if (options.signal?.aborted) onOuterAbort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const opts = { ...options, timeoutMs, idleTimeoutMs };
  // Races a step against the deadline, so a hung resolver cannot outlive the timeout either.
  const withDeadline = <T>(p: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (controller.signal.aborted) return reject(controller.signal.reason);
      const onAbort = () => reject(controller.signal.reason);
      controller.signal.addEventListener('abort', onAbort, { once: true });
      p.then(resolve, reject).finally(() => controller.signal.removeEventListener('abort', onAbort));
    });
  try {
    let current = parseUrl(url);
    current.hash = '';
    const redirects: string[] = [];
    const seen = new Set<string>([current.href]);
    for (;;) {
      const refusal = options.refuseUrl ? await withDeadline(options.refuseUrl(current)) : null;
      if (refusal) throw new ParallaxError('E_FORBIDDEN', `${refusal}: ${current.href.slice(0, 200)}`, url);
      const target = await withDeadline(checkDestination(current, options));
      const hop = await withDeadline(requestOnce(current, target, headers, opts, controller.signal, (r) => controller.abort(r)));
      const status = hop.res.statusCode ?? 0;
      const location = hop.res.headers.location;
      if (REDIRECTS.has(status) && location) {
        hop.res.resume();
        hop.req.destroy();
        if (redirects.length >= maxRedirects) throw new PermanentFetchError(`too many redirects (over ${maxRedirects})`, url);
        const next = parseUrl(location, current);
        next.hash = '';
        if (seen.has(next.href)) throw new PermanentFetchError(`redirect loop at ${next.href.slice(0, 200)}`, url);
        if (next.origin !== current.origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !CROSS_ORIGIN_DROP.has(k)));
        seen.add(next.href);
        redirects.push(current.href);
        current = next;
        continue;
      }
      const hasBody = opts.method !== 'HEAD' && status !== 204 && status !== 304 && !(status >= 100 && status < 200);
      const body = await withDeadline(readBody(hop, current.href, maxBytes, hasBody, controller.signal, timeoutMs));
      return {
        url: current.href,
        status,
        statusText: hop.res.statusMessage ?? '',
        ok: status >= 200 && status < 300,
        headers: flattenHeaders(hop.res.headers),
        body,
        redirects,
      };
    }
  } catch (e) {
    throw netError(e, url, controller.signal, timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (!controller.signal.aborted) controller.abort();
  }
}
