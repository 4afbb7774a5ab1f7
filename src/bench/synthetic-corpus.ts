// A large deterministic stream for the clustering benchmark, built from the development stories:
// each synthetic story takes one real story (BASIL or AllSides), moves it to another date, and writes
// 2-6 articles whose paragraphs are sampled from that story's real articles, with now and then a
// paragraph from an unrelated story. Articles are produced lazily so that the corpus itself never
// sits in memory.
import { readFileSync } from 'node:fs';
import { makeArticle, type Article } from '../model/document.js';
import { mulberry32 } from '../cluster/random.js';

interface SourceStory {
  titles: string[];
  paragraphs: string[];
  outlets: string[];
}

const DAY_MS = 86_400_000;

/** Reads stories files ({"story","text","title","outlet","published"} per line) into source stories. */
export function loadSourceStories(files: string[]): SourceStory[] {
  const byStory = new Map<string, SourceStory>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { story: string; text: string; title?: string; outlet?: string };
      let s = byStory.get(o.story);
      if (!s) byStory.set(o.story, (s = { titles: [], paragraphs: [], outlets: [] }));
      if (o.title) s.titles.push(o.title);
      if (o.outlet) s.outlets.push(o.outlet);
      for (const p of o.text.split(/\n\s*\n/)) if (p.trim().length > 40) s.paragraphs.push(p.trim());
    }
  }
  return [...byStory.values()].filter((s) => s.paragraphs.length > 0);
}

/** Yields `count` articles of synthetic stories in publication order (texts are made when yielded). */
export function* syntheticStream(sources: SourceStory[], count: number, seed = 7): Generator<Article> {
  const rand = mulberry32(seed);
  // Stories are spread over a period that grows with the corpus (about 10 new stories a day, so that
  // the copies of one source story lie weeks apart);
  // each article is published on its story's day or up to two days later.
  const spanDays = Math.max(30, Math.ceil(count / 4 / 10));
  const plan: Array<{ story: number; k: number; source: number; day: number; seed: number }> = [];
  for (let story = 1; plan.length < count; story++) {
    const source = Math.floor(rand() * sources.length);
    const day = 16_000 + Math.floor(rand() * spanDays);
    const n = Math.min(count - plan.length, 2 + Math.floor(rand() * 5));
    for (let k = 0; k < n; k++) plan.push({ story, k, source, day: day + Math.floor(rand() * 3), seed: Math.floor(rand() * 2 ** 31) });
  }
  plan.sort((a, b) => a.day - b.day || a.story - b.story || a.k - b.k);
  for (const item of plan) {
    const r = mulberry32(item.seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
    const src = sources[item.source]!;
    const paras: string[] = [];
    const want = 2 + Math.floor(r() * 4);
    for (let q = 0; q < want; q++) paras.push(pick(src.paragraphs));
    if (r() < 0.3) paras.splice(1, 0, pick(pick(sources).paragraphs));
    const id = `syn-${item.story}-${item.k}`;
    yield makeArticle(
      {
        id,
        source: `synthetic:${id}`,
        format: 'text',
        outlet: src.outlets.length ? pick(src.outlets) : `outlet-${item.k}`,
        title: src.titles.length ? pick(src.titles) : null,
        published: new Date(item.day * DAY_MS).toISOString().slice(0, 10),
        url: null,
        language: 'en',
      },
      paras.join('\n\n'),
    );
  }
}

/** The synthetic story an article belongs to (its id is syn-STORY-K). */
export function syntheticStory(id: string): string {
  return id.slice(0, id.lastIndexOf('-'));
}
