import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { articleFromContent, readInputs } from '../ingest/read-inputs.js';
import type { Article } from '../model/document.js';
import { repoRoot } from '../shared-paths.js';
import { evalPath } from '../shared-paths.js';

/**
 * The fixed benchmark corpus: the bundled example plus the BASIL stories of ../shared/eval (real news,
 * 201 articles), in file order. Never the network.
 */
export function benchCorpus(options: { quick?: boolean } = {}): Article[] {
  const articles = readInputs({ paths: [join(repoRoot(), 'examples', 'bishkek')] }).articles;
  const basil = evalPath('stories', 'basil.jsonl');
  if (existsSync(basil)) {
    const lines = readFileSync(basil, 'utf8').split('\n').filter((l) => l.trim());
    for (const line of lines.slice(0, options.quick ? 30 : undefined)) {
      const o = JSON.parse(line) as { id: string; text: string; outlet?: string; title?: string; published?: string };
      articles.push(articleFromContent({ text: o.text }, { id: o.id, source: `basil:${o.id}`, outlet: o.outlet ?? null, title: o.title ?? null, published: o.published ?? null }));
    }
  }
  return articles;
}
