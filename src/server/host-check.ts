// DNS rebinding: a page on attacker.example can have its name re-pointed at 127.0.0.1 and then talk
// to this unauthenticated API as a same-origin page. The browser still sends "Host: attacker.example",
// so answering only the names and addresses this server is bound to closes the hole.
import type { MiddlewareHandler } from 'hono';
import { hostname, networkInterfaces } from 'node:os';
import { ApiError } from './errors.js';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** The host name of a Host header or URL authority, lower-case, without port or IPv6 brackets. */
export function hostOf(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) return a.slice(1, a.indexOf(']') > 0 ? a.indexOf(']') : undefined);
  const colon = a.lastIndexOf(':');
  return (colon >= 0 && a.indexOf(':') === colon ? a.slice(0, colon) : a).replace(/\.$/, '');
}

/**
 * The names a server bound to `bindHost` answers to: loopback names, the bound address; for a wildcard
 * bind (0.0.0.0, ::) every address of this machine and its host name; plus the names the user allows.
 */
export function allowedHostsFor(bindHost: string, extra: readonly string[] = []): string[] {
  const out = new Set<string>([...LOOPBACK, hostOf(bindHost)]);
  if (bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '') {
    out.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) out.add(i.address.toLowerCase());
  }
  for (const name of extra) out.add(hostOf(name));
  return [...out];
}

/** Refuses requests whose Host is not one of `allowed` (403, before any route runs). */
export function hostAllowList(allowed: readonly string[]): MiddlewareHandler {
  const names = new Set(allowed.map(hostOf));
  return async (c, next) => {
    const host = hostOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (!names.has(host)) {
      throw new ApiError(403, 'E_HOST', `this server does not answer to the host name "${host.slice(0, 100)}" (start it with --allow-host ${host.slice(0, 100)} to allow it)`);
    }
    await next();
  };
}
