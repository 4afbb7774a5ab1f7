// The act a Russian date is the date of, when the sentence names it next to the date (an event noun, else a
// past verb or short participle: "задержали в субботу"): "Драка произошла
// 31 января" and "драка 31 января" date a fight; "инцидентом в новогоднюю ночь, когда Павленский участвовал в
// драке" dates the fight the 'когда' clause names. Two reports that date the same act differently disagree
// even when the rest of their clauses share few words. Cue words are data (data/ru/claims.json, `events`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Span } from '../../model/document.js';
import { concept } from '../../annotate/lexicon.js';
import { foldRu } from '../../annotate/ru/normalize.js';
import { stemRu } from '../../annotate/ru/stem.js';
import { repoRoot } from '../../shared-paths.js';
import { sentenceSpan } from './context.js';
// Past tense and short passive participles, as the Russian status facts read them.
import { NOT_VERBS, PAST, SHORT_PARTICIPLE } from './status-ru.js';

interface EventCues {
  nouns: Set<string>;
  generic: Set<string>;
  happen: Set<string>;
  /** Stem prefixes of reporting verbs (data/ru/claims.json `reporting`). */
  reporting: string[];
}

let cues: EventCues | null = null;
function eventCues(): EventCues {
  if (cues) return cues;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'claims.json'), 'utf8')) as { events: { nouns: string[]; generic: string[]; happen: string[] }; reporting: string[] };
  const stems = (xs: string[]) => new Set(xs.map((w) => stemRu(foldRu(w))));
  cues = { nouns: stems(raw.events.nouns), generic: stems(raw.events.generic), happen: new Set(raw.events.happen.map(foldRu)), reporting: raw.reporting.map(foldRu) };
  return cues;
}

const WORDS = /\p{L}[\p{L}-]*/gu;
const wordsOf = (s: string) => [...s.matchAll(WORDS)].map((m) => foldRu(m[0]));
/** How many words a 'когда' clause may run before its event noun ("когда Павленский участвовал в драке"). */
const WHEN_REACH = 6;

/** The concept of the act a date in a Russian article dates, or null when no event noun stands next to it. */
export function ruDatedAct(article: Article, date: Span): string | null {
  const c = eventCues();
  const s = sentenceSpan(article, date.start);
  const before = wordsOf(article.text.slice(s.start, date.start));
  const afterText = article.text.slice(date.end, Math.max(date.end, s.end));
  const after = wordsOf(afterText);
  const kind = (w: string | undefined) => {
    if (w === undefined) return null;
    const st = stemRu(w);
    return c.nouns.has(st) ? 'event' : c.generic.has(st) ? 'generic' : null;
  };
  // The noun right before the date, or before a verb of happening ("Драка произошла 31 января"), or after
  // the date and such a verb ("31 января произошла драка").
  let noun: string | undefined;
  const b1 = before[before.length - 1];
  const b2 = before[before.length - 2];
  if (kind(b1)) noun = b1;
  else if (b1 !== undefined && c.happen.has(b1) && kind(b2)) noun = b2;
  else if (after[0] !== undefined && c.happen.has(after[0]) && kind(after[1])) noun = after[1];
  if (noun === undefined) {
    // A past verb or short participle right beside the date dates its act ("задержали в субботу",
    // "8 января разбился", "задержан 5 мая"); the day of a statement ("заявил в понедельник") is not the act's.
    const verb = [b1, after[0]].find((w) => w !== undefined && (PAST.test(w) || SHORT_PARTICIPLE.test(w)) && !NOT_VERBS.test(w) && !c.happen.has(w) && !c.reporting.some((r) => w.startsWith(r)));
    return verb === undefined ? null : concept(verb);
  }
  if (kind(noun) === 'generic') {
    // "инцидент ..., когда ... в драке": the 'когда' clause names the act.
    const when = /^[^.;:!?]*?,\s*когда\s+/iu.exec(afterText);
    if (when) {
      const clause = wordsOf(afterText.slice(when[0].length)).slice(0, WHEN_REACH);
      const named = clause.find((w) => kind(w) === 'event');
      if (named !== undefined) noun = named;
    }
  }
  return concept(noun);
}

/** "заявил в понедельник", "во вторник сообщили": the day of a statement, not of the act reported (isTellingDate for Russian). */
export function isRuStatementDate(article: Article, date: Span): boolean {
  const c = eventCues();
  const s = sentenceSpan(article, date.start);
  const before = wordsOf(article.text.slice(s.start, date.start));
  const after = wordsOf(article.text.slice(date.end, Math.max(date.end, s.end)));
  return [before[before.length - 1], after[0]].some((w) => w !== undefined && PAST.test(w) && c.reporting.some((r) => w.startsWith(r)));
}
