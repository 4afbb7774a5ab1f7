import type { Article, EntityMention, EntityType, Span } from '../../model/document.js';
import type { Candidate, Side } from '../detectors/index.js';
import { sentenceSpan } from '../facts/context.js';
import type { RefineInput, Refiner } from './types.js';

/** Whether the sentence of a side names a story entity. */
function namesIn(s: Side, id: string, input: RefineInput): boolean {
  const sentence = sentenceSpan(s.article, s.value.start);
  return (s.article.layers.entities ?? []).some((m) => m.start >= sentence.start && m.end <= sentence.end && input.storyEntity(s.article, m.entity) === id);
}

/** Who acts in the sentence of a value: its first person or organisation named (pronouns are too often resolved wrong). */
export function subjectOf(s: Side, storyEntity: RefineInput['storyEntity']): { id: string; type: EntityType; text: string } | null {
  const sentence = sentenceSpan(s.article, s.value.start);
  // The clause up to the value's end: a name after it is an object or another act's participant.
  const span: Span = { start: sentence.start, end: Math.max(s.value.end, Math.min(sentence.end, s.value.end + 40)) };
  let first: EntityMention | null = null;
  for (const m of s.article.layers.entities ?? []) {
    if ((m.type !== 'PER' && m.type !== 'ORG') || m.via === 'pronoun' || m.start < span.start || m.end > span.end) continue;
    // "Mr. Jackson's wife, Sandi, ... pleaded": a possessor is not who acts.
    if (/^['’]s\b/.test(s.article.text.slice(m.end, m.end + 3))) continue;
    if (!first || m.start < first.start) first = m;
  }
  return first ? { id: storyEntity(s.article, first.entity), type: first.type, text: s.article.text.slice(first.start, first.end) } : null;
}

/** The noun a day is given to by a possessive ("Sunday's airstrikes": airstrikes), lower case. */
function possessed(s: Side): string | null {
  const m = /^['’]s\s+(?:[A-Z][\w.-]*\s+){0,2}([a-z][a-z-]{2,})/u.exec(s.article.text.slice(s.value.end, s.value.end + 40));
  return m ? m[1]! : null;
}

/** Whether one side dates a thing by a possessive that the other side's clause neither names nor closely relates to. */
function datesOther(x: Side, y: Side, input: RefineInput): boolean {
  const thing = possessed(x);
  if (!thing) return false;
  const words = y.article.text.slice(y.context.start, y.context.end).toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? [];
  return !words.some((w) => w === thing || input.related(thing, w) >= 0.75);
}

/** The day a value dates, 'YYYY-MM-DD', when resolved. */
function dayAt(s: Side): string | null {
  const t = (s.article.layers.times ?? []).find((x) => x.start < s.value.end && s.value.start < x.end);
  return t ? (/^(\d{4}-\d{2}-\d{2})/.exec(t.value)?.[1] ?? null) : null;
}

/** Days between the two days two sides date, when both are resolved (0 when either is not). */
function apartDays(x: Side, y: Side): number {
  const a = dayAt(x);
  const b = dayAt(y);
  if (!a || !b) return 0;
  return Math.abs(Date.parse(`${a}T12:00:00Z`) - Date.parse(`${b}T12:00:00Z`)) / 86400e3;
}

/** Whether a side's day lies within two weeks of its article's publication. */
function recent(s: Side): boolean {
  const d = dayAt(s);
  const p = publishedDay(s.article);
  if (!d || !p) return false;
  return Math.abs(Date.parse(`${d}T12:00:00Z`) - Date.parse(`${p.slice(0, 10)}T12:00:00Z`)) <= 14 * 86400e3;
}

function publishedDay(a: Article): string | null {
  return a.published ? a.published.slice(0, 10) : null;
}

/** -1 before the article's publication day, 1 after it, 0 on it or unknown. */
function tense(s: Side): number {
  const d = dayAt(s);
  const p = publishedDay(s.article);
  if (!d || !p || !/^\d{4}-\d{2}-\d{2}$/.test(p)) return 0;
  return d < p ? -1 : d > p ? 1 : 0;
}

/**
 * A bare surname and a full name that ends in it ("Obama" / "Barack Obama"): one person whom the story's
 * resolution left apart (it joins a bare surname only when one full name of the story claims it).
 */
function surnameOf(x: { type: EntityType; text: string }, y: { type: EntityType; text: string }): boolean {
  if (x.type !== 'PER') return false;
  const wx = x.text.split(/\s+/);
  const wy = y.text.split(/\s+/);
  const [bare, full] = wx.length === 1 ? [wx, wy] : [wy, wx];
  return bare.length === 1 && full.length > 1 && bare[0] === full[full.length - 1];
}

/**
 * Two sides about different acts or different actors: the sentences' first participants are two people (or
 * two organisations) of the story, neither named in the other's sentence ("Stone said he will plead" /
 * "Manafort ... pleaded"; the House committee / the Senate committee), or, for days, one day is past and the
 * other still ahead of its report (an act's day / a deadline), one is the day of a thing the other does not
 * speak of ("Sunday's airstrikes" / "a rocket attack ... Friday"), or one is of the report's week and the other
 * more than a month away.
 */
export function differentActs(x: Side, y: Side, type: Candidate['type'], input: RefineInput, subjects?: readonly (string | null)[]): boolean {
  const dbg = (why: string) => { if (process.env.PARALLAX_DEBUG_REFINE) process.stderr.write(`  participants: ${why}\n`); return true; };
  // The acts' own subjects, when the fact layer named both ("she pleaded" / "Jackson is expected to plead"), settle it.
  if (subjects?.[0] && subjects[1]) return subjects[0] !== subjects[1] && !namesIn(y, subjects[0], input) && !namesIn(x, subjects[1], input) ? dbg(`act subjects ${subjects[0]} / ${subjects[1]}`) : false;
  const sx = subjectOf(x, input.storyEntity);
  const sy = subjectOf(y, input.storyEntity);
  // Neither names the other's actor in its sentence (one act told with both names is no evidence of two).
  if (sx && sy && sx.type === sy.type && sx.id !== sy.id && !namesIn(y, sx.id, input) && !namesIn(x, sy.id, input) && !surnameOf(sx, sy)) return dbg(`subjects ${sx.text} / ${sy.text}`);
  if (type === 'date' && tense(x) * tense(y) < 0) return dbg(`tense ${dayAt(x)} ${dayAt(y)}`);
  // "Sunday's airstrikes": the day of a thing the other clause does not speak of ("a rocket attack ... Friday").
  if (type === 'date' && (datesOther(x, y, input) || datesOther(y, x, input))) return dbg('dated thing');
  // A day of the week of the report against one more than a month away is two acts (this Thursday's
  // resignation / a confirmation in 2017), not one act's day told two ways ("Aug. 24" / "March 24" may be).
  if (type === 'date' && apartDays(x, y) > 31 && recent(x) !== recent(y)) return dbg(`apart ${dayAt(x)} ${dayAt(y)}`);
  return false;
}

/** Drops day and status conflicts whose two sides are about different acts or actors (not figures: the first organisation of a figure's sentence is often its source, and two sources of one measure are a conflict). */
export const participantsRefiner: Refiner = {
  name: 'participants',
  refine(candidates: readonly Candidate[], input: RefineInput): Candidate[] {
    return candidates.filter((c) => !(c.type === 'date' || c.subject.startsWith('act:')) || c.sides.length !== 2 || !differentActs(c.sides[0]!, c.sides[1]!, c.type, input, c.details?.subjects as (string | null)[] | undefined));
  },
};
