import type { TimeExpression } from '../../model/document.js';
import { plainApostrophes } from '../lower-case.js';
import type { QuantityLexicon } from '../quantities/lexicon.js';
import { readNumber } from '../quantities/numbers.js';
import type { TokenView } from '../quantities/token-view.js';
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, fmtYear, quarterOf, weekday, type Day } from './calendar.js';
import type { TimeLexicon } from './lexicon.js';
import type { Tense } from './tense.js';

/** A time expression candidate over tokens [first, end). */
export interface TimeCandidate {
  first: number;
  end: number;
  type: TimeExpression['type'];
  value: string;
  symbolic?: string;
  resolved: boolean;
  /** Which recognizer made it. */
  via: string;
}

export interface RecognizeContext {
  view: TokenView;
  lex: TimeLexicon;
  numbers: QuantityLexicon;
  /** The day values are resolved against (publication date or an estimate); null keeps values symbolic. */
  anchor: Day | null;
  /** The tense that governs tokens [first, end) (tense.ts), null when nothing near says. */
  tense(first: number, end: number): Tense | null;
  /** The document is about quarterly results ("a year earlier" then means the same quarter a year before). */
  quarterly(i: number): boolean;
}

const RELATIVE: Record<string, number> = { this: 0, current: 0, last: -1, past: -1, previous: -1, next: 1, coming: 1, following: 1 };
/**
 * record[word], read through a Map (reading an object with arbitrary words is slow: each word is first looked
 * up among the engine's internal strings); the same answers, a name the object inherits ("constructor") included.
 */
function recordReader<T>(record: Record<string, T>): (word: string) => T | undefined {
  const own = new Map(Object.entries(record));
  return (w) => own.get(w) ?? (INHERITED.has(w) ? record[w] : undefined);
}
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
const relativeShift = recordReader(RELATIVE);
const AGO: Record<string, number> = { ago: -1, earlier: -1, before: -1, later: 1, after: 1, hence: 1 };
const FUZZY: Record<string, string> = { several: 'X', few: 'X', some: 'X', many: 'X', recent: 'X', couple: '2' };
const agoOf = recordReader(AGO);
const fuzzyCount = recordReader(FUZZY);
const APPROX = new Set(['nearly', 'almost', 'about', 'around', 'roughly', 'some', 'over', 'under', 'only', 'just']);
const APPROX2 = new Set(['more than', 'less than', 'at least', 'up to', 'as many as', 'as long as', 'as much as']);
/** The first words of APPROX2's phrases (a token has no space: two words can make a phrase only after one of these). */
const APPROX2_FIRST = new Set([...APPROX2].map((p) => p.slice(0, p.indexOf(' '))));
const EDGE = new Set(['early', 'late', 'mid', 'earlier', 'later', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'end of', 'the first half of', 'the second half of']);

function durationValue(n: string, unit: string): string {
  switch (unit) {
    case 'H':
      return `PT${n}H`;
    case 'M':
      return `PT${n}M`;
    case 'S':
      return `PT${n}S`;
    case 'MO':
      return `P${n}M`;
    case 'DE':
      // TimeBank writes decades as years ("two decades" = P20Y).
      return /^\d+$/.test(n) ? `P${Number(n) * 10}Y` : `P${n}DE`;
    default:
      return `P${n}${unit}`;
  }
}

/** The value of the period `n` units away from the anchor ("last year" -> n = -1, unit 'Y'). */
export function relativeValue(anchor: Day | null, unit: string, n: number): { value: string; symbolic: string; resolved: boolean } {
  const symbolic = `DCT${n >= 0 ? '+' : ''}${n}${unit}`;
  if (!anchor) {
    const x: Record<string, string> = { Y: 'XXXX', MO: 'XXXX-XX', W: 'XXXX-WXX', D: 'XXXX-XX-XX', Q: 'XXXX-QX', WE: 'XXXX-WXX-WE', DE: 'XXX', CE: 'XX', HALF: 'XXXX-HX' };
    return { value: x[unit] ?? 'XXXX', symbolic, resolved: false };
  }
  let value: string;
  switch (unit) {
    case 'Y':
      value = fmtYear(anchor.y + n);
      break;
    case 'MO': {
      const d = addMonths(anchor, n);
      value = fmtMonth(d.y, d.m);
      break;
    }
    case 'W':
      value = fmtWeek(addDays(anchor, 7 * n));
      break;
    case 'WE':
      value = fmtWeek(addDays(anchor, 7 * n)) + '-WE';
      break;
    case 'D':
      value = fmtDay(addDays(anchor, n));
      break;
    case 'Q': {
      const q = anchor.y * 4 + quarterOf(anchor) - 1 + n;
      value = `${fmtYear(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
      break;
    }
    case 'HALF': {
      const h = anchor.y * 2 + (anchor.m > 6 ? 1 : 0) + n;
      value = `${fmtYear(Math.floor(h / 2))}-H${(h % 2) + 1}`;
      break;
    }
    case 'DE':
      value = String(Math.floor(anchor.y / 10) + n);
      break;
    case 'CE':
      value = String(Math.floor(anchor.y / 100) + n);
      break;
    default:
      value = fmtYear(anchor.y + n);
  }
  return { value, symbolic, resolved: true };
}

/** The year of a month named alone: the last one before the anchor, or the next one when the sentence looks ahead. */
function yearOfMonth(anchor: Day | null, month: number, tense: Tense | null): number | null {
  if (!anchor) return null;
  if (tense === 'future') return month >= anchor.m ? anchor.y : anchor.y + 1;
  if (tense === 'past') return month <= anchor.m ? anchor.y : anchor.y - 1;
  // Nothing says: news looks back, except to a month just ahead.
  const ahead = (month - anchor.m + 12) % 12;
  return ahead === 0 || ahead > 3 ? (month <= anchor.m ? anchor.y : anchor.y - 1) : month >= anchor.m ? anchor.y : anchor.y + 1;
}

/** The day of a weekday named alone: the last one up to the anchor, or the next one when the sentence looks ahead. */
export function dayOfWeekday(anchor: Day, wd: number, future: boolean, shift = 0): Day {
  const cur = weekday(anchor);
  let delta = future ? (wd - cur + 7) % 7 : -((cur - wd + 7) % 7);
  delta += shift * 7;
  return addDays(anchor, delta);
}

/** Reads a count before a unit: digits, words, "a", "an", "several", "a few", "a couple of". */
function readCount(c: RecognizeContext, i: number): { n: string; end: number } | null {
  const { view } = c;
  const w = view.lower[i];
  if (w === undefined) return null;
  if (w === 'a' || w === 'an') {
    if (view.lower[i + 1] === 'few') return { n: 'X', end: i + 2 };
    if (view.lower[i + 1] === 'couple' && view.lower[i + 2] === 'of') return { n: '2', end: i + 3 };
    const r = readNumber(view, c.numbers, i, false);
    if (r && r.end > i + 1) return { n: String(r.value), end: r.end };
    return { n: '1', end: i + 1 };
  }
  if (fuzzyCount(w) !== undefined) {
    if (w === 'couple' && view.lower[i + 1] === 'of') return { n: '2', end: i + 2 };
    if (w === 'couple') return null;
    return { n: fuzzyCount(w)!, end: i + 1 };
  }
  const r = readNumber(view, c.numbers, i, false);
  if (!r) return null;
  if (r.value > 10000) return null;
  return { n: String(Math.round(r.value * 100) / 100), end: r.end };
}

function unitAt(c: RecognizeContext, i: number): { unit: string; plural: boolean; end: number } | null {
  const w = c.view.lower[i];
  if (w === undefined) return null;
  const u = c.lex.units.get(w);
  if (u === undefined || u === 'HALF') return null;
  return { unit: u, plural: w.endsWith('s') || w === 'centuries', end: i + 1 };
}

/** The quarter an ordinal names at j ("third quarter"): 1-4, or null. */
function ordinalQuarterAt(c: RecognizeContext, j: number): number | null {
  const ord = c.lex.ordinals.get(c.view.lower[j] ?? '');
  return ord !== undefined && ord > 0 && ord <= 4 && c.view.lower[j + 1] === 'quarter' ? ord : null;
}

/** Hyphenated words as one token: "three-day", "third-quarter", "mid-1996", "year-earlier". */
function hyphenWord(c: RecognizeContext, i: number): TimeCandidate | null {
  const w = c.view.lower[i]!;
  const dash = w.indexOf('-');
  if (dash <= 0) return null;
  const a = w.slice(0, dash);
  const b = w.slice(dash + 1);
  const unit = c.lex.units.get(b);
  const n = c.numbers.numberWords.get(a);
  if (unit === 'Q' && c.view.lower[i + 1] === 'of') return null; // "three-quarters of its food"
  if (unit && n !== undefined && unit !== 'HALF') return { first: i, end: i + 1, type: 'DURATION', value: durationValue(String(n), unit), resolved: true, via: 'hyphen-duration' };
  const ord = c.lex.ordinals.get(a);
  if (b === 'quarter' && ord !== undefined && ord > 0 && ord <= 4) return quarterValue(c, i, i + 1, ord, 'ordinal-quarter');
  if (a === 'mid' || a === 'early' || a === 'late') {
    if (/^\d{4}$/.test(b)) return { first: i, end: i + 1, type: 'DATE', value: b, resolved: true, via: 'mid-year' };
    if (/^\d{4}s$/.test(b)) return { first: i, end: i + 1, type: 'DATE', value: b.slice(0, 3), resolved: true, via: 'mid-decade' };
    const m = c.lex.months.get(b);
    if (m !== undefined) return monthValue(c, i, i + 1, m, null);
  }
  if ((a === 'year' && (b === 'earlier' || b === 'ago')) || w === 'year-end') {
    if (w === 'year-end') {
      return c.anchor ? { first: i, end: i + 1, type: 'DATE', value: `${fmtYear(c.anchor.y)}-12-31`, resolved: true, via: 'year-end' } : { first: i, end: i + 1, type: 'DATE', value: 'XXXX-12-31', resolved: false, via: 'year-end' };
    }
    return yearAgo(c, i, i + 1);
  }
  return null;
}

function yearAgo(c: RecognizeContext, first: number, end: number): TimeCandidate {
  if (c.quarterly(first) && c.anchor) {
    const r = relativeValue(c.anchor, 'Q', -5);
    return { first, end, type: 'DATE', value: r.value, resolved: true, via: 'year-ago-quarter' };
  }
  const r = relativeValue(c.anchor, 'Y', -1);
  return { first, end, type: 'DATE', value: r.value, symbolic: r.symbolic, resolved: r.resolved, via: 'year-ago' };
}

function quarterValue(c: RecognizeContext, first: number, end: number, q: number, via: string): TimeCandidate {
  if (!c.anchor) return { first, end, type: 'DATE', value: `XXXX-Q${q}`, resolved: false, via };
  // A quarter named by number is the last one so named up to the anchor.
  const y = q <= quarterOf(c.anchor) ? c.anchor.y : c.anchor.y - 1;
  return { first, end, type: 'DATE', value: `${fmtYear(y)}-Q${q}`, resolved: true, via };
}

function monthValue(c: RecognizeContext, first: number, end: number, month: number, year: number | null): TimeCandidate {
  const y = year ?? yearOfMonth(c.anchor, month, c.tense(first, end));
  if (y === null) return { first, end, type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}`, resolved: false, via: 'month' };
  return { first, end, type: 'DATE', value: fmtMonth(y, month), resolved: year !== null || c.anchor !== null, via: 'month' };
}

function yearFrom(c: RecognizeContext, i: number): number | null {
  const t = c.view.tokens[i];
  if (!t || t.kind !== 'number') return null;
  const w = c.view.words[i]!;
  if (!/^\d{4}$/.test(w)) return null;
  const y = Number(w);
  return y >= 1000 && y < 2200 ? y : null;
}

/** "Sept. 30", "March 26, 1996", "30 September 2025", "October 2023", "October", "mid-November". */
function monthDate(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  const m = c.lex.months.get(view.lower[i]!);
  if (m === undefined) return null;
  const w = view.words[i]!;
  if (w[0] === w[0]!.toLowerCase()) return null; // "may", "march" as words
  let k = i + 1;
  if (view.words[k] === '.') k++;
  const abbrev = view.words[i]!.length <= 4 && view.lower[i] !== 'may' && view.lower[i] !== 'june' && view.lower[i] !== 'july';
  if (w === 'May' && !(view.tokens[k]?.kind === 'number') && !['in', 'of', 'since', 'until', 'by', 'last', 'this', 'next', 'early', 'late', 'mid', 'from', 'to', 'through', 'during', 'and'].includes(view.lower[i - 1] ?? '')) return null;
  if (abbrev && k === i + 1 && view.tokens[k]?.kind !== 'number') {
    if (!['in', 'of', 'since', 'until', 'by', 'last', 'this', 'next', 'early', 'late', 'mid', 'from', 'to', 'through', 'during'].includes(view.lower[i - 1] ?? '')) return null;
  }
  const dayTok = view.tokens[k];
  if (dayTok?.kind === 'number' && /^\d{1,2}$/.test(view.words[k]!) && Number(view.words[k]) >= 1 && Number(view.words[k]) <= 31) {
    const d = Number(view.words[k]);
    let end = k + 1;
    if (['st', 'nd', 'rd', 'th'].includes(view.lower[end] ?? '') && view.tokens[end - 1]!.end === view.tokens[end]!.start) end++;
    let y: number | null = null;
    if (view.words[end] === ',' && yearFrom(c, end + 1) !== null) {
      y = yearFrom(c, end + 1);
      end += 2;
    } else if (yearFrom(c, end) !== null) {
      y = yearFrom(c, end);
      end += 1;
    }
    return dayValue(c, i, end, y, m, d);
  }
  const spoken = spelledYear(c, k);
  if (spoken) return { first: i, end: spoken.end, type: 'DATE', value: fmtMonth(spoken.year, m), resolved: true, via: 'month-year' };
  const y = yearFrom(c, k) ?? (view.words[k] === ',' ? yearFrom(c, k + 1) : null);
  if (y !== null) return { first: i, end: view.words[k] === ',' ? k + 2 : k + 1, type: 'DATE', value: fmtMonth(y, m), resolved: true, via: 'month-year' };
  // "January this year", "June last year"
  const rel = relativeShift(view.lower[i + 1] ?? '');
  if (rel !== undefined && view.lower[i + 2] === 'year') {
    const r = relativeValue(c.anchor, 'Y', rel);
    return { first: i, end: i + 3, type: 'DATE', value: r.resolved ? `${r.value}-${String(m).padStart(2, '0')}` : `XXXX-${String(m).padStart(2, '0')}`, resolved: r.resolved, via: 'month-relative-year' };
  }
  return monthValue(c, i, i + 1, m, null);
}

/** Days from the anchor forward to m/d of the anchor's year (negative when before it). */
function daysAhead(anchor: Day, m: number, d: number): number {
  return ((m - anchor.m) * 30.5) + (d - anchor.d);
}

// A month-day without a year in a past-tense sentence is still this year when it lies at most two months ahead ("set for Dec. 7").
function dayValue(c: RecognizeContext, first: number, end: number, y: number | null, m: number, d: number): TimeCandidate {
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  if (y !== null) return { first, end, type: 'DATE', value: `${fmtYear(y)}-${mm}-${dd}`, resolved: true, via: 'full-date' };
  const tense = c.anchor ? c.tense(first, end) : null;
  const yy = c.anchor ? (tense === 'future' ? (m * 100 + d >= c.anchor.m * 100 + c.anchor.d ? c.anchor.y : c.anchor.y + 1) : daysAhead(c.anchor, m, d) <= 60 ? c.anchor.y : c.anchor.y - 1) : null;
  if (yy === null) return { first, end, type: 'DATE', value: `XXXX-${mm}-${dd}`, resolved: false, via: 'month-day' };
  return { first, end, type: 'DATE', value: `${fmtYear(yy)}-${mm}-${dd}`, resolved: true, via: 'month-day' };
}

/** "30 September (2025)". */
function dayMonth(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  if (view.tokens[i]!.kind !== 'number' || !/^\d{1,2}$/.test(view.words[i]!)) return null;
  const d = Number(view.words[i]);
  let k = i + 1;
  if (['st', 'nd', 'rd', 'th'].includes(view.lower[k] ?? '')) k++;
  if (view.lower[k] === 'of') k++;
  const m = c.lex.months.get(view.lower[k] ?? '');
  if (m === undefined || d < 1 || d > 31) return null;
  let end = k + 1;
  if (view.words[end] === '.') end++;
  const y = yearFrom(c, end);
  if (y !== null) end++;
  else if (view.words[end] === '.') end--;
  if (view.words[end - 1] === '.') end--;
  return dayValue(c, i, end, y, m, d);
}

/** "Tuesday", "last Friday", "Saturday night", "10 p.m. Wednesday". */
function weekdayExpr(c: RecognizeContext, i: number, shift: number, first: number): TimeCandidate | null {
  const { view } = c;
  const wd = c.lex.weekdays.get(view.lower[i]!);
  if (wd === undefined) return null;
  const w = view.words[i]!;
  if (w[0] === w[0]!.toLowerCase() || (view.lower[i]!.length <= 3 && view.words[i + 1] !== '.')) {
    if (view.lower[i]!.length <= 4) return null;
  }
  let end = i + 1;
  let part: string | null = null;
  const pd = c.lex.partsOfDay.get(view.lower[end] ?? '');
  if (pd && /^[A-Z]{2}$/.test(pd)) {
    part = pd;
    end++;
  }
  // "Friday Oct. 13", "Saturday, April 25": the date says which Friday.
  if (!part) {
    const z = view.words[end] === ',' ? end + 1 : end;
    const date = c.lex.months.has(view.lower[z] ?? '') ? monthDate(c, z) : null;
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) return { ...date, first };
  }
  const plural = view.lower[i]!.endsWith('s') && !view.lower[i]!.endsWith('ss');
  if (!c.anchor) {
    return { first, end, type: part ? 'TIME' : 'DATE', value: `XXXX-WXX-${wd}${part ? 'T' + part : ''}`, symbolic: `XXXX-WXX-${wd}`, resolved: false, via: 'weekday' };
  }
  const future = shift > 0 || (shift === 0 && c.tense(first, end) === 'future');
  const day = dayOfWeekday(c.anchor, wd, future, shift > 0 ? (dayOfWeekday(c.anchor, wd, true).d === c.anchor.d ? 1 : 0) : shift < 0 ? (weekday(c.anchor) === wd ? -1 : 0) : 0);
  void plural;
  return { first, end, type: part ? 'TIME' : 'DATE', value: fmtDay(day) + (part ? 'T' + part : ''), symbolic: `XXXX-WXX-${wd}`, resolved: true, via: 'weekday' };
}

function reference(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  const l = view.lower[i]!;
  const ref = c.lex.references.get(l);
  if (ref === undefined) return null;
  if (ref === 'PRESENT_REF' || ref === 'PAST_REF' || ref === 'FUTURE_REF') {
    if (l === 'soon' && view.lower[i - 1] === 'as' && view.lower[i + 1] === 'as') return null; // "as soon as": a conjunction
    if (l === 'current' || l === 'recent') {
      // "current"/"recent" as adjectives of a unit are read by the relative recognizer; alone they refer.
      const u = unitAt(c, i + 1);
      // "recent years/months/weeks" is an unspecified stretch of those units (TimeBank: PXY); "recent quarters" stays a reference.
      if (u && l === 'recent' && u.plural && u.unit !== 'Q') return { first: i, end: i + 2, type: 'DURATION', value: durationValue('X', u.unit), resolved: true, via: 'recent-units' };
      if (u && l === 'recent') return { first: i, end: i + 2, type: 'DATE', value: 'PAST_REF', resolved: true, via: 'recent-units' };
      if (u) return null;
    }
    return { first: i, end: i + 1, type: 'DATE', value: ref, resolved: true, via: 'reference' };
  }
  // today / yesterday / tomorrow / tonight, with a part of the day ("yesterday morning").
  const offset = ref === 'DCT' ? 0 : ref === 'DCT-1' ? -1 : ref === 'DCT+1' ? 1 : 0;
  let end = i + 1;
  let part = ref === 'DCT+TNI' ? 'NI' : null;
  const pd = c.lex.partsOfDay.get(view.lower[end] ?? '');
  if (!part && pd && /^[A-Z]{2}$/.test(pd)) {
    part = pd;
    end++;
  }
  const r = relativeValue(c.anchor, 'D', offset);
  return { first: i, end, type: part ? 'TIME' : 'DATE', value: r.value + (part ? 'T' + part : ''), symbolic: r.symbolic, resolved: r.resolved, via: 'deictic-day' };
}

/** "this year", "last week", "next month", "the past two months", "this morning", "last April". */
function relative(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  let k = i;
  const withThe = view.lower[k] === 'the';
  if (withThe) k++;
  const word = view.lower[k] ?? '';
  const rel = relativeShift(word);
  if (rel === undefined) {
    if (word === 'latest' || word === 'recent' || word === 'same') {
      const u = unitAt(c, k + 1);
      if (u?.unit === 'Q') return { first: i, end: k + 2, type: 'DATE', value: relativeValue(c.anchor, 'Q', -1).value, resolved: c.anchor !== null, via: 'latest-quarter' };
    }
    return null;
  }
  if (withThe && word === 'this') return null;
  // "the past two months": a duration reaching back from now.
  const count = readCount(c, k + 1);
  if (count && (withThe || word === 'past' || word === 'last' || word === 'next')) {
    const u = unitAt(c, count.end);
    if (u && (count.n !== '1' || view.lower[k + 1] !== 'a')) return { first: i, end: u.end, type: 'DURATION', value: durationValue(count.n, u.unit), resolved: true, via: 'past-n-units' };
  }
  const u = unitAt(c, k + 1);
  if (u && !u.plural) {
    // "the last year" / "the past year" behave as the year before.
    const r = relativeValue(c.anchor, u.unit, word === 'past' && !withThe ? -1 : rel);
    // "next year's first quarter"
    const qOrd = view.words[u.end] === "'s" ? ordinalQuarterAt(c, u.end + 1) : null;
    if (u.unit === 'Y' && r.resolved && qOrd !== null) {
      return { first: i, end: u.end + 3, type: 'DATE', value: `${r.value}-Q${qOrd}`, resolved: true, via: 'relative-year-quarter' };
    }
    if (u.unit === 'Q' && withThe && rel === 0) return { first: i, end: u.end, type: 'DATE', value: r.value, symbolic: r.symbolic, resolved: r.resolved, via: 'relative' };
    return { first: i, end: u.end, type: u.unit === 'H' || u.unit === 'M' || u.unit === 'S' ? 'TIME' : 'DATE', value: r.value, symbolic: r.symbolic, resolved: r.resolved, via: 'relative' };
  }
  if (withThe) return null;
  // "last Friday", "next Tuesday", "this morning", "last April", "this summer"
  if (c.lex.weekdays.has(view.lower[k + 1] ?? '')) return weekdayExpr(c, k + 1, rel, i);
  const pd = c.lex.partsOfDay.get(view.lower[k + 1] ?? '');
  if (pd && /^[A-Z]{2}$/.test(pd) && rel === 0) {
    const r = relativeValue(c.anchor, 'D', 0);
    return { first: i, end: k + 2, type: 'TIME', value: `${r.value}T${pd}`, resolved: r.resolved, via: 'this-part-of-day' };
  }
  const m = c.lex.months.get(view.lower[k + 1] ?? '');
  if (m !== undefined && view.words[k + 1]![0] !== view.lower[k + 1]![0]) {
    if (!c.anchor) return { first: i, end: k + 2, type: 'DATE', value: `XXXX-${String(m).padStart(2, '0')}`, resolved: false, via: 'relative-month' };
    const y = rel < 0 ? (m < c.anchor.m ? c.anchor.y : c.anchor.y - 1) : rel > 0 ? (m > c.anchor.m ? c.anchor.y : c.anchor.y + 1) : c.anchor.y;
    return { first: i, end: k + 2, type: 'DATE', value: fmtMonth(y, m), resolved: true, via: 'relative-month' };
  }
  const season = c.lex.seasons.get(view.lower[k + 1] ?? '');
  if (season) {
    const r = relativeValue(c.anchor, 'Y', rel);
    return { first: i, end: k + 2, type: 'DATE', value: `${r.value}-${season}`, resolved: r.resolved, via: 'relative-season' };
  }
  return null;
}

/** "two weeks", "a year ago", "three months earlier", "10-year", "several years", "nearly forty years". */
function countedUnits(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  let k = i;
  if (APPROX2_FIRST.has(view.lower[k] ?? '') && APPROX2.has(`${view.lower[k] ?? ''} ${view.lower[k + 1] ?? ''}`)) k += 2;
  else if (APPROX.has(view.lower[k] ?? '') && view.lower[k] !== 'some') k++;
  const count = readCount(c, k);
  if (!count) return null;
  let e = count.end;
  if (view.words[e] === '-' && view.tokens[e - 1]!.end === view.tokens[e]!.start) e++;
  if (view.lower[e] === 'more' || view.lower[e] === 'additional' || view.lower[e] === 'full') e++;
  const u = unitAt(c, e);
  if (!u) return null;
  // Not times: an age ("52 years old"), a fraction ("a quarter of the market"), an ordinal ("a second group").
  if (view.lower[u.end] === 'old' && u.unit === 'Y') return null;
  if (u.unit === 'Q' && view.lower[u.end] === 'of' && DETERMINERS.has(view.lower[u.end + 1] ?? '')) return null;
  if (u.unit === 'S' && !u.plural && /^[a-z]/.test(view.words[u.end] ?? '') && !FUNCTION_WORDS.has(view.words[u.end]!) && view.lower[u.end] !== 'later' && view.lower[u.end] !== 'earlier' && view.lower[u.end] !== 'ago') return null;
  if (count.n === '1' && view.lower[count.end - 1] !== 'a' && view.lower[count.end - 1] !== 'an' && view.lower[count.end - 1] !== 'one' && u.plural) return null;
  // "$4 billion a year": a rate, a set (but "$10 million a year ago" is a date).
  if ((view.lower[k] === 'a' || view.lower[k] === 'per') && k === i && agoOf(view.lower[u.end] ?? '') === undefined && i > 0 && (view.tokens[i - 1]!.kind === 'number' || c.numbers.scales.has(view.lower[i - 1]!) || view.lower[i - 1] === 'percent' || view.words[i - 1] === '%')) {
    return { first: i, end: u.end, type: 'SET', value: durationValue('1', u.unit), resolved: true, via: 'rate' };
  }
  const dir = agoOf(view.lower[u.end] ?? '');
  if (dir !== undefined && (view.lower[u.end] === 'ago' || view.lower[u.end] === 'earlier' || view.lower[u.end] === 'later' || view.lower[u.end] === 'hence')) {
    const n = Number(count.n);
    if (u.unit === 'Y' && n === 1 && dir < 0) return yearAgo(c, i, u.end + 1);
    if (!Number.isFinite(n)) return { first: i, end: u.end + 1, type: 'DATE', value: dir < 0 ? 'PAST_REF' : 'FUTURE_REF', resolved: true, via: 'units-ago' };
    const r = u.unit === 'Y' || u.unit === 'MO' || u.unit === 'W' || u.unit === 'D' || u.unit === 'Q' ? relativeValue(c.anchor, u.unit, Math.round(n) * dir) : null;
    if (r) return { first: i, end: u.end + 1, type: 'DATE', value: r.value, symbolic: r.symbolic, resolved: r.resolved, via: 'units-ago' };
    return { first: i, end: u.end + 1, type: 'DURATION', value: durationValue(count.n, u.unit), resolved: true, via: 'units-ago' };
  }
  // A bare "a week" without a count word in front of a noun is a duration too ("a week of talks").
  return { first: i, end: u.end, type: 'DURATION', value: durationValue(count.n, u.unit), resolved: true, via: 'duration' };
}

/** "1988", "fiscal 1989", "the 1990s", "the late 1970s", "1988 third quarter". */
function yearExpr(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  let k = i;
  if (view.lower[k] === 'fiscal') k++;
  const y = yearFrom(c, k);
  if (y === null) return null;
  const prev = view.words[i - 1];
  if (prev === '$' || prev === '€' || prev === '£') return null;
  const next = view.lower[k + 1];
  if (next === '%' || next === 'percent' || (next !== undefined && c.numbers.scales.has(next))) return null;
  if (next === 's' && view.tokens[k]!.end === view.tokens[k + 1]!.start) return { first: i, end: k + 2, type: 'DATE', value: String(Math.floor(y / 10)), resolved: true, via: 'decade' };
  if (view.words[k + 1] === ',' || view.words[k + 1] === '.' ) {
    // "1,700" is one token, so a comma here follows a year.
  }
  // "1988 third quarter"
  const ord = ordinalQuarterAt(c, k + 1);
  if (ord !== null) return { first: i, end: k + 3, type: 'DATE', value: `${fmtYear(y)}-Q${ord}`, resolved: true, via: 'year-quarter' };
  return { first: i, end: k + 1, type: 'DATE', value: fmtYear(y), resolved: true, via: 'year' };
}

/** "the third quarter", "the fourth quarter of 1990", "the first half", "the nine months", "the year", "the weekend". */
function theUnit(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  if (view.lower[i] !== 'the') return null;
  let k = i + 1;
  if (view.lower[k] === 'fiscal') k++;
  const ord = c.lex.ordinals.get(view.lower[k] ?? '');
  if (ord !== undefined && ord > 0) {
    const u = view.lower[k + 1];
    if (u === 'quarter') {
      const y = view.lower[k + 2] === 'of' ? yearFrom(c, k + 3) : null;
      if (y !== null) return { first: i, end: k + 4, type: 'DATE', value: `${fmtYear(y)}-Q${ord}`, resolved: true, via: 'ordinal-quarter' };
      return quarterValue(c, i, k + 2, ord, 'ordinal-quarter');
    }
    if (u === 'half' && c.anchor) return { first: i, end: k + 2, type: 'DATE', value: `${fmtYear(c.anchor.y)}-H${ord}`, resolved: true, via: 'half' };
    // "the first nine months"
    const count = readCount(c, k + 1);
    const un = count ? unitAt(c, count.end) : null;
    if (count && un) return { first: i, end: un.end, type: 'DURATION', value: durationValue(count.n, un.unit), resolved: true, via: 'first-n-units' };
  }
  // "the 1988 third quarter": the year's recognizer with "the" taken in.
  const yearQuarter = yearFrom(c, k) !== null ? yearExpr(c, k) : null;
  if (yearQuarter?.via === 'year-quarter') return { ...yearQuarter, first: i };
  const yearAgoOrd = ordinalQuarterAt(c, k + 1);
  if ((view.lower[k] === 'year-ago' || view.lower[k] === 'year-earlier') && yearAgoOrd !== null && c.anchor) {
    return { first: i, end: k + 3, type: 'DATE', value: `${fmtYear(c.anchor.y - 1)}-Q${yearAgoOrd}`, resolved: true, via: 'year-ago-ordinal-quarter' };
  }
  if ((view.lower[k] === 'year-ago' || view.lower[k] === 'year-earlier') && unitAt(c, k + 1)?.unit === 'Q' && c.anchor) {
    return { first: i, end: k + 2, type: 'DATE', value: relativeValue(c.anchor, 'Q', -5).value, resolved: true, via: 'year-ago-quarter' };
  }
  if (view.lower[k] === 'past' || view.lower[k] === 'future') {
    if (!unitAt(c, k + 1) && !readCount(c, k + 1)) return { first: i, end: k + 1, type: 'DATE', value: view.lower[k] === 'past' ? 'PAST_REF' : 'FUTURE_REF', resolved: true, via: 'the-past' };
  }
  if (view.lower[k] === 'near' && view.lower[k + 1] === 'future') return { first: i, end: k + 2, type: 'DATE', value: 'FUTURE_REF', resolved: true, via: 'the-future' };
  const count = readCount(c, k);
  if (count && view.lower[k] !== 'a' && view.lower[k] !== 'an') {
    const un = unitAt(c, count.end);
    if (un) return { first: i, end: un.end, type: 'DURATION', value: durationValue(count.n, un.unit), resolved: true, via: 'the-n-units' };
  }
  if (view.lower[k] === 'full' && view.lower[k + 1] === 'year' && c.anchor) return { first: i, end: k + 2, type: 'DATE', value: fmtYear(c.anchor.y), resolved: true, via: 'full-year' };
  const u = unitAt(c, k);
  // "the (fiscal) year ended March 31": a reporting period, i.e. a year's length (TimeBank: P1Y).
  if (u && !u.plural && u.unit === 'Y' && (view.lower[u.end] === 'ended' || view.lower[u.end] === 'ending')) return { first: i, end: u.end, type: 'DURATION', value: 'P1Y', resolved: true, via: 'year-ended' };
  if (u && !u.plural && k === i + 1) {
    if (u.unit === 'Q') return { first: i, end: u.end, type: 'DATE', value: relativeValue(c.anchor, 'Q', -1).value, resolved: c.anchor !== null, via: 'the-quarter' };
    if (u.unit === 'Y') return { first: i, end: u.end, type: 'DATE', value: relativeValue(c.anchor, 'Y', 0).value, resolved: c.anchor !== null, via: 'the-year' };
    if (u.unit === 'WE' && c.anchor) {
      const back = weekday(c.anchor) >= 6 ? 0 : -1;
      return { first: i, end: u.end, type: 'DATE', value: relativeValue(c.anchor, 'WE', back).value, resolved: true, via: 'the-weekend' };
    }
    if (u.unit === 'W' && c.anchor) return { first: i, end: u.end, type: 'DATE', value: `${fmtYear(c.anchor.y)}-WXX`, resolved: true, via: 'the-week' };
    if (u.unit === 'D' && c.anchor) return { first: i, end: u.end, type: 'DATE', value: fmtDay(c.anchor), resolved: true, via: 'the-day' };
  }
  if (u && k > i + 1 && view.lower[k - 1] === 'fiscal' && u.unit === 'Y' && c.anchor) return { first: i, end: u.end, type: 'DATE', value: fmtYear(c.anchor.y), resolved: true, via: 'fiscal-year' };
  // "the 1990s", "the late 1970s"
  let j = k;
  if (view.lower[j] === 'early' || view.lower[j] === 'late' || view.lower[j] === 'mid') j++;
  const y = yearFrom(c, j);
  if (y !== null && view.lower[j + 1] === 's') return { first: i, end: j + 2, type: 'DATE', value: String(Math.floor(y / 10)), resolved: true, via: 'decade' };
  return null;
}

const FUNCTION_WORDS = new Set(['to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'between', 'and', 'or', 'but', 'since', 'until', 'through', 'during', 'over', 'under',
  'after', 'before', 'while', 'as', 'than', 'of', 'into', 'across', 'throughout', 'if', 'when', 'because', 'so', 'the', 'a', 'an', 'is', 'are', 'was', 'were']);

/** "daily", "each Thursday", "every year". */
function setExpr(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  const l = view.lower[i]!;
  const s = c.lex.sets.get(l);
  // Before a noun the word classifies ("quarterly dividend", "daily flights"); it says when only as an adverb ("rose 20% annually").
  const next = view.words[i + 1];
  if (s && next !== undefined && /^[a-z]/.test(next) && !FUNCTION_WORDS.has(next)) return null;
  if (s) return { first: i, end: i + 1, type: 'SET', value: s, resolved: true, via: 'set-word' };
  if (l === 'each' || l === 'every') {
    const month = c.lex.months.get(view.lower[i + 1] ?? '');
    if (month !== undefined && /^[A-Z]/.test(view.words[i + 1]!)) return { first: i, end: i + 2, type: 'SET', value: `XXXX-${String(month).padStart(2, '0')}`, resolved: true, via: 'each-month' };
    const wd = c.lex.weekdays.get(view.lower[i + 1] ?? '');
    if (wd !== undefined) return { first: i, end: i + 2, type: 'SET', value: `XXXX-WXX-${wd}`, resolved: true, via: 'each-weekday' };
    const u = unitAt(c, i + 1);
    if (u) return { first: i, end: i + 2, type: 'SET', value: durationValue('1', u.unit), resolved: true, via: 'each-unit' };
  }
  return null;
}

/** "10 a.m.", "10:30", "noon", "midnight". */
function clock(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  const l = view.lower[i]!;
  let hh: number | null = null;
  let mm = 0;
  let end = i;
  if (l === 'noon' || l === 'midnight') {
    hh = l === 'noon' ? 12 : 24;
    end = i + 1;
  } else if (view.tokens[i]!.kind === 'number' && /^\d{1,2}$/.test(view.words[i]!)) {
    let k = i + 1;
    if (view.words[k] === ':' && /^\d{2}$/.test(view.words[k + 1] ?? '')) {
      mm = Number(view.words[k + 1]);
      k += 2;
    }
    const ampm = view.lower[k];
    if (ampm === 'a.m.' || ampm === 'p.m.' || ampm === 'am' || ampm === 'pm' || ampm === 'a.m' || ampm === 'p.m') {
      hh = Number(view.words[i]) % 12 + (ampm.startsWith('p') ? 12 : 0);
      end = k + 1;
    } else if (k > i + 1) {
      hh = Number(view.words[i]);
      end = k;
    } else return null;
  } else return null;
  if (hh === null || hh > 24 || mm > 59) return null;
  const time = `T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  // "5 p.m. EST Nov. 9", "noon, Nov. 6": the clock time of a date.
  let z = end;
  if (TIME_ZONES.has(view.words[z] ?? '')) z++;
  if (view.words[z] === ',') z++;
  const date = c.lex.months.has(view.lower[z] ?? '') ? monthDate(c, z) : null;
  if (date && date.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) return { first: i, end: date.end, type: 'TIME', value: date.value + time, resolved: date.resolved, via: 'clock-date' };
  // "10 p.m. Wednesday", "noon Thursday"
  const wd = c.lex.weekdays.get(view.lower[end] ?? '');
  if (wd !== undefined && c.anchor) {
    const day = dayOfWeekday(c.anchor, wd, c.tense(i, end + 1) === 'future');
    return { first: i, end: end + 1, type: 'TIME', value: fmtDay(day) + time, resolved: true, via: 'clock-weekday' };
  }
  const r = relativeValue(c.anchor, 'D', 0);
  return { first: i, end, type: 'TIME', value: r.value + time, resolved: r.resolved, via: 'clock' };
}

const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'a', 'an', 'all', 'this', 'that', 'our', 'your', 'these', 'those']);
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const TIME_ZONES = new Set(['EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'ET', 'PT', 'CT', 'GMT', 'UTC', 'BST', 'CET', 'CEST']);
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
const decadeOf = recordReader(DECADE_WORDS);
const TERMS = new Set(['near', 'short', 'long']);

/** A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen eighty". */
function spelledYear(c: RecognizeContext, i: number): { year: number; end: number } | null {
  const { view } = c;
  const century = view.lower[i] === 'nineteen' ? 1900 : view.lower[i] === 'eighteen' ? 1800 : null;
  if (century === null) return null;
  const w = view.lower[i + 1] ?? '';
  const dash = w.indexOf('-');
  const tens = TENS[dash > 0 ? w.slice(0, dash) : w];
  if (tens === undefined) return null;
  const unit = dash > 0 ? c.numbers.numberWords.get(w.slice(dash + 1)) : 0;
  if (unit === undefined || unit > 9) return null;
  return { year: century + tens + unit, end: i + 2 };
}

/**
 * Vague and spoken references that TimeML marks: "for centuries", "within weeks", "in coming months", "the near term",
 * "these days", "the nineties", "the 20th century", "its fourth quarter", "the latest period" (of a results report),
 * "year end", a year in words.
 */
function vague(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  const l = view.lower[i]!;
  const sy = spelledYear(c, i);
  if (sy) return { first: i, end: sy.end, type: 'DATE', value: fmtYear(sy.year), resolved: true, via: 'spelled-year' };
  // An unspecified stretch: a bare plural unit after a preposition of extent.
  const u = unitAt(c, i);
  if (u && u.plural && u.unit !== 'Q' && u.unit !== 'WE' && ['for', 'within', 'in', 'over', 'after'].includes(view.lower[i - 1] ?? '')) {
    if (view.lower[i + 1] !== 'of' || u.unit === 'CE' || u.unit === 'DE') return { first: i, end: i + 1, type: 'DURATION', value: durationValue('X', u.unit), resolved: true, via: 'bare-units' };
  }
  if (l === 'these' && (view.lower[i + 1] === 'days')) return { first: i, end: i + 2, type: 'DATE', value: 'PRESENT_REF', resolved: true, via: 'these-days' };
  const k = l === 'the' ? i + 1 : i;
  const lk = view.lower[k] ?? '';
  // "(the) coming months": ahead, unbounded.
  if (lk === 'coming' && unitAt(c, k + 1)?.plural) return { first: i, end: k + 2, type: 'DATE', value: 'FUTURE_REF', resolved: true, via: 'coming-units' };
  if (k > i && TERMS.has(lk) && view.lower[k + 1] === 'term') return { first: i, end: k + 2, type: 'DATE', value: 'FUTURE_REF', resolved: true, via: 'the-term' };
  if (k > i) {
    const d = decadeOf(lk);
    // The latest such decade up to the anchor: "the nineties" said in 1998 is the 1990s.
    if (d !== undefined && c.anchor) {
      const decade = Math.floor(c.anchor.y / 100) * 10 + d;
      return { first: i, end: k + 1, type: 'DATE', value: String(decade > Math.floor(c.anchor.y / 10) ? decade - 10 : decade), resolved: true, via: 'decade-word' };
    }
    // "the winter of 1994", "the summer of nineteen ninety-six"
    const season = c.lex.seasons.get(lk);
    if (season && view.lower[k + 1] === 'of') {
      const sy = spelledYear(c, k + 2);
      const y = sy ? sy.year : yearFrom(c, k + 2);
      if (y !== null) return { first: i, end: sy ? sy.end : k + 3, type: 'DATE', value: `${fmtYear(y)}-${season}`, resolved: true, via: 'season-of-year' };
    }
  }
  // "the 20th century", "11th century": TIMEX3 writes a century as its first two digits less one.
  if (view.tokens[k]?.kind === 'number' && /^\d{1,2}$/.test(view.words[k]!) && ['st', 'nd', 'rd', 'th'].includes(view.lower[k + 1] ?? '') && view.lower[k + 2] === 'century') {
    return { first: i, end: k + 3, type: 'DATE', value: String(Number(view.words[k]) - 1).padStart(2, '0'), resolved: true, via: 'century' };
  }
  // "the summer", "the early summer", "Over the summer": the latest such season, or the next one when the clause looks ahead.
  let sk = k;
  if (view.lower[sk] === 'early' || view.lower[sk] === 'late') sk++;
  const alone = c.lex.seasons.get(view.lower[sk] ?? '');
  if (alone && c.anchor && view.lower[sk + 1] !== 'of' && (k > i || /^[a-z]/.test(view.words[i - 1] ?? ''))) {
    const start = SEASON_START[alone] ?? 1;
    const future = c.tense(i, sk + 1) === 'future';
    const y = future ? (start > c.anchor.m ? c.anchor.y : c.anchor.y + 1) : start <= c.anchor.m ? c.anchor.y : c.anchor.y - 1;
    return { first: i, end: sk + 1, type: 'DATE', value: `${fmtYear(y)}-${alone}`, resolved: true, via: 'season' };
  }
  // "past years", "future quarters": unbounded references.
  if ((l === 'past' || l === 'future') && unitAt(c, i + 1)?.plural && !readCount(c, i + 1)) return { first: i, end: i + 2, type: 'DATE', value: l === 'past' ? 'PAST_REF' : 'FUTURE_REF', resolved: true, via: 'past-units' };
  // "the weeks ahead"
  if (k > i) {
    const ahead = unitAt(c, k);
    if (ahead?.plural && view.lower[k + 1] === 'ahead') return { first: i, end: k + 2, type: 'DURATION', value: durationValue('X', ahead.unit), resolved: true, via: 'units-ahead' };
  }
  // "its fourth quarter", "a second quarter": an ordinal quarter without "the".
  const ord = ordinalQuarterAt(c, i);
  if (ord !== null) return quarterValue(c, i, i + 2, ord, 'ordinal-quarter');
  // "the latest period" of a results report is the last quarter.
  if (lk === 'latest' && view.lower[k + 1] === 'period' && c.quarterly(i)) return { first: i, end: k + 2, type: 'DATE', value: relativeValue(c.anchor, 'Q', -1).value, resolved: c.anchor !== null, via: 'latest-period' };
  // "by year end", "year's end"
  if (l === 'year' && (view.lower[i + 1] === 'end' || (view.words[i + 1] === "'s" && view.lower[i + 2] === 'end'))) {
    const end = view.lower[i + 1] === 'end' ? i + 2 : i + 3;
    return { first: i, end, type: 'DATE', value: c.anchor ? `${fmtYear(c.anchor.y)}-12-31` : 'XXXX-12-31', resolved: c.anchor !== null, via: 'year-end' };
  }
  return null;
}

const namedDayPatterns = new WeakMap<TimeLexicon, RegExp>();
/** "New Year's Eve", "Christmas Day": a day of a fixed date named by its feast, resolved like a month-day. */
function namedDay(c: RecognizeContext, i: number): TimeCandidate | null {
  const { view } = c;
  if (!c.lex.namedDays.size || !/^[a-z]/.test(view.lower[i]!)) return null;
  let re = namedDayPatterns.get(c.lex);
  if (!re) {
    const names = [...c.lex.namedDays.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/'/g, "['’]").replace(/ /g, '\\s+'));
    namedDayPatterns.set(c.lex, (re = new RegExp(`^(?:${names.join('|')})\\b`, 'i')));
  }
  const start = view.tokens[i]!.start;
  const m = re.exec(view.text.slice(start, start + 40));
  if (!m) return null;
  const md = c.lex.namedDays.get(plainApostrophes(m[0].toLowerCase()).replace(/\s+/g, ' '));
  if (!md) return null;
  let end = i + 1;
  while (end < view.tokens.length && view.tokens[end]!.start < start + m[0].length) end++;
  const [mm, dd] = md.split('-').map(Number) as [number, number];
  return { ...dayValue(c, i, end, null, mm, dd), via: 'named-day' };
}

const RECOGNIZERS: ((c: RecognizeContext, i: number) => TimeCandidate | null)[] = [
  theUnit,
  relative,
  namedDay,
  monthDate,
  dayMonth,
  clock,
  (c, i) => weekdayExpr(c, i, 0, i),
  reference,
  countedUnits,
  yearExpr,
  hyphenWord,
  setExpr,
  vague,
];


/** Candidates at token i (the longest wins), with edge words ("early", "late", "mid", "earlier") taken in. */
export function recognizeAt(c: RecognizeContext, i: number): TimeCandidate | null {
  let best: TimeCandidate | null = null;
  for (const r of RECOGNIZERS) {
    const cand = r(c, i);
    if (cand && cand.end > i && (!best || cand.end > best.end)) best = cand;
  }
  return best;
}

export { EDGE };
