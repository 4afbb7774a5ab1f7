// Opens the store for the server: the database layer (src/store) when it is there, an in-memory
// store for `:memory:` or when it is not.
import type { ServerStore } from './deps.js';
import { createMemoryStore } from './memory-store.js';

export async function openServerStore(db: string | undefined): Promise<{ store: ServerStore; label: string }> {
  if (db === ':memory:') return { store: createMemoryStore(), label: 'in memory (nothing is kept)' };
  // Loaded by name so that the server builds and runs before the database layer lands.
  const storeModule = '../store/index.js';
  let mod: { openStore(db?: string): Promise<ServerStore>; defaultDbPath?(): string };
  try {
    mod = (await import(storeModule)) as typeof mod;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    return { store: createMemoryStore(), label: 'in memory (the database module is not installed)' };
  }
  const label = db ?? mod.defaultDbPath?.() ?? 'default database';
  return { store: await mod.openStore(db), label };
}
