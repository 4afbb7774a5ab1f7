// A large corpus for the server bench, built from the story sets in ../shared/eval (AllSides and
// BASIL: real articles grouped by event). Each article is analysed once; to reach the target size
// it is stored again as numbered copies in copied stories, with a marker line appended to the text
// (so the content differs and the annotation offsets stay valid).
import { readFileSync } from 'node:fs';
import type { Article } from '../../model/document.js';
import { makeArticle } from '../../model/document.js';
import { evalPath } from '../../shared-paths.js';

interface Row {
  id: string;
  story: string;
  outlet?: string;
  title?: string;
  text: string;
  published?: string;
}

export function readStoryRows(): Row[] {
  const rows: Row[] = [];
  for (const file of ['stories/allsides.jsonl', 'stories/basil.jsonl']) {
    for (const line of readFileSync(evalPath(file), 'utf8').split('\n')) if (line.trim()) rows.push(JSON.parse(line) as Row);
  }
  return rows;
}

export interface StoredItem {
  article: Article;
  story: string;
}

/** `count` articles: the analysed originals first, then copies (`~2`, `~3`...) in copied stories. */
export function* benchCorpus(analysed: { row: Row; article: Article }[], count: number): Generator<StoredItem> {
  let n = 0;
  for (let copy = 1; n < count; copy++) {
    for (const { row, article } of analysed) {
      if (n >= count) return;
      n++;
      if (copy === 1) {
        yield { article, story: row.story };
        continue;
      }
      const text = `${article.text}\n\n[bench copy ${copy}]`;
      yield {
        article: { ...article, id: `${article.id}~${copy}`, text, original: text, raw: text, segments: [{ textStart: 0, originalStart: 0, length: text.length }] },
        story: `${row.story}~${copy}`,
      };
    }
  }
}

export function articleOfRow(row: Row): Article {
  return makeArticle(
    { id: row.id, source: `eval:${row.id}`, format: 'text', outlet: row.outlet ?? null, title: row.title ?? null, published: row.published ?? null, url: null, language: 'en' },
    row.text,
  );
}
