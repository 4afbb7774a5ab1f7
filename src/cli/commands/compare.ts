import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readInputs } from '../../ingest/read-inputs.js';
import { createAnalyzer } from '../../analyze.js';
import { compareArticles } from '../../compare/index.js';
import { ParallaxError } from '../../model/errors.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderTerminal } from '../../report/terminal.js';
import { storyDevelopment } from '../../report/render/development.js';
import { EXIT, type Command } from '../command.js';
import { printable } from '../../model/printable.js';
import type { Article } from '../../model/document.js';
import { plural } from '../suggest.js';
import { oneEventWarning } from '../../app/story-check.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare reports of one event: agreements, conflicts, exclusives, with evidence.',
  usage: 'compare FILES...|DIR [--sources MANIFEST] [--json | --markdown | --html FILE] [--outlet NAME]... ',
  positionals: true,
  options: {
    sources: { type: 'string', valueName: 'MANIFEST', description: 'a sources.json manifest (file, outlet, published, url; paths relative to it)' },
    json: { type: 'boolean', description: 'print the comparison as JSON (docs/json-schema.md)' },
    markdown: { type: 'boolean', description: 'print the comparison as Markdown' },
    html: { type: 'string', valueName: 'FILE', description: 'write a self-contained HTML report to FILE' },
    outlet: { type: 'string', multiple: true, valueName: 'NAME', description: 'outlet of each file, in order (repeat the flag)' },
    published: { type: 'string', multiple: true, valueName: 'DATE', description: 'publication date of each file, in order (repeat)' },
    story: { type: 'string', valueName: 'ID', description: 'from JSON Lines input, only the articles whose "story" is ID' },
    'show-removed': { type: 'boolean', description: 'print in full what cleaning removed' },
    'keep-going': { type: 'boolean', description: 'read the other files when one cannot be read' },
    'max-bytes': { type: 'string', valueName: 'N', description: 'refuse files larger than N bytes (default 20 MB)' },
    color: { type: 'boolean', description: 'force colour on' },
    'no-color': { type: 'boolean', description: 'force colour off' },
  },
  async run({ values, positionals }, io) {
    const paths = positionals.map((p) => resolve(io.cwd, p));
    const manifest = typeof values.sources === 'string' ? resolve(io.cwd, values.sources) : undefined;
    if (paths.length === 0 && !manifest) throw new ParallaxError('E_USAGE', 'give two or more files, a directory, or --sources MANIFEST');
    const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
    if (maxBytes !== undefined && !(maxBytes > 0)) throw new ParallaxError('E_USAGE', '--max-bytes must be a positive number');
    const { articles, failures } = readInputs({
      paths,
      ...(manifest ? { manifest } : {}),
      keepGoing: Boolean(values['keep-going']),
      options: maxBytes ? { maxBytes } : {},
    });
    if (typeof values.story === 'string') {
      const wanted = values.story;
      // An unambiguous prefix of a story id is enough (ids are long hashes).
      const exact = articles.filter((a) => a.story === wanted);
      const prefixed = articles.filter((a) => a.story?.startsWith(wanted));
      const kept = exact.length ? exact : prefixed;
      if (kept.length === 0) throw new ParallaxError('E_USAGE', `no article has story "${wanted}"`);
      if (new Set(kept.map((a) => a.story)).size > 1) throw new ParallaxError('E_USAGE', `story "${wanted}" is ambiguous: give more of the id`);
      articles.splice(0, articles.length, ...kept);
    }
    else {
      const many = manyStories(articles);
      if (many) {
        io.stderr.write(`parallax compare: ${many}\n`);
        return EXIT.usage;
      }
    }
    const outlets = (values.outlet as string[] | undefined) ?? [];
    const dates = (values.published as string[] | undefined) ?? [];
    articles.forEach((a, i) => {
      if (outlets[i]) a.outlet = outlets[i]!;
      if (dates[i]) {
        if (Number.isNaN(Date.parse(dates[i]!))) throw new ParallaxError('E_USAGE', `--published ${dates[i]} is not a date`);
        a.published = dates[i]!;
      }
    });
    for (const f of failures) io.stderr.write(`parallax compare: ${printable(f.message)}\n`);
    if (articles.length === 0) throw new ParallaxError('E_READ', 'no article could be read');
    if (articles.length < 2) {
      throw new ParallaxError('E_USAGE', `only one article was read (${printable(basename(articles[0]!.source))}); give two or more reports of the same event`);
    }
    const analyzer = createAnalyzer();
    const named = new Set(outlets.length ? articles.slice(0, outlets.length).map((a) => a.id) : []);
    const analysed = articles.map((a) => nameFromDateline(analyzer.analyze(a), named.has(a.id)));
    // Labelled input was checked above (one story, or refused); unlabelled files are grouped as the
    // story clusterer would group them.
    const warning = oneEventWarning(analysed);
    if (warning) io.stderr.write(`parallax compare: ${warning}\n`);
    const comparison = compareArticles(analysed, { failures });
    if (typeof values.html === 'string') {
      // Loaded on demand: the HTML renderer is the largest report module.
      const { renderHtmlReport } = await import('../../report/html.js');
      const out = resolve(io.cwd, values.html);
      writeFileSync(out, renderHtmlReport(comparison));
      if (!values.json && !values.markdown) io.stderr.write(`parallax compare: wrote ${out}\n`);
    }
    if (values.json) io.stdout.write(JSON.stringify({ ...comparison, development: storyDevelopment(comparison) }, null, 2) + '\n');
    else if (values.markdown) io.stdout.write(renderMarkdown(comparison));
    else if (typeof values.html !== 'string') {
      const colour = values['no-color'] ? false : values.color ? true : Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
      io.stdout.write(renderTerminal(comparison, { colour, showRemoved: Boolean(values['show-removed']) }));
    }
    return failures.length ? EXIT.partial : EXIT.ok;
  },
};

/** Articles of several labelled stories (a JSON Lines corpus) are never compared as one event: the refusal, with the stories, or null. */
function manyStories(articles: Article[]): string | null {
  const byStory = new Map<string, Article[]>();
  for (const a of articles) if (a.story) byStory.set(a.story, [...(byStory.get(a.story) ?? []), a]);
  if (byStory.size < 2) return null;
  const list = [...byStory.entries()].sort((a, b) => b[1].length - a[1].length);
  const lines = list.slice(0, 10).map(([id, as]) => `  ${printable(id)}  ${plural(as.length, 'report')}  ${printable((as.find((a) => a.title)?.title ?? '').slice(0, 70))}`);
  if (list.length > 10) lines.push(`  ... and ${plural(list.length - 10, 'more story', 'more stories')}`);
  return `the input holds ${plural(byStory.size, 'story', 'stories')}; choose one with --story ID (a prefix is enough):\n${lines.join('\n')}`;
}

/** An outlet named only after its file ("realist-english") takes the name its dateline gives ("Realist English"). */
function nameFromDateline(a: Article, namedByFlag: boolean): Article {
  const fromFile = basename(a.source).replace(/\.[a-z]+$/i, '');
  if (!namedByFlag && a.outlet === fromFile && a.dateline?.outlet) a.outlet = a.dateline.outlet;
  return a;
}
