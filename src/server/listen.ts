// Starts a Node HTTP server for an app and resolves once it listens.
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function listen(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    // Slow or stuck clients must not hold sockets for ever.
    const s = server as unknown as { requestTimeout: number; headersTimeout: number; keepAliveTimeout: number };
    s.requestTimeout = 30_000;
    s.headersTimeout = 10_000;
    s.keepAliveTimeout = 5_000;
    server.on('error', reject);
  });
}
