// Opens a Kysely instance for a file path (SQLite) or a postgres:// URL, and brings the schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { ParallaxError } from '../model/errors.js';
import { migrationsFor } from './migrations.js';
import { StorableTextPlugin } from './storable.js';
import type { Backend, Database } from './schema.js';

export interface Connection {
  db: Kysely<Database>;
  backend: Backend;
  /** What was opened (path or URL with the password hidden), for messages. */
  label: string;
  /** A read-only connection beside the writer (SQLite files), else the same instance. */
  reader: Kysely<Database>;
  /** SQLite: the writer's own better-sqlite3 handle (bulk article writes use prepared statements on it). */
  sqlite: BetterSqlite3.Database | null;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** $XDG_DATA_HOME/parallax/parallax.db, else ~/.local/share/parallax/parallax.db. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(env.HOME ?? homedir(), '.local', 'share');
  return join(base, 'parallax', 'parallax.db');
}

function hidePassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function openSqlite(path: string): { db: Kysely<Database>; database: BetterSqlite3.Database } {
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw new ParallaxError('E_STORE', `cannot create the directory for the database (${(e as NodeJS.ErrnoException).code})`, path);
    }
  }
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path, { timeout: 30_000 });
    // WAL lets readers run beside one writer (several ingest processes, a server); FULL sync makes a
    // committed transaction survive a crash of the process or the machine.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  } catch (e) {
    throw new ParallaxError('E_STORE', `cannot open the database (${(e as Error).message})`, path);
  }
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [new StorableTextPlugin()] }), database };
}

async function openPostgres(url: string): Promise<Kysely<Database>> {
  // Loaded only for postgres:// URLs: the embedded default should not pay for the driver.
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new StorableTextPlugin()] });
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code === '40P01' || code === '23505' || /lock/i.test((e as Error).message ?? '');
}

async function migrate(db: Kysely<Database>, backend: Backend, label: string): Promise<void> {
  const migrations = migrationsFor(backend);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  // Two processes opening a new database at once: one migrates, the other retries and finds it done.
  for (let attempt = 0; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    // "already exists": the other process committed the same migration after we read the migration
    // table; reading it again finds the work done.
    if (attempt < 20 && (isBusy(error) || /already exists/i.test((error as Error).message ?? ''))) {
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      continue;
    }
    throw new ParallaxError('E_STORE', `cannot prepare the database schema (${(error as Error).message})`, label);
  }
}

/** Opens (creating if needed) the database at a path or postgres:// URL and migrates it. */
export async function connect(target: string): Promise<Connection> {
  const backend: Backend = isPostgresUrl(target) ? 'postgres' : 'sqlite';
  const label = backend === 'postgres' ? hidePassword(target) : target;
  const sqlite = backend === 'sqlite' ? openSqlite(target) : null;
  const db = sqlite ? sqlite.db : await openPostgres(target);
  try {
    await migrate(db, backend, label);
  } catch (e) {
    await db.destroy().catch(() => {});
    if (e instanceof ParallaxError) throw e;
    throw new ParallaxError('E_STORE', `cannot open the database (${(e as Error).message})`, label);
  }
  let reader = db;
  if (backend === 'sqlite' && target !== ':memory:' && target !== '') {
    try {
      const database = new BetterSqlite3(target, { readonly: true, timeout: 30_000 });
      reader = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [new StorableTextPlugin()] });
    } catch {
      reader = db; // reads share the writer's connection, as before
    }
  }
  return { db, backend, label, reader, sqlite: sqlite?.database ?? null };
}
