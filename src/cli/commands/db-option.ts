// The --db option shared by every command that uses the database.
import { resolve } from 'node:path';
import { defaultDbPath, isPostgresUrl, openStore } from '../../store/open-store.js';
import type { DatabaseStore } from '../../store/types.js';
import type { CliIO, OptionSpec } from '../command.js';

export const dbOption: Record<string, OptionSpec> = {
  db: { type: 'string', valueName: 'PATH|URL', description: 'database file, or postgres://... (default: $XDG_DATA_HOME/parallax/parallax.db)' },
};

/** Where --db points (a default file in the user's data directory when absent). */
export function dbTarget(values: Record<string, unknown>, io: CliIO): string {
  const v = typeof values.db === 'string' && values.db !== '' ? values.db : null;
  if (!v) return defaultDbPath(io.env);
  return isPostgresUrl(v) || v === ':memory:' ? v : resolve(io.cwd, v);
}

/** Opens the store and says which one on stderr (the password of a URL hidden). */
export async function openStoreFor(values: Record<string, unknown>, io: CliIO, command: string): Promise<DatabaseStore> {
  const target = dbTarget(values, io);
  io.stderr.write(`parallax ${command}: database ${target.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')}\n`);
  return openStore(target);
}
