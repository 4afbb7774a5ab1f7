import type { Article, EntityMention, Span, TimeExpression } from '../../model/document.js';
import { lexicon, stem } from '../../annotate/lexicon.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt, sentenceSpan } from './context.js';
import { conceptsOf } from './figures.js';
import { factLexicon } from './lexicon.js';
import type { DatedFact } from './types.js';
import { plainForms, type WordForms } from './words.js';
import { detectLanguage } from '../../lang/detect.js';
import { isRuStatementDate, ruDatedAct } from './dates-ru.js';

/** Words around a span inside its sentence (or up to `until`): `left` words before, `right` after. */
export function window(article: Article, span: Span, left: number, right: number, until?: number): string {
  const s = { start: sentenceSpan(article, span.start).start, end: Math.min(until ?? Infinity, sentenceSpan(article, span.end).end) };
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

/** A verb of telling ("said", "declared"): its stem is listed, or its form without the -d ("declare"). */
function reportingWord(w: string): boolean {
  const reporting = lexicon().reportingVerbs;
  return reporting.has(stem(w)) || reporting.has(w.toLowerCase().replace(/d$/, ''));
}

/**
 * "an official said Tuesday", "told reporters on Wednesday": the day of a statement, not of the act reported
 * (a telling after a comma is the whole clause's source: "his term ends in 2018, telling a radio station").
 */
export function isStatementDate(text: string, t: Span): boolean {
  const before = /(\p{L}+)\s+(?:on\s+|late\s+|early\s+)?$/u.exec(text.slice(Math.max(0, t.start - 24), t.start));
  const after = /^\s+(\p{L}+)/u.exec(text.slice(t.end, t.end + 24));
  return [before?.[1], after?.[1]].some((w) => w !== undefined && /^\p{Ll}/u.test(w) && reportingWord(w));
}

let statementNounPattern: { before: RegExp; after: RegExp; object: RegExp } | undefined;
function statementNouns() {
  if (statementNounPattern) return statementNounPattern;
  const nouns = factLexicon().statementNouns.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return (statementNounPattern = {
    // "in a statement Monday", "in an interview on Tuesday"
    before: new RegExp(`\\b(?:${nouns})\\s+(?:on\\s+|late\\s+|early\\s+)?$`, 'i'),
    // "in a Monday interview"
    after: new RegExp(`^\\s+(?:${nouns})\\b`, 'i'),
    // "issued a statement", "gave an interview"
    object: new RegExp(`^\\s*(?:\\p{L}+\\s+){0,2}?(?:a|an|the|his|her|its|their)\\s+(?:\\p{L}+\\s+)?(?:${nouns})\\b`, 'iu'),
  });
}

/**
 * The day of a telling rather than of the act told: a statement date ("said Tuesday"), a day given to a
 * statement noun ("in a statement Wednesday night", "in a Monday interview"), or a day that opens its sentence
 * before a clause of telling ("On Wednesday morning, LePage said", "Thursday night, the hospital issued a
 * statement"). One source tells a story on several days; two such days are no disagreement.
 */
export function isTellingDate(article: Article, t: Span): boolean {
  const text = article.text;
  if (isStatementDate(text, t)) return true;
  const nouns = statementNouns();
  if (nouns.before.test(text.slice(Math.max(0, t.start - 40), t.start)) || nouns.after.test(text.slice(t.end, t.end + 40))) return true;
  const lead = text.slice(sentenceSpan(article, t.start).start, t.start);
  if (!/^\W*(?:(?:on|late|early|by)\s+)?$/i.test(lead)) return false;
  const clause = /^(?:\s+(?:morning|afternoon|evening|night))?,\s+([^,.;:!?]{0,120})/u.exec(text.slice(t.end, t.end + 140))?.[1];
  if (!clause) return false;
  // The clause's verb: its first lower-case word that is no determiner ("the MedStar ... Center issued").
  const words = [...clause.matchAll(/\p{L}[\p{L}'’-]*/gu)];
  const verb = words.find((m) => /^\p{Ll}/u.test(m[0]) && !/^(?:the|a|an|his|her|its|their|of|and)$/.test(m[0]));
  if (!verb) return false;
  return reportingWord(verb[0]) || nouns.object.test(clause.slice(verb.index + verb[0].length));
}

/**
 * The day of a state or a bound rather than of an act: "remained in the hospital on Thursday", "By Saturday night,
 * three remained the only suspects", "until Feb. 15". A state holds over many days; it cannot contradict an act's day.
 */
export function isStateDate(article: Article, t: Span): boolean {
  const text = article.text;
  const sentence = sentenceSpan(article, t.start);
  const before = text.slice(Math.max(sentence.start, t.start - 60), t.start);
  // ("as soon as Wednesday", "no later than Friday": a bound, not the day of the act.)
  if (/\b(?:by|until|till|as soon as|as early as|as late as|no later than|no earlier than)\s+(?:late\s+|early\s+)?$/i.test(before)) return true;
  const states = factLexicon().stateVerbs;
  // The clause's words before the day, and after it when the day opens the sentence.
  const near = before.split(/[,;:!?"“”()—–]/).pop()!.split(/\s+/).slice(-6);
  if (/^\W*(?:(?:on|by)\s+)?$/i.test(text.slice(sentence.start, t.start))) near.push(...text.slice(t.end, Math.min(sentence.end, t.end + 80)).split(/[;:!?"“”()—–]/)[0]!.split(/\s+/).slice(0, 8));
  return near.some((w) => states.has(stem(w.replace(/[^\p{L}'’-]/gu, ''))));
}

/**
 * Where the leading subordinate clause of a day ends ("After bills failed in the Senate Thursday, Trump
 * signaled": at the comma): the day dates that clause's act, not the main clause's. Undefined otherwise.
 */
function subordinateEnd(article: Article, t: Span): number | undefined {
  const sentence = sentenceSpan(article, t.start);
  if (!/^\W*(?:after|before|when|while|once|although|though|because|as|if|until)\b[^,;:]*$/i.test(article.text.slice(sentence.start, t.start))) return undefined;
  const comma = article.text.indexOf(',', t.end);
  return comma >= 0 && comma < sentence.end ? comma : undefined;
}

/** "from 2000 to 2006", "between 2009 and 2016", "2010-2013": a bound of a range, not the date of an act. */
function isRangeEnd(text: string, t: Span): boolean {
  return /\b(?:from|between)\s+$|(?:\bto|\band|[-–])\s*$/i.test(text.slice(Math.max(0, t.start - 12), t.start)) || /^\s*(?:to|and|[-–])\s*\d/i.test(text.slice(t.end, t.end + 8));
}

/**
 * The concept of the content word a year or month hangs on ("ends in 2019": end; "since 2003" after "led House
 * Democrats": democrat; "will leave at the end of February": leave).
 */
function wordBefore(article: Article, t: Span): string | null {
  const lead = article.text.slice(Math.max(sentenceSpan(article, t.start).start, t.start - 40), t.start);
  // ("will leave at the end of February": the act is the word before "the end of".)
  const m = /(\p{L}+)\s+(?:(?:at|by|in|until|before|towards?)\s+the\s+(?:very\s+)?(?:end|beginning|start|middle|close)\s+of|in|since|during|until|of|by|at)\s+(?:early\s+|late\s+|mid-?)?$/u.exec(lead);
  return m ? (conceptsOf(m[1]!)[0] ?? null) : null;
}

/**
 * Whether a year or month places the act of the word it hangs on: a word in lower case (no name: "the Pentagon in
 * July") before "in", "at", "during" ("will leave at the end of February"), not a bound ("since October", "by May").
 */
function placesItsWord(article: Article, t: Span): boolean {
  const lead = article.text.slice(Math.max(sentenceSpan(article, t.start).start, t.start - 40), t.start);
  return /(?:^|\s)\p{Ll}+\s+(?:(?:at|in)\s+the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of|in|during|at)\s+(?:early\s+|late\s+|mid-?)?$/u.test(lead);
}

/**
 * A date that names an event rather than dates an act of the clause: "the Sept. 11, 2001 attacks", "the Jan. 6 riot",
 * "the 2020 election" (a date written with figures, after "the", right before the noun it modifies).
 */
export function isNamingDate(text: string, t: Span): boolean {
  // (A weekday does date its noun: "the Tuesday vote" is held on Tuesday.)
  if (!/\bthe\s+$/i.test(text.slice(Math.max(0, t.start - 5), t.start)) || !/\d/.test(text.slice(t.start, t.end))) return false;
  const next = /^,?\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(t.end, t.end + 30))?.[1];
  return !!next && !lexicon().stopwords.has(next) && !/^(?:morning|afternoon|evening|night|deadline)$/.test(next);
}

/**
 * The day of a former plan the report sets aside ("Was supposed to leave in February", "Trump had said Mattis was
 * leaving in February", "originally scheduled for Tuesday"): not the report's own date of the act.
 */
export function isFormerDate(article: Article, t: Span): boolean {
  const before = article.text.slice(sentenceSpan(article, t.start).start, t.start);
  return /\b(?:(?:was|were)\s+supposed\s+to|originally|initially|previously|had\s+(?:said|planned|announced|been\s+(?:scheduled|expected|set|due|planned|slated)))\b/i.test(before);
}

/** "Later in the day", "that day": a day told by reference to another, with no day of its own to compare. */
function isAnaphoricDay(text: string, t: Span): boolean {
  return /^(?:the|that)\s+(?:same\s+)?day$/i.test(text.slice(t.start, t.end));
}

export function dayOf(t: TimeExpression): { day: string | null; weekday: string | null } {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(t.value)?.[1] ?? null;
  const weekday = /W\w*-(\d)/.exec(t.symbolic ?? t.value)?.[1] ?? null;
  return { day, weekday };
}

/** Dated acts: every day or weekday the article gives (not the day of a telling or of a state), with the clause it dates. */
export function datedFacts(article: Article, toStory: (id: string) => string, forms: WordForms = plainForms): DatedFact[] {
  const out: DatedFact[] = [];
  const light = factLexicon().lightVerbs;
  const russian = detectLanguage(article.text, article.language).language === 'ru';
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const { day, weekday } = dayOf(t);
    // A year or a month ("ends in 2019") is kept with the word it dates, when it bounds no range ("from 2000 to 2006").
    const period = !day && !weekday && t.type === 'DATE' && /^\d{4}(?:-\d{2})?$/.test(t.value) && !isRangeEnd(article.text, t) ? t.value : null;
    const periodWord = period ? wordBefore(article, t) : null;
    if (!day && !weekday && !(period && periodWord)) continue;
    if (isAnaphoricDay(article.text, t) || isNamingDate(article.text, t) || isFormerDate(article, t) || isTellingDate(article, t) || isStateDate(article, t) || (russian && isRuStatementDate(article, t))) continue;
    out.push({
      kind: 'dated',
      article,
      value: { start: t.start, end: t.end },
      context: contextOf(article, t, FACT_CONTEXT),
      sentence: sentenceAt(article, t.start),
      day,
      weekday,
      ...(period ? { period, periodWord, placesWord: placesItsWord(article, t) } : {}),
      // (Light verbs name no act: "made sweeping statements" / "making an early exit" share none.)
      around: new Set(conceptsOf(window(article, t, 8, 10, subordinateEnd(article, t)), forms).filter((w) => !light.has(w))),
      entities: entitiesNear(article, t, toStory),
      ...(russian ? { act: ruDatedAct(article, t) } : {}),
    });
  }
  return out;
}
