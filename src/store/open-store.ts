import { connect, defaultDbPath, isPostgresUrl } from './connect.js';
import { createKyselyStore } from './kysely-store.js';
import type { DatabaseStore } from './types.js';

/**
 * Opens the store at a file path (embedded SQLite, created if missing) or a postgres:// URL
 * (the same schema on a PostgreSQL server). Without an argument: the user's default database.
 */
export async function openStore(dbPathOrUrl: string = defaultDbPath()): Promise<DatabaseStore> {
  const { db, backend, label, reader, sqlite } = await connect(dbPathOrUrl);
  return createKyselyStore(db, backend, label, reader, sqlite);
}

export { defaultDbPath, isPostgresUrl };
