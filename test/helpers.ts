import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../src/analyze.js';
import { compareArticles } from '../src/compare/index.js';
import type { Evidence, Finding, StoryComparison } from '../src/compare/types.js';
import { articleFromContent, readInputs } from '../src/ingest/read-inputs.js';
import { repoRoot, evalPath } from '../src/shared-paths.js';

export function compareExample(name: string): StoryComparison {
  const { articles } = readInputs({ paths: [join(repoRoot(), 'examples', name)] });
  const analyzer = createAnalyzer();
  return compareArticles(articles.map((a) => analyzer.analyze(a)));
}

/** One story of a ../shared/eval/stories file, by story id prefix; null when ../shared is absent. */
export function compareStory(file: string, storyPrefix: string): StoryComparison | null {
  const path = evalPath('stories', file);
  if (!existsSync(path)) return null;
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; story: string; outlet?: string; title?: string; published?: string; text: string })
    .filter((r) => r.story.startsWith(storyPrefix));
  const analyzer = createAnalyzer();
  const articles = rows.map((r) =>
    analyzer.analyze(articleFromContent({ text: r.text }, { id: r.id, source: r.id, outlet: r.outlet ?? null, title: r.title ?? null, published: r.published ?? null })),
  );
  return compareArticles(articles);
}

export function articleId(c: StoryComparison, outlet: string): string {
  const a = c.articles.find((x) => x.outlet === outlet);
  if (!a) throw new Error(`no article from ${outlet}`);
  return a.id;
}

/** Evidence of a finding in one article. */
export function evidenceIn(f: Finding, article: string): Evidence[] {
  return f.evidence.filter((e) => e.article === article);
}

/** A finding of this kind (and type) with evidence in each article matching its pattern. */
export function findFinding(c: StoryComparison, kind: Finding['kind'], type: string | null, patterns: Record<string, RegExp>): Finding | undefined {
  return c.findings.find(
    (f) => f.kind === kind && (type === null || f.type === type) && Object.entries(patterns).every(([article, re]) => evidenceIn(f, article).some((e) => re.test(e.text))),
  );
}

/** Every span of the comparison indexes its article's text and its text is that slice. */
export function assertSpansValid(c: StoryComparison, fail: (msg: string) => void): number {
  const texts = new Map(c.articles.map((a) => [a.id, a.text]));
  let checked = 0;
  const check = (where: string, s: { article: string; start: number; end: number; text: string }) => {
    const t = texts.get(s.article);
    checked++;
    if (t === undefined) return fail(`${where}: unknown article ${s.article}`);
    if (!(s.start >= 0 && s.end <= t.length && s.start <= s.end)) return fail(`${where}: bad offsets ${s.start}-${s.end}`);
    if (t.slice(s.start, s.end) !== s.text) fail(`${where}: text ${JSON.stringify(s.text)} is not the slice ${JSON.stringify(t.slice(s.start, s.end))}`);
  };
  for (const f of c.findings) for (const e of f.evidence) check(`finding ${f.id}`, e);
  for (const q of c.quotes) check('quote', q);
  for (const e of c.entities) for (const m of e.mentions) check(`entity ${e.name}`, m);
  for (const row of c.figures) for (const cell of row.cells) check(`figure ${row.measure}`, cell);
  for (const a of c.articles) for (const r of a.removed) if (a.original.slice(r.start, r.end) !== r.text) fail(`removed span of ${a.id} is not a slice of original`);
  return checked;
}
