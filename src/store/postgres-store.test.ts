// The store suite on a real PostgreSQL server started on loopback for this file.
// Skipped with a message where PostgreSQL is not installed; CI installs it, and there a missing
// server is a failure, not a skip.
import { after, before, test } from 'node:test';
import { openStore } from './open-store.js';
import { storeSuite } from '../../test/support/store-suite.js';
import { pgUnavailable, startPgTestServer, type PgTestServer } from '../../test/support/pg-test-server.js';

const unavailable = process.env.CI ? null : pgUnavailable();
let server: PgTestServer | null = null;

if (unavailable) {
  test(`postgres store suite skipped: ${unavailable}`, { skip: unavailable }, () => {});
} else {
  before(async () => {
    server = await startPgTestServer();
  });
  after(async () => {
    await server?.stop();
  });
  storeSuite('postgres', async () => openStore(await server!.createDatabase()));
}
