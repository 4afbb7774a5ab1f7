// Opens the store for the server: the database (SQLite file or postgres:// URL, src/store), or an
// in-memory store for `:memory:`.
import type { ServerStore } from './deps.js';
import { createMemoryStore } from './memory-store.js';

export async function openServerStore(db: string | undefined): Promise<{ store: ServerStore; label: string }> {
  if (db === ':memory:') return { store: createMemoryStore(), label: 'in memory (nothing is kept)' };
  // Loaded here so that commands which do not use the database do not load it.
  const { openStore, defaultDbPath, isPostgresUrl } = await import('../store/index.js');
  const target = db ?? defaultDbPath();
  const label = isPostgresUrl(target) ? target.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@') : target;
  return { store: await openStore(target), label };
}
