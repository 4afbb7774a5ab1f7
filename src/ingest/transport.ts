// One bounded HTTP GET. The fetcher takes a Transport so tests can answer without a network;
// the default is the project's safeFetch (time/size/redirect limits, private addresses refused).
import { safeFetch } from '../net/safe-fetch.js';

export interface TransportRequest {
  headers: Record<string, string>;
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Asked for the URL and each redirect target before it is requested (robots.txt): a reason to refuse, or null. */
  refuseUrl?: (url: URL) => Promise<string | null>;
}

export interface TransportResponse {
  status: number;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Transport = (url: string, request: TransportRequest) => Promise<TransportResponse>;

export const safeFetchTransport: Transport = async (url, req) => {
  const { 'user-agent': userAgent, ...headers } = req.headers;
  const res = await safeFetch(url, {
    headers,
    ...(userAgent ? { userAgent } : {}),
    allowPrivate: req.allowPrivate,
    maxBytes: req.maxBytes,
    timeoutMs: req.timeoutMs,
    maxRedirects: req.maxRedirects,
    ...(req.refuseUrl ? { refuseUrl: req.refuseUrl } : {}),
  });
  return { status: res.status, url: res.url, headers: res.headers, body: res.body };
};
