import type { Article, EntityMention, Span, TimeExpression } from '../../model/document.js';
import { concept, lexicon, stem } from '../../annotate/lexicon.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt, sentenceSpan } from './context.js';
import { conceptsOf } from './figures.js';
import { factLexicon } from './lexicon.js';
import type { DatedFact, StatusFact } from './types.js';
import { detectLanguage } from '../../lang/detect.js';
import { ruStatusFacts } from './status-ru.js';

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
    });
  }
  return out;
}

/** Verbs too light to name an act ("made no arrests" names "arrest", not "make"). */
const LIGHT = new Set(['allege', 'alleged', 'accuse', 'report', 'claim', 'be', 'have', 'do', 'make', 'take', 'get', 'go', 'come', 'give', 'put', 'set', 'keep', 'let', 'seem', 'become', 'remain', 'say', 'tell', 'report', 'add', 'also', 'still', 'yet', 'already', 'been', 'being']);

const STATUS_BEFORE = 5;

/**
 * Acts with a status: a past participle or noun after a negation ("no arrests", "none were arrested", "yet to
 * be arrested"), a plan ("will be sent", "is readying") or a plain report of the act done ("was arrested").
 */
export function statusFacts(article: Article, toStory: (id: string) => string): StatusFact[] {
  // Russian acts are read by their own cues (status-ru.ts).
  if (detectLanguage(article.text, article.language).language === 'ru') return ruStatusFacts(article, toStory);
  const text = article.text;
  const cues = factLexicon().statusCues;
  const stop = lexicon().stopwords;
  const out: StatusFact[] = [];
  const words = [...text.matchAll(/\p{L}[\p{L}'’]*/gu)];
  const lower = words.map((m) => m[0].toLowerCase());
  // First words of every cue, and the auxiliaries of a done act: a word with none of them just before it has no status.
  const heads = new Set([...cues.negated, ...cues.planned].map((c) => c.split(' ')[0]!).concat(['was', 'were', 'been', 'has', 'have', 'had']));
  for (let i = 0; i < words.length; i++) {
    const m = words[i]!;
    const w = lower[i]!;
    // Names are participants, not acts.
    if (w.length < 4 || stop.has(w) || /^\p{Lu}/u.test(m[0])) continue;
    let cued = false;
    for (let k = Math.max(0, i - STATUS_BEFORE); k < i && !cued; k++) cued = heads.has(lower[k]!) || lower[k]!.endsWith("n't");
    if (!cued && !/^\s+by\s/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const c = concept(w);
    if (LIGHT.has(c) || lexicon().reportingVerbs.has(stem(w))) continue;
    // The words before it in the same clause.
    const from = words[Math.max(0, i - STATUS_BEFORE)]!.index;
    const lead = text.slice(from, m.index);
    const clauseLead = lead.split(/[.;:!?,"“”]/).pop()!.toLowerCase();
    const leadWords = clauseLead.trim().split(/\s+/).filter(Boolean);
    const joined = ` ${leadWords.join(' ')} `;
    const has = (list: readonly string[]) => list.some((cue) => joined.includes(` ${cue} `) || (cue === "n't" && clauseLead.includes("n't ")));
    // Past forms, regular or not ("arrested", "sent", "taken"); not plurals or gerunds.
    const participle = stem(w) !== w && !/(?:s|ing)$/.test(w);
    let status: StatusFact['status'] | null = null;
    // A condition ("if the police does not arrest him") states no status.
    if (/\b(if|unless|whether)\b/.test(clauseLead)) continue;
    const near = leadWords.slice(-3).join(' ');
    if (has(cues.negated)) status = 'negated';
    else if (cues.planned.some((cue) => ` ${near} `.includes(` ${cue} `))) status = 'planned';
    else if (participle && /\b(was|were|been|has|have|had)\b(\s+[\p{L}.\d]+){0,3}\s*$/u.test(clauseLead)) status = 'done';
    // "reinforcements sent by the Pentagon": a participle with its agent reports the act done.
    else if (participle && /^\s+by\s/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) status = 'done';
    if (!status) continue;
    // "set a goal to have 160 million adults fully vaccinated": the act of a goal is planned, not done.
    if (status === 'done' && /\b(goal|aim|aiming|target|plans?|hopes?|intends?)\b/i.test(text.slice(Math.max(sentenceSpan(article, m.index).start, m.index - 100), m.index))) status = 'planned';
    let start = m.index - clauseLead.length;
    while (start < m.index && /\s/.test(text[start]!)) start++;
    const value = { start, end: m.index + m[0].length };
    out.push({
      kind: 'status',
      article,
      value,
      context: contextOf(article, value, FACT_CONTEXT),
      sentence: sentenceAt(article, m.index),
      act: c,
      status,
      around: new Set(conceptsOf(window(article, { start: m.index, end: m.index + m[0].length }, 8, 10))),
      entities: entitiesNear(article, { start: m.index, end: m.index }, toStory),
    });
  }
  return out;
}
