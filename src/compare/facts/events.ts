import type { Article, EntityMention, Span, TimeExpression } from '../../model/document.js';
import { lexicon, stem } from '../../annotate/lexicon.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt, sentenceSpan } from './context.js';
import { conceptsOf } from './figures.js';
import type { DatedFact } from './types.js';
import { detectLanguage } from '../../lang/detect.js';
import { ruDatedAct } from './dates-ru.js';

/** Words around a span inside its sentence: `left` words before, `right` after. */
export function window(article: Article, span: Span, left: number, right: number): string {
  const s = { start: sentenceSpan(article, span.start).start, end: sentenceSpan(article, span.end).end };
  const before = article.text.slice(s.start, span.start).split(/\s+/).slice(-left).join(' ');
  const after = article.text.slice(span.end, Math.max(span.end, s.end)).split(/\s+/).slice(0, right).join(' ');
  return `${before} ${after}`;
}

export function entitiesNear(article: Article, span: Span, toStory: (id: string) => string): Set<string> {
  const out = new Set<string>();
  for (const m of mentionsIn(sortedMentions(article), sentenceSpan(article, span.start))) if (m.type === 'PER' || m.type === 'ORG') out.add(toStory(m.entity));
  return out;
}

const sortedCache = new WeakMap<Article, EntityMention[]>();
/** The article's entity mentions (not pronouns) sorted by start, computed once per article. */
export function sortedMentions(article: Article): EntityMention[] {
  let s = sortedCache.get(article);
  if (!s) sortedCache.set(article, (s = (article.layers.entities ?? []).filter((m) => m.via !== 'pronoun').sort((a, b) => a.start - b.start)));
  return s;
}

/** "an official said Tuesday", "told reporters on Wednesday": the day of a statement, not of the act reported. */
export function isStatementDate(text: string, t: Span): boolean {
  const before = /(\p{L}+)\s+(?:on\s+|late\s+|early\s+)?$/u.exec(text.slice(Math.max(0, t.start - 24), t.start));
  const after = /^,?\s+(\p{L}+)/u.exec(text.slice(t.end, t.end + 24));
  const reporting = lexicon().reportingVerbs;
  return [before?.[1], after?.[1]].some((w) => w !== undefined && /^\p{Ll}/u.test(w) && reporting.has(stem(w)));
}

export function dayOf(t: TimeExpression): { day: string | null; weekday: string | null } {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(t.value)?.[1] ?? null;
  const weekday = /W\w*-(\d)/.exec(t.symbolic ?? t.value)?.[1] ?? null;
  return { day, weekday };
}

/** Dated acts: every day or weekday the article gives (not the day of a statement), with the clause it dates. */
export function datedFacts(article: Article, toStory: (id: string) => string): DatedFact[] {
  const out: DatedFact[] = [];
  const russian = detectLanguage(article.text, article.language).language === 'ru';
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const { day, weekday } = dayOf(t);
    if (!day && !weekday) continue;
    if (isStatementDate(article.text, t)) continue;
    out.push({
      kind: 'dated',
      article,
      value: { start: t.start, end: t.end },
      context: contextOf(article, t, FACT_CONTEXT),
      sentence: sentenceAt(article, t.start),
      day,
      weekday,
      around: new Set(conceptsOf(window(article, t, 8, 10))),
      entities: entitiesNear(article, t, toStory),
      ...(russian ? { act: ruDatedAct(article, t) } : {}),
    });
  }
  return out;
}
