// The prepared-statement writer stores exactly the rows the Kysely path stores (the path PostgreSQL
// keeps): the same articles put through both, every table compared row for row.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { connect } from './connect.js';
import { createKyselyStore } from './kysely-store.js';
import { openStore } from './open-store.js';
import type { ArticleToStore, DatabaseStore } from './types.js';
import { makeTestArticle } from '../../test/support/store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function batches(): ArticleToStore[][] {
  const lone = makeTestArticle('odd', 'A lone \ud800 surrogate and a NUL \u0000 in Bishkek.', { entities: [['Bishkek', 'LOC']], claims: true, outlet: 'Odd\u0000Outlet' });
  const v1 = makeTestArticle('u1', 'First version of the report on the summit.', { url: 'https://www.news.example/a?utm_source=x', claims: true });
  const v2 = makeTestArticle('u2', 'Second version of the report on the summit, corrected.', { url: 'https://news.example/a/' });
  const sameId = makeTestArticle('u2', 'Another text under the same id.', { outlet: 'Outlet B' });
  const many = makeTestArticle('many', 'Putin met Japarov in Bishkek. '.repeat(40), { entities: [['Putin', 'PER'], ['Japarov', 'PER'], ['Bishkek', 'LOC']], claims: true });
  const claim = many.layers.claims![0]!;
  many.layers.claims = Array.from({ length: 600 }, (_, i) => ({ ...claim, start: (i % 40) * 30, end: (i % 40) * 30 + 29 }));
  const untitled = makeTestArticle('untitled', 'No title here.', { published: null });
  (untitled as { title: string | null }).title = null;
  return [
    [
      { article: lone, story: 's1', storyTitle: 'Odd story' },
      { article: v1, story: 's1' },
      { article: many, story: 's2', storyTitle: 'Summit', ingestRun: 'run-1' },
    ],
    [
      { article: v2, story: 's1' },
      { article: sameId, story: null },
      { article: structuredClone(v1), story: 's2' },
      { article: untitled, story: 's3' },
    ],
  ];
}

function dump(path: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const all = (q: string) => db.prepare(q).all() as Record<string, unknown>[];
    const noStamp = (rows: Record<string, unknown>[]) => rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest);
    return {
      articles: noStamp(all('SELECT * FROM articles ORDER BY seq')),
      claims: all('SELECT * FROM claims ORDER BY seq'),
      entities: all('SELECT rowid, * FROM entities ORDER BY rowid'),
      articleEntities: all('SELECT rowid, * FROM article_entities ORDER BY rowid'),
      outlets: noStamp(all('SELECT * FROM outlets ORDER BY id')),
      stories: noStamp(all('SELECT * FROM stories ORDER BY id')),
      articleSearch: all(`SELECT rowid FROM article_fts WHERE article_fts MATCH 'summit OR bishkek OR title' ORDER BY rowid`),
      claimSearch: all(`SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'putin OR version OR surrogate' ORDER BY rowid`),
    };
  } finally {
    db.close();
  }
}

async function storeAll(store: DatabaseStore): Promise<unknown[]> {
  const results: unknown[] = [];
  try {
    for (const b of batches()) results.push(await store.putArticles(b));
    assert.deepEqual(await store.integrityCheck(), []);
  } finally {
    await store.close();
  }
  return results;
}

test('the SQLite prepared-statement writer stores the same rows as the Kysely path', async () => {
  const viaKysely = join(dir, 'kysely.db');
  const c = await connect(viaKysely);
  const kyselyResults = await storeAll(createKyselyStore(c.db, c.backend, c.label, c.reader, null));
  const viaWriter = join(dir, 'writer.db');
  const writerResults = await storeAll(await openStore(viaWriter));
  assert.deepEqual(writerResults, kyselyResults);
  const a = dump(viaKysely);
  const b = dump(viaWriter);
  assert.equal((a.claims as unknown[]).length, 602);
  assert.ok((a.articleSearch as unknown[]).length >= 3 && (a.claimSearch as unknown[]).length > 600);
  assert.deepEqual(b, a);
});
