// Loads the bundled example stories (examples/NAME/sources.json) into a store: one story per
// directory, analysed like any ingest. Storing is idempotent, so loading twice changes nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article } from '../model/document.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { ServerStore } from './deps.js';
import { putArticle } from './put-article.js';

export interface ExampleLoad {
  stories: string[];
  articles: number;
  added: number;
}

export async function loadExampleStories(
  store: ServerStore,
  analyze: (a: Article) => Article,
  dir: string,
  /** Told about each stored example, so that later articles on the same event join its story. */
  onStored?: (article: Article, story: string) => void,
): Promise<ExampleLoad> {
  const result: ExampleLoad = { stories: [], articles: 0, added: 0 };
  if (!existsSync(dir)) return result;
  for (const name of readdirSync(dir).sort()) {
    const manifest = join(dir, name, 'sources.json');
    if (!existsSync(manifest)) continue;
    const story = `example-${name}`;
    const { articles } = readInputs({ paths: [], manifest });
    for (const a of articles) {
      // Clients see where an example came from without the server's own directory layout.
      a.source = relative(dir, a.source);
      const analysed = analyze(a);
      const stored = await putArticle(store, analysed, story);
      onStored?.(analysed, story);
      result.articles++;
      if (stored.isNew) result.added++;
    }
    result.stories.push(story);
  }
  return result;
}
