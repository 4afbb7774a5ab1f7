// Starts a throwaway PostgreSQL server on loopback for tests (scripts/pg-test-server.sh), or says why not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../../src/shared-paths.js';

export interface PgTestServer {
  /** URL of a new, empty database on the server. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const script = () => join(repoRoot(), 'scripts', 'pg-test-server.sh');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function pgUnavailable(): string | null {
  const r = spawnSync('bash', [script(), 'bindir'], { encoding: 'utf8' });
  return r.status === 0 ? null : 'PostgreSQL binaries not found (install Debian\'s "postgresql" package; .ci/run does)';
}

export async function startPgTestServer(): Promise<PgTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
  const port = await freePort();
  const r = spawnSync('bash', [script(), 'start', dir, String(port)], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`could not start PostgreSQL: ${r.stderr || r.stdout}`);
  const adminUrl = r.stdout.trim();
  let n = 0;
  return {
    async createDatabase() {
      const name = `parallax_test_${process.pid}_${n++}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return adminUrl.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      spawnSync('bash', [script(), 'stop', dir], { encoding: 'utf8', timeout: 60_000 });
    },
  };
}
