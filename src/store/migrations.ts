// Schema migrations, run by Kysely's Migrator. The same tables on both backends; only the full-text
// index differs (SQLite FTS5 tables vs PostgreSQL tsvector columns with GIN indexes).
import { sql, type Kysely, type Migration } from 'kysely';
import type { Backend } from './schema.js';

function initial(backend: Backend): Migration {
  const pg = backend === 'postgres';
  return {
    async up(db: Kysely<any>) {
      const seq = (t: any) =>
        pg ? t.addColumn('seq', 'serial', (c: any) => c.primaryKey()) : t.addColumn('seq', 'integer', (c: any) => c.primaryKey().autoIncrement());
      await db.schema
        .createTable('outlets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('stories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await seq(db.schema.createTable('articles'))
        .addColumn('id', 'text', (c: any) => c.notNull().unique())
        .addColumn('content_hash', 'text', (c: any) => c.notNull().unique())
        .addColumn('canonical_url', 'text')
        .addColumn('revision_of', 'text')
        .addColumn('is_current', 'integer', (c: any) => c.notNull().defaultTo(1))
        .addColumn('source', 'text', (c: any) => c.notNull())
        .addColumn('format', 'text', (c: any) => c.notNull())
        .addColumn('outlet_id', 'text', (c: any) => c.references('outlets.id'))
        .addColumn('outlet', 'text')
        .addColumn('title', 'text')
        .addColumn('published', 'text')
        .addColumn('url', 'text')
        .addColumn('language', 'text')
        .addColumn('authors', 'text')
        .addColumn('raw', 'text', (c: any) => c.notNull())
        .addColumn('original', 'text', (c: any) => c.notNull())
        .addColumn('text', 'text', (c: any) => c.notNull())
        .addColumn('cleaning', 'text', (c: any) => c.notNull())
        .addColumn('layers', 'text', (c: any) => c.notNull())
        .addColumn('story_id', 'text', (c: any) => c.references('stories.id'))
        .addColumn('ingest_run', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_canonical_url').on('articles').column('canonical_url').execute();
      await db.schema.createIndex('articles_story').on('articles').column('story_id').execute();
      await db.schema.createIndex('articles_outlet').on('articles').column('outlet_id').execute();
      await db.schema.createIndex('articles_published').on('articles').column('published').execute();
      await db.schema
        .createTable('entities')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('article_entities')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('entity_key', 'text', (c) => c.notNull().references('entities.key'))
        .addColumn('mentions', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_key'])
        .execute();
      await db.schema.createIndex('article_entities_entity').on('article_entities').column('entity_key').execute();
      await seq(db.schema.createTable('claims'))
        .addColumn('article_id', 'text', (c: any) => c.notNull().references('articles.id'))
        .addColumn('idx', 'integer', (c: any) => c.notNull())
        .addColumn('start_offset', 'integer', (c: any) => c.notNull())
        .addColumn('end_offset', 'integer', (c: any) => c.notNull())
        .addColumn('text', 'text', (c: any) => c.notNull())
        .addColumn('data', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('claims_article').on('claims').column('article_id').execute();
      await db.schema
        .createTable('comparisons')
        .addColumn('story_id', 'text', (c) => c.primaryKey())
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('article_count', 'integer', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ingest_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('counts', 'text')
        .execute();
      await (pg
        ? db.schema.createTable('jobs').addColumn('id', 'serial', (c) => c.primaryKey())
        : db.schema.createTable('jobs').addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.unique())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('run_after', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'kind', 'run_after']).execute();
      await db.schema
        .createTable('feeds')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('last_polled', 'text')
        .addColumn('next_poll', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      if (pg) {
        // Generated tsvector columns keep the index in step with the rows inside the same transaction.
        await sql`ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')) STORED`.execute(db);
        await sql`CREATE INDEX articles_tsv ON articles USING GIN (tsv)`.execute(db);
        await sql`ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`.execute(db);
        await sql`CREATE INDEX claims_tsv ON claims USING GIN (tsv)`.execute(db);
        await sql`CREATE INDEX entities_lower_name ON entities (lower(name))`.execute(db);
      } else {
        // External-content FTS5 tables: the text lives once, in articles/claims; rows are added with the article.
        await sql`CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
        await sql`CREATE VIRTUAL TABLE claim_fts USING fts5(text, content='claims', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
        await sql`CREATE INDEX entities_lower_name ON entities (lower(name))`.execute(db);
      }
    },
  };
}

// Outlet filters compare case-insensitively (lower(outlet) = lower(?)); without this index every story
// list filtered by outlet scanned all articles. The same expression index works on both backends.
const outletLowerIndex: Migration = {
  async up(db: Kysely<any>) {
    await sql`CREATE INDEX articles_outlet_lower ON articles (lower(outlet))`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`DROP INDEX articles_outlet_lower`.execute(db);
  },
};

/** Migrations by name (applied in name order). */
export function migrationsFor(backend: Backend): Record<string, Migration> {
  return { '0001-initial': initial(backend), '0002-outlet-lower': outletLowerIndex };
}
