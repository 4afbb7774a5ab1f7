// A job queue in the database, shared by several workers (processes or machines). A claimed job is
// leased: if its worker dies, the lease runs out and another worker takes it again.
import { sql, type Kysely } from 'kysely';
import type { Backend, Database } from './schema.js';
import type { Job } from './types.js';

type WriteTx = <T>(fn: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

const iso = (ms: number) => new Date(ms).toISOString();

export function createJobQueue(db: Kysely<Database>, backend: Backend, writeTx: WriteTx) {
  return {
    async enqueueJob(kind: string, payload: unknown, options: { key?: string; runAfter?: Date } = {}): Promise<number | null> {
      const now = iso(Date.now());
      const runAfter = options.runAfter ? options.runAfter.toISOString() : now;
      const row = await db
        .insertInto('jobs')
        .values({ kind, key: options.key ?? null, payload: JSON.stringify(payload), status: 'queued', attempts: 0, run_after: runAfter, created_at: now, updated_at: now })
        // A finished job with the same key is queued again; a pending one is left alone.
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ status: 'queued', payload: JSON.stringify(payload), attempts: 0, run_after: runAfter, updated_at: now, last_error: null })
            .where('jobs.status', 'in', ['done', 'failed']),
        )
        .returning('id')
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    async claimJob(worker: string, kinds: string[], leaseMs = 60_000): Promise<Job | null> {
      if (kinds.length === 0) return null;
      const now = iso(Date.now());
      const until = iso(Date.now() + leaseMs);
      const ready = sql`kind IN (${sql.join(kinds)}) AND ((status = 'queued' AND run_after <= ${now}) OR (status = 'running' AND locked_until < ${now}))`;
      if (backend === 'postgres') {
        // SKIP LOCKED: concurrent workers each take a different row without waiting for each other.
        const { rows } = await sql<{ id: number; kind: string; key: string | null; payload: string; attempts: number }>`
          UPDATE jobs SET status = 'running', locked_by = ${worker}, locked_until = ${until}, attempts = attempts + 1, updated_at = ${now}
          WHERE id = (SELECT id FROM jobs WHERE ${ready} ORDER BY run_after, id FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING id, kind, key, payload, attempts`.execute(db);
        const r = rows[0];
        return r ? { id: Number(r.id), kind: r.kind, key: r.key, payload: JSON.parse(r.payload), attempts: Number(r.attempts) } : null;
      }
      return writeTx(async (trx) => {
        const { rows } = await sql<{ id: number }>`SELECT id FROM jobs WHERE ${ready} ORDER BY run_after, id LIMIT 1`.execute(trx);
        const id = rows[0]?.id;
        if (id === undefined) return null;
        const r = await trx
          .updateTable('jobs')
          .set({ status: 'running', locked_by: worker, locked_until: until, attempts: sql`attempts + 1`, updated_at: now })
          .where('id', '=', id)
          .returning(['id', 'kind', 'key', 'payload', 'attempts'])
          .executeTakeFirstOrThrow();
        return { id: Number(r.id), kind: r.kind, key: r.key, payload: JSON.parse(r.payload), attempts: Number(r.attempts) };
      });
    },

    async completeJob(id: number): Promise<void> {
      await db.updateTable('jobs').set({ status: 'done', locked_by: null, locked_until: null, updated_at: iso(Date.now()) }).where('id', '=', id).execute();
    },

    async failJob(id: number, error: string, retryAfterMs: number | null = null): Promise<void> {
      const now = Date.now();
      await db
        .updateTable('jobs')
        .set({
          status: retryAfterMs === null ? 'failed' : 'queued',
          last_error: error.slice(0, 2000),
          locked_by: null,
          locked_until: null,
          run_after: iso(now + (retryAfterMs ?? 0)),
          updated_at: iso(now),
        })
        .where('id', '=', id)
        .execute();
    },

    async jobCounts(): Promise<Record<string, number>> {
      const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}
