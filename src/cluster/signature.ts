// The event signature of an article: what tells one event from another of the same kind (two shootings
// in one city, this week's and last week's jobless claims) when their words overlap. The event's day
// resolved against the publication date, the years the text is about, places (dateline first), key
// figures, and the trigger words of the lead. Pure and cheap (one pass of a few regular expressions
// over the lead): it runs on every article of a 100k stream. It reads the `times` and `entities`
// layers when another stage has filled them, and the text otherwise.
import type { Article } from '../model/document.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../shared-paths.js';
import { fnv1a } from './lexicon.js';

/** The layers the signature reads when present (it works on the bare text without them). */
export const SIGNATURE_READS = ['times', 'entities', 'entityIndex', 'dateline'] as const;

export interface EventSignature {
  /** Days since 1970-01-01 of the publication date, or null. */
  published: number | null;
  /** The day of the event (first date of the lead that resolves to a day), or null. */
  eventDay: number | null;
  /** How the event day was found: an explicit date, a weekday or relative word against publication. */
  eventDayFrom: 'date' | 'relative' | 'layer' | null;
  /** Publication day minus event day (null when either is unknown). */
  gap: number | null;
  /** The year the article is about: of the event day, else the year most mentioned, else of publication. */
  year: number | null;
  /** Place phrases (hashed, lower case), the dateline first. */
  places: number[];
  /** Readable places for explanations (same order as `places`). */
  placeNames: string[];
  /** Key figures of the lead (hashed normalised numbers with their unit word). */
  figures: number[];
  figureNames: string[];
  /** Kinds of trigger words present in title or lead (line numbers of data/cluster/triggers.txt). */
  triggers: number[];
}

/** Event words, one kind of event a line (data/cluster/triggers.txt): a kind shared is evidence of one
 * event, a kind of one side only of two. */
let triggerOf: Map<string, number> | undefined;
function triggers(): Map<string, number> {
  if (triggerOf) return triggerOf;
  triggerOf = new Map();
  const lines = readFileSync(join(repoRoot(), 'data', 'cluster', 'triggers.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  lines.forEach((line, k) => line.trim().split(/\s+/).forEach((w) => triggerOf!.set(w, k)));
  return triggerOf;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// "December 9, 2008", "Dec. 9", "9 December 2008", "2008-12-09", weekdays and relative words.
const DATE_RE = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d\\d))?\\b` +
    `|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+((?:19|20)\\d\\d))?\\b` +
    `|\\b((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\b` +
    `|\\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b` +
    `|\\b(yesterday|today|tonight|this morning|last night)\\b` +
    `|\\b((?:19|20)\\d\\d)\\b`,
  'gi',
);
const WEEKDAYS = ['mon', 'tues', 'wednes', 'thurs', 'fri', 'satur', 'sun'];
const DAY_MS = 86_400_000;
/** Characters of the text read for dates, places and figures: the lead names the event. */
export const LEAD_CHARS = 1500;

function dayOfYmd(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function dayOfIso(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

interface DateFinding {
  eventDay: number | null;
  from: EventSignature['eventDayFrom'];
  years: Map<number, number>;
}

/** The event day: the first date of the lead that resolves to a day near the publication (within two
 * weeks before it, a day after) or, undated, the first complete date; background dates (a law of 2010
 * in a report of 2013) are passed over when a nearer one follows. */
function findDates(lead: string, published: number | null): DateFinding {
  const years = new Map<number, number>();
  let first: number | null = null;
  let firstFrom: EventSignature['eventDayFrom'] = null;
  let near: number | null = null;
  let nearFrom: EventSignature['eventDayFrom'] = null;
  const pubYear = published === null ? null : yearOfDay(published);
  const consider = (day: number | null, from: EventSignature['eventDayFrom']) => {
    if (day === null) return;
    if (first === null) {
      first = day;
      firstFrom = from;
    }
    if (near === null && published !== null && day <= published + 1 && day >= published - 14) {
      near = day;
      nearFrom = from;
    }
  };
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(lead)) !== null) {
    if (m[1] || m[4]) {
      const month = MONTHS.indexOf((m[1] ?? m[5]!).slice(0, 3).toLowerCase()) + 1;
      const d = Number(m[2] ?? m[4]);
      const y = m[3] ?? m[6];
      if (y) {
        years.set(Number(y), (years.get(Number(y)) ?? 0) + 1);
        consider(dayOfYmd(Number(y), month, d), 'date');
      } else if (pubYear !== null) {
        // A month and day without a year: the nearest such day not long after publication.
        let day = dayOfYmd(pubYear, month, d);
        if (day !== null && day > published! + 31) day = dayOfYmd(pubYear - 1, month, d);
        consider(day, 'date');
      }
    } else if (m[7]) {
      years.set(Number(m[7]), (years.get(Number(m[7])) ?? 0) + 1);
      consider(dayOfYmd(Number(m[7]), Number(m[8]), Number(m[9])), 'date');
    } else if (m[10] && published !== null) {
      // The last such weekday on or before publication (1970-01-01 was a Thursday: index 3).
      const want = WEEKDAYS.indexOf(m[10].toLowerCase());
      const pubWeekday = (((published + 3) % 7) + 7) % 7;
      consider(published - ((pubWeekday - want + 7) % 7), 'relative');
    } else if (m[11] && published !== null) {
      const w = m[11].toLowerCase();
      consider(w === 'yesterday' || w === 'last night' ? published - 1 : published, 'relative');
    } else if (m[12]) {
      const y = Number(m[12]);
      years.set(y, (years.get(y) ?? 0) + 1);
    }
  }
  if (near !== null) return { eventDay: near, from: nearFrom, years };
  // Undated articles: the first complete date is the likeliest event day.
  if (published === null && first !== null) return { eventDay: first, from: firstFrom, years };
  return { eventDay: null, from: null, years };
}

// Datelines: "NEW ORLEANS, La. (AP) —", "WASHINGTON —", "Uniontown, Pa. -".
const DATELINE_RE = /^\s*([A-Z][A-Za-z.'\- ]{2,40}?(?:,\s*[A-Z][A-Za-z. ]{1,20}?)?)\s*(?:\((?:AP|Reuters|AFP|CNN|UPI)\)\s*)?(?:—|–|--|\s-\s)/;
// "in Mason County", "at Pershing Court Manor", "near Uniontown", "of southern Peru".
const PLACE_RE = /\b(?:in|at|near|outside|from|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|downtown|rural|suburban|north|south|east|west)\s+)?([A-Z][\p{L}'\-]+(?:\s+(?:[A-Z][\p{L}'\-]+|of|de)){0,3})/gu;
const PLACE_STOP = new Set(['the', 'a', 'an', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

function findPlaces(article: Article, lead: string): string[] {
  const out: string[] = [];
  const add = (p: string | null | undefined) => {
    const v = p?.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(?: of| de)+$/, '');
    if (!v || v.length < 3 || PLACE_STOP.has(v.split(' ')[0]!) || out.includes(v)) return;
    // "of Americans", "of Democrats": peoples and parties, not places.
    if (!v.includes(' ') && /(?:ans|ists|crats|ers)$/.test(v)) return;
    out.push(v);
  };
  add(article.dateline?.place);
  const d = DATELINE_RE.exec(lead);
  if (d) add(d[1]!.split(',')[0]);
  const index = new Map((article.layers.entityIndex ?? []).map((e) => [e.id, e]));
  for (const mention of article.layers.entities ?? []) {
    if (mention.type !== 'LOC' || mention.start > LEAD_CHARS) continue;
    add(index.get(mention.entity)?.name ?? article.text.slice(mention.start, mention.end));
  }
  PLACE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE_RE.exec(lead)) !== null && out.length < 8) add(m[1]);
  return out;
}

// Figures: "7.3", "$2.5 million", "52-47", "14 people", "three dead". Years and days of month are not
// figures (they are dates).
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const FIGURE_RE = new RegExp(
  `(\\$|£|€)?\\b(\\d+(?:[.,]\\d+)*(?:-\\d+)?|${NUMBER_WORDS.slice(2).join('|')})(?:\\s*(%|percent|thousand|million|billion|trillion)|([KMBT]|bn)\\b)?(?:[\\s-]+(?:year-old|years? old|people|persons|men|women|children|dead|killed|injured|wounded|victims|votes|points|magnitude|homes|shots))?`,
  'gi',
);
const SPAN_AFTER = /^-(?:second|minute|hour|day|week|month|year)s?\b/i;
const MONTH_BEFORE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i;

/** Powers of ten of the scale words and their short forms ("$6T", "30K", "160M", "$2bn"). */
const SCALE: Record<string, number> = { '': 0, thousand: 3, k: 3, million: 6, m: 6, billion: 9, b: 9, bn: 9, trillion: 12, t: 12 };

/** One spelling per amount: "30,000", "30 thousand" and "30K" are one figure (30000); "3.5 trillion" and
 * "3.5T" too. `value` has no thousands separators. */
function figureValue(value: string, unit: string): string {
  const percent = unit === '%' || unit === 'percent';
  const power = percent ? 0 : SCALE[unit];
  if (power === undefined || !/^\d+(?:\.\d+)?$/.test(value)) return value + unit;
  // Digits and a power of ten, exactly (no floating point): 3.5 trillion is 35 x 10^11.
  const [whole, fraction = ''] = value.split('.');
  let digits = (whole! + fraction).replace(/^0+(?=\d)/, '');
  let exponent = power - fraction.length;
  while (exponent < 0 && digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  let out = digits + '0'.repeat(Math.max(0, exponent));
  if (exponent < 0) {
    const padded = digits.padStart(1 - exponent, '0');
    out = `${padded.slice(0, exponent)}.${padded.slice(exponent)}`;
  }
  return percent ? out + 'percent' : out;
}

function findFigures(lead: string): string[] {
  const out: string[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(lead)) !== null && out.length < 10) {
    const raw = m[2]!.toLowerCase();
    const n = NUMBER_WORDS.indexOf(raw);
    const value = n >= 0 ? String(n) : raw.replace(/,(?=\d{3})/g, '');
    const unit = (m[3] ?? m[4] ?? '').toLowerCase();
    // Years, times of day and days of month are dates; a bare small number says little.
    if (!m[1] && !unit && /^(?:19|20)\d\d$/.test(value)) continue;
    if (MONTH_BEFORE.test(lead.slice(Math.max(0, m.index - 10), m.index))) continue;
    if (!m[1] && !unit && /^\d+$/.test(value) && Number(value) <= 1) continue;
    // "a four-week average", "a 10-day trial": a span of time, not a figure of the event (two weeks'
    // jobless claims both carry "four-week"); ages ("4-year-old") are matched above and stay.
    if (m[0].length === m[2]!.length && SPAN_AFTER.test(lead.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    if (lead.charAt(m.index + m[0].length) === ':' || /^\s*(?:a\.?m|p\.?m)/i.test(lead.slice(m.index + m[0].length, m.index + m[0].length + 5))) continue;
    const key = (m[1] ?? '') + figureValue(value, unit);
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

function findTriggers(text: string): number[] {
  const out = new Set<number>();
  const table = triggers();
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const k = table.get(w);
    if (k !== undefined) out.add(k);
  }
  return [...out].sort((a, b) => a - b);
}

/** The event signature of one article (pure: reads the article, appends nothing). */
export function eventSignature(article: Article): EventSignature {
  const published = dayOfIso(article.published);
  const lead = article.text.length > LEAD_CHARS ? article.text.slice(0, LEAD_CHARS) : article.text;
  let { eventDay, from, years } = findDates(`${article.title ?? ''}\n${lead}`, published);
  // A date the time stage resolved is better than the text's own reading.
  if (eventDay === null) {
    for (const t of article.layers.times ?? []) {
      if (t.type !== 'DATE' || !/^\d{4}-\d{2}-\d{2}$/.test(t.value) || t.start > LEAD_CHARS) continue;
      eventDay = dayOfIso(t.value);
      from = 'layer';
      break;
    }
  }
  let year: number | null = eventDay !== null ? yearOfDay(eventDay) : null;
  if (year === null) {
    let best = 0;
    for (const [y, c] of years) if (c > best || (c === best && y > (year ?? 0))) [year, best] = [y, c];
  }
  if (year === null && published !== null) year = yearOfDay(published);
  const placeNames = findPlaces(article, lead);
  const figureNames = findFigures(`${article.title ?? ''}\n${lead}`);
  const firstPart = `${article.title ?? ''}\n${article.text.slice(0, 600)}`;
  return {
    published,
    eventDay,
    eventDayFrom: from,
    gap: published !== null && eventDay !== null ? published - eventDay : null,
    year,
    places: placeNames.map(fnv1a),
    placeNames,
    figures: figureNames.map(fnv1a),
    figureNames,
    triggers: findTriggers(firstPart),
  };
}

/** How many values two small lists share. */
export function sharedCount(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

const NONE: number[] = [];
const NO_NAMES: string[] = [];
const SEP = '\u001e';
const PART = '\u001f';

/** The signature as the clusterer keeps it for every article of a stream: empty lists shared, the readable
 * names packed in one string (`readableSignature` gives them back). A million articles kept two lists of
 * names and their strings each, for `cluster --explain` alone. */
export function storedSignature(s: EventSignature): { signature: EventSignature; names: string } {
  const names = s.placeNames.length || s.figureNames.length ? [s.placeNames.join(SEP), s.figureNames.join(SEP)].join(PART) : '';
  return {
    signature: {
      ...s,
      places: s.places.length ? s.places : NONE,
      figures: s.figures.length ? s.figures : NONE,
      triggers: s.triggers.length ? s.triggers : NONE,
      placeNames: NO_NAMES,
      figureNames: NO_NAMES,
    },
    names,
  };
}

/** The stored signature with its readable names again. */
export function readableSignature(s: EventSignature, names: string): EventSignature {
  if (!names) return s;
  const [places, figures] = names.split(PART) as [string, string];
  return { ...s, placeNames: places ? places.split(SEP) : [], figureNames: figures ? figures.split(SEP) : [] };
}
