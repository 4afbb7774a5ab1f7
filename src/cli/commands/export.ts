import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParallaxError } from '../../model/errors.js';
import type { StoryComparison } from '../../compare/types.js';
import type { DatabaseStore } from '../../store/types.js';
import { comparisonCsv } from '../../store/export-csv.js';
import { EXIT, type Command } from '../command.js';
import { dbOption, openStoreFor } from './db-option.js';

const FORMATS = ['json', 'markdown', 'html', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** The story's comparison: cached in the database, else computed (analysing articles stored without analysis) and cached. */
export async function storyComparison(store: DatabaseStore, story: string): Promise<StoryComparison> {
  const cached = await store.getComparison(story);
  if (cached) return cached;
  const articles = await store.storyFullArticles(story);
  if (articles.length === 0) throw new ParallaxError('E_USAGE', 'no such story in the database (see `parallax search` for story ids)', story);
  if (articles.some((a) => !a.layers.sentences)) {
    const analyzer = (await import('../../analyze.js')).createAnalyzer();
    for (let i = 0; i < articles.length; i++) if (!articles[i]!.layers.sentences) articles[i] = analyzer.analyze({ ...articles[i]!, layers: {} });
  }
  const { compareArticles } = await import('../../compare/index.js');
  const comparison = compareArticles(articles);
  await store.putComparison(story, comparison);
  return comparison;
}

/** The story id that `given` names: itself when stored, else the one story whose id starts with it (as `compare --story` accepts). */
export async function storyByPrefix(store: DatabaseStore, given: string): Promise<string> {
  if ((await store.storyArticles(given)).length) return given;
  const matches = new Set<string>();
  for (let offset = 0; ; offset += 500) {
    const page = await store.listStories({ limit: 500, offset });
    for (const s of page) if (s.id.startsWith(given)) matches.add(s.id);
    if (page.length < 500 || matches.size > 1) break;
  }
  if (matches.size > 1) throw new ParallaxError('E_USAGE', `story "${given}" is ambiguous (${[...matches].slice(0, 5).join(', ')}...): give more of the id`);
  return matches.size ? [...matches][0]! : given;
}

export async function renderExport(comparison: StoryComparison, format: Format): Promise<string> {
  switch (format) {
    case 'json':
      // As `compare --json` prints it: the comparison and the story's facts over time.
      return JSON.stringify({ ...comparison, development: (await import('../../report/render/development.js')).storyDevelopment(comparison) }, null, 2) + '\n';
    case 'markdown':
      return (await import('../../report/markdown.js')).renderMarkdown(comparison);
    case 'html':
      return (await import('../../report/html.js')).renderHtmlReport(comparison);
    case 'csv':
      return comparisonCsv(comparison);
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the comparison of a stored story as JSON, Markdown, self-contained HTML or CSV (findings and figures).',
  usage: 'export STORY --format json|markdown|html|csv [--out FILE] [--db PATH|URL]',
  positionals: true,
  options: {
    ...dbOption,
    format: { type: 'string', valueName: 'FORMAT', description: 'json (default), markdown, html or csv' },
    out: { type: 'string', valueName: 'FILE', description: 'write to FILE instead of standard output' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new ParallaxError('E_USAGE', 'give one story id (see `parallax search ... --json` for story ids)');
    const format = (values.format ?? 'json') as Format;
    if (!FORMATS.includes(format)) throw new ParallaxError('E_USAGE', `--format is one of ${FORMATS.join(', ')}, not "${String(values.format)}"`);
    const store = await openStoreFor(values, io, 'export');
    let text: string;
    try {
      text = await renderExport(await storyComparison(store, await storyByPrefix(store, positionals[0]!)), format);
    } finally {
      await store.close();
    }
    if (typeof values.out === 'string') {
      const path = resolve(io.cwd, values.out);
      try {
        writeFileSync(path, text);
      } catch (e) {
        throw new ParallaxError('E_READ', `cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`, path);
      }
      io.stderr.write(`parallax export: wrote ${path}\n`);
    } else io.stdout.write(text);
    return EXIT.ok;
  },
};
