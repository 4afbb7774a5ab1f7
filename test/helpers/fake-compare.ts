// A test double for compareArticles (src/compare/index.ts, owned by the lead): it builds a valid
// StoryComparison from articles with a few generic rules (weekday phrases that differ across articles
// make a date conflict; capitalised words shared by all articles make agreements; the first sentence
// of each article is an exclusive). Enough to exercise rendering and the server, not a comparison.
import type { Article } from '../../src/model/document.js';
import type { Evidence, Finding, StoryComparison } from '../../src/compare/types.js';

const WEEKDAY = /\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

function ev(a: Article, start: number, end: number): Evidence {
  return { article: a.id, start, end, text: a.text.slice(start, end) };
}

export function fakeCompare(articles: Article[]): StoryComparison {
  const findings: Finding[] = [];
  const days = articles.map((a) => [...a.text.matchAll(WEEKDAY)][0]);
  const withDay = articles.map((a, i) => ({ a, m: days[i] })).filter((x) => x.m);
  if (withDay.length > 1 && new Set(withDay.map((x) => x.m![1])).size > 1) {
    findings.push({
      id: 'f-date',
      kind: 'conflict',
      type: 'date',
      summary: `The reports give different days: ${withDay.map((x) => x.m![1]).join(' vs ')}`,
      evidence: withDay.map((x) => ev(x.a, x.m!.index!, x.m!.index! + x.m![0].length)),
      articles: withDay.map((x) => x.a.id),
      salience: 1,
    });
  }
  const words = articles.map((a) => new Set(a.text.match(/\b[A-Z][a-z]{3,}\b/g) ?? []));
  const shared = [...(words[0] ?? [])].filter((w) => words.every((s) => s.has(w))).slice(0, 3);
  shared.forEach((w, i) => {
    findings.push({
      id: `f-agree-${i}`,
      kind: 'agreement',
      summary: `Every report names ${w}`,
      evidence: articles.map((a) => {
        const at = a.text.indexOf(w);
        return ev(a, at, at + w.length);
      }),
      articles: articles.map((a) => a.id),
      salience: 0.5,
    });
  });
  articles.forEach((a, i) => {
    const end = a.text.search(/[.!?](\s|$)/);
    const stop = end > 0 ? end + 1 : Math.min(a.text.length, 80);
    findings.push({ id: `f-ex-${i}`, kind: 'exclusive', summary: `Only ${a.outlet ?? a.id} opens this way`, evidence: [ev(a, 0, stop)], articles: [a.id], salience: 0.2 });
  });
  return {
    schemaVersion: 1,
    generator: 'fake-compare (test double)',
    articles: articles.map((a) => ({
      id: a.id,
      source: a.source,
      outlet: a.outlet,
      title: a.title,
      published: a.published,
      url: a.url,
      language: a.language,
      text: a.text,
      original: a.original,
      removed: a.removed,
      dateline: a.dateline,
      extraction: a.extraction,
    })),
    findings,
    quotes: [],
    entities: shared.map((w, i) => ({
      id: `e${i}`,
      name: w,
      type: 'MISC' as const,
      aliases: [],
      mentions: articles.map((a) => {
        const at = a.text.indexOf(w);
        return { article: a.id, start: at, end: at + w.length, text: w };
      }),
      coverage: Object.fromEntries(articles.map((a) => [a.id, 1])),
    })),
    figures: [],
    quoteTable: [],
    framing: articles.map((a) => ({
      article: a.id,
      outlet: a.outlet,
      tone: 0,
      sentenceTone: [],
      evaluativeTerms: [],
      hedges: [],
      backgroundShare: 0,
      quoteShare: 0,
      officialQuoteShare: 0,
      quoted: {},
      sentences: 1,
      figures: 0,
    })),
    timeline: withDay.map((x) => ({ value: `XXXX-WXX-${x.m![1]}`, label: `on ${x.m![1]}`, evidence: [ev(x.a, x.m!.index!, x.m!.index! + x.m![0].length)] })),
    summary: findings.length ? [{ text: findings[0]!.summary, findings: [findings[0]!.id] }] : [],
    failures: [],
  };
}
