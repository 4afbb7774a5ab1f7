// Adapts the project's safeFetch (src/net/safe-fetch.ts, when present) to the Transport the fetcher uses.
import { importOptional } from './optional-modules.js';
import type { Transport } from './transport.js';

type SafeFetch = (url: string, options: Record<string, unknown>) => Promise<unknown>;

export async function loadSafeFetchTransport(): Promise<Transport | null> {
  const m = await importOptional<{ safeFetch?: SafeFetch }>('../net/safe-fetch.js');
  if (!m || typeof m.safeFetch !== 'function') return null;
  const safeFetch = m.safeFetch;
  return async (url, req) => {
    const res = (await safeFetch(url, {
      headers: req.headers,
      allowPrivate: req.allowPrivate,
      maxBytes: req.maxBytes,
      timeoutMs: req.timeoutMs,
      maxRedirects: req.maxRedirects,
    })) as { status: number; url?: string; headers?: unknown; body?: unknown; bytes?: unknown };
    const headers: Record<string, string> = {};
    const h = res.headers as { forEach?: (fn: (v: string, k: string) => void) => void } | Record<string, string> | undefined;
    if (h && typeof (h as { forEach?: unknown }).forEach === 'function') (h as { forEach: (fn: (v: string, k: string) => void) => void }).forEach((v, k) => (headers[k.toLowerCase()] = v));
    else if (h) for (const [k, v] of Object.entries(h)) headers[k.toLowerCase()] = String(v);
    const raw = res.body ?? res.bytes;
    const body = raw instanceof Uint8Array ? raw : typeof raw === 'string' ? Buffer.from(raw) : new Uint8Array();
    return { status: res.status, url: res.url ?? url, headers, body };
  };
}
