import { sharedResources } from '../resources.js';
// Reading values out of short token runs, for comparing two wordings of one statement:
// numbers (with separators, scale words, spelled-out forms, percent, currency, hedges) and dates
// (weekdays, months with abbreviations, years, days of month). The words come from the lexicons of the
// quantity and time stages (data/lexicons/quantities.json, time.json), read when first needed.

interface ValueWords {
  small: Record<string, number>;
  scales: Record<string, number>;
  hedges: Record<string, { low: number; high: number }>;
}
let valueWords: ValueWords | undefined;
function valueWordList(): ValueWords {
  if (valueWords) return valueWords;
  const q = sharedResources().quantities;
  valueWords = {
    // Number words, with "hundred", "dozen" and "half" read as plain numbers ("three hundred", "half").
    small: { ...Object.fromEntries(q.numberWords), hundred: q.scales.get('hundred')!, dozen: q.dozens.get('dozen')!, half: q.multiples.get('half')! },
    // Scale words after a number ("1.2 million", "5 bn", "300 k"); "hundred" is a number word above.
    scales: Object.fromEntries([...q.scales, ...q.shortScales].filter(([w]) => w !== 'hundred')),
    hedges: Object.fromEntries([...q.hedges].map(([w, [low, high]]) => [w, { low, high }])),
  };
  return valueWords;
}
/**
 * Hedge words and the interval they allow around a value v: [v*low, v*high]. The one hedge list the
 * quantity stage uses, so that both read "more than" alike.
 */
export function hedgeOf(phrase: string): { low: number; high: number } | undefined {
  return valueWordList().hedges[phrase];
}
/** Exact figures are rounded by whoever wrote them: allow half a percent. */
export const ROUNDING = 0.005;

/** Weekday (0 = Monday) of a name or abbreviation ("Tue."), from the time stage's lexicon. */
export function weekdayOf(word: string): number | null {
  const n = sharedResources().time.weekdays.get(word.toLowerCase().replace(/\.$/, ''));
  return n === undefined ? null : n - 1;
}

/** Month (0 = January) of a name or abbreviation ("Sept."), from the time stage's lexicon. */
export function monthOf(word: string): number | null {
  const n = sharedResources().time.months.get(word.toLowerCase().replace(/\.$/, ''));
  return n === undefined ? null : n - 1;
}

export interface NumberValue {
  value: number;
  low: number;
  high: number;
  unit: string | null;
  hedge: string | null;
}

/** A plain number token "1,700", "13.6", or a spelled-out one ("nine", "twenty"). */
export function numberOf(word: string): number | null {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(word)) return Number(word.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  const small = valueWordList().small[word.toLowerCase()];
  return small === undefined ? null : small;
}

export function isYear(word: string): boolean {
  return /^(1[89]\d\d|20\d\d|2100)$/.test(word);
}

/**
 * Reads a number phrase from words (already split into tokens): optional hedge, optional currency,
 * digits or number words, optional scale, optional percent. Returns null when there is no number.
 */
export function readNumber(words: readonly string[]): NumberValue | null {
  let hedge: string | null = null;
  let unit: string | null = null;
  let value: number | null = null;
  let scale = 1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lower = w.toLowerCase();
    const two = i + 1 < words.length ? `${lower} ${words[i + 1]!.toLowerCase()}` : '';
    if (value === null && hedgeOf(two)) {
      hedge = two;
      i++;
      continue;
    }
    if (value === null && hedgeOf(lower)) {
      hedge = lower;
      continue;
    }
    if (w === '$' || lower === 'usd' || lower === 'dollars' || lower === 'dollar') {
      unit = 'USD';
      continue;
    }
    if (w === '€' || lower === 'euros' || lower === 'eur') {
      unit = 'EUR';
      continue;
    }
    if (w === '£' || lower === 'pounds' || lower === 'gbp') {
      unit = 'GBP';
      continue;
    }
    if (w === '%' || lower === 'percent' || lower === 'per' || lower === 'cent' || lower === 'pct') {
      if (lower !== 'per') unit = '%';
      continue;
    }
    if (value !== null && valueWordList().scales[lower]) {
      scale *= valueWordList().scales[lower]!;
      continue;
    }
    const n = numberOf(w);
    if (n !== null) {
      if (value === null) value = n;
      else if (n === 100 && value < 100) value *= 100; // "three hundred"
      else if (value >= 20 && value % 10 === 0 && n < 10) value += n; // "twenty five"
      continue;
    }
  }
  if (value === null) return null;
  const v = value * scale;
  const h = hedge ? hedgeOf(hedge)! : { low: 1 - ROUNDING, high: 1 + ROUNDING };
  const a = v * h.low;
  const b = v * h.high;
  return { value: v, low: Math.min(a, b), high: Math.max(a, b), unit, hedge };
}

/** Two figures disagree when the intervals their hedges (or rounding) allow do not meet. */
export function numbersConflict(a: { low: number; high: number; value: number }, b: { low: number; high: number; value: number }): boolean {
  const widen = (x: { low: number; high: number; value: number }) => {
    // Exact figures (low === high) get the rounding slack that readNumber gives its own exact values.
    const slack = x.low === x.high ? Math.abs(x.value) * ROUNDING : 0;
    return { low: x.low - slack, high: x.high + slack };
  };
  const wa = widen(a);
  const wb = widen(b);
  return wa.high < wb.low || wb.high < wa.low;
}

export interface DateValue {
  weekday: number | null;
  month: number | null;
  day: number | null;
  year: number | null;
}

/** Reads a date phrase: "Tuesday", "Jan. 1", "December 31, 2019", "2001". Null when there is none. */
export function readDate(words: readonly string[]): DateValue | null {
  const d: DateValue = { weekday: null, month: null, day: null, year: null };
  let found = false;
  for (const w of words) {
    const wd = weekdayOf(w);
    if (wd !== null && /^\p{Lu}/u.test(w)) {
      d.weekday = wd;
      found = true;
      continue;
    }
    const m = monthOf(w);
    if (m !== null && /^\p{Lu}/u.test(w) && !(w.toLowerCase() === 'may' && w !== 'May')) {
      d.month = m;
      found = true;
      continue;
    }
    if (isYear(w)) {
      d.year = Number(w);
      found = true;
      continue;
    }
    if (/^\d{1,2}(st|nd|rd|th)?$/.test(w) && d.month !== null) {
      d.day = parseInt(w, 10);
      found = true;
    }
  }
  return found ? d : null;
}

/** Dates conflict when a field both state differs ("Tuesday" vs "Wednesday"; 2001 vs 2006). */
export function datesConflict(a: DateValue, b: DateValue): boolean {
  const fields: (keyof DateValue)[] = ['weekday', 'month', 'day', 'year'];
  return fields.some((f) => a[f] !== null && b[f] !== null && a[f] !== b[f]);
}

/** Significant digits of a figure as written ("43" in "$43 million": 2; "2,000": 1). */
export function significant(n: number): { digits: number; unit: number } {
  const abs = Math.abs(n);
  if (abs === 0 || !Number.isFinite(abs)) return { digits: 0, unit: 1 };
  let unit = 10 ** Math.floor(Math.log10(abs));
  // The place of the last non-zero digit (allowing for floating point).
  let digits = 1;
  for (let k = 0; k < 12; k++) {
    const r = abs / unit;
    if (Math.abs(r - Math.round(r)) < 1e-9 * Math.max(1, r)) break;
    unit /= 10;
    digits++;
  }
  return { digits: Math.max(digits, 1), unit };
}
