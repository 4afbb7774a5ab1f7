import type { QuantityLexicon } from './lexicon.js';
import { readNumber, type NumberRead } from './numbers.js';
import type { TokenView } from './token-view.js';

/** A figure found in the text, before what it counts is attached (token ranges, end exclusive). */
export interface Figure {
  /** First token of the hedge, or of the figure when there is none. */
  first: number;
  /** First token of the figure itself (currency or number). */
  core: number;
  end: number;
  value: number;
  low: number;
  high: number;
  unit: string | null;
  hedge: string | null;
  kind: 'level' | 'increase' | 'decrease' | 'multiple' | 'ratio';
  /** Which rule made it (provenance, as chrono's tags). */
  via: string;
  /** A vote tally or score ("234-193", "5-3"): both sides; `value` is the first. */
  tally?: { for: number; against: number };
}

/** Words that make "N to M" a tally ("voted 234 to 193", "by a vote of 234 to 193", "passed 68 to 32"). */
const TALLY_CONTEXT = new Set(['vote', 'votes', 'voted', 'margin', 'passed', 'approved', 'rejected', 'won', 'lost', 'beat', 'defeated', 'score', 'ruling', 'decision', 'tally', 'split']);
/** Possessives and determiners before a small spelled number: a reference ("the two sides"), not a figure. */
const DEFINITE = new Set(['the', 'these', 'those', 'both', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'all']);

const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
const CLOCK = new Set(['a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc']);
const MULTIPLE_FOLLOW = new Set(['as', 'more', 'the', 'higher', 'larger', 'bigger', 'greater', 'that', 'what', 'faster', 'less', 'lower', 'smaller', 'over']);
const DETERMINERS = new Set(['the', 'its', 'their', 'that', 'this', 'his', 'her', 'our', 'in', 'from', 'to', 'since', 'over']);
const ONE_BLOCKERS = new Set(['the', 'no', 'any', 'every', 'each', 'this', 'that', 'which', 'another', 'such', 'only', 'no-', 'anyone', 'someone']);
const CHANGE_SKIP = new Set(['by', 'another', 'an', 'a', 'additional', 'further', 'extra', 'of', 'nearly', 'almost', 'some', 'about', 'around', 'roughly', 'just', 'more', 'than', 'over', 'only']);
const AFTER_INCREASE = new Set(['increase', 'rise', 'growth', 'jump', 'gain', 'hike', 'surge', 'climb', 'increases', 'rises', 'gains', 'higher', 'more']);
const AFTER_DECREASE = new Set(['decrease', 'drop', 'fall', 'decline', 'cut', 'reduction', 'loss', 'slump', 'plunge', 'lower', 'less', 'fewer', 'dip', 'contraction']);
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”']);

export interface FigureOptions {
  lex: QuantityLexicon;
  /** Month names and abbreviations: numbers next to them are dates, not quantities. */
  months: ReadonlySet<string>;
}

/** Reads currency + number + scale + unit starting at token i; null when there is no figure there. */
function readCore(view: TokenView, o: FigureOptions, i: number): { read: NumberRead; currency: string | null; unit: string | null; core: number; end: number; multiple: boolean } | null {
  const { lex } = o;
  let j = i;
  let currency: string | null = null;
  const w = view.words[i]!;
  const lw = view.lower[i]!;
  if (view.tokens[i]!.kind === 'symbol' || w === '$') {
    currency = lex.currencySymbols.get(w) ?? null;
    if (currency) j = i + 1;
  } else if (lex.currencyPrefixes.has(lw) && view.words[i + 1] !== undefined && lex.currencySymbols.has(view.words[i + 1]!) && view.tokens[i]!.end === view.tokens[i + 1]!.start && w === w.toUpperCase()) {
    currency = lex.currencyPrefixes.get(lw)!;
    j = i + 2;
  } else if (lex.currencyCodes.has(lw) && (w === w.toUpperCase() || lw.startsWith('dlr')) && view.tokens[i + 1]?.kind === 'number') {
    currency = lex.currencyCodes.get(lw)!;
    j = i + 1;
  } else if (lex.currencyAbbreviations.has(lw) && /^\p{Lu}/u.test(w)) {
    // "Rs 25 lakh", "Rs. 3,000", "Rs 3-crore".
    const k = view.words[i + 1] === '.' ? i + 2 : i + 1;
    if (view.tokens[k]?.kind === 'number') {
      currency = lex.currencyAbbreviations.get(lw)!;
      j = k;
    }
  }
  const read = readNumber(view, lex, j, currency !== null);
  if (!read) return null;
  let end = read.end;
  let unit: string | null = currency;
  let multiple = false;
  const l1 = view.lower[end];
  const l2 = l1 !== undefined && view.lower[end + 1] !== undefined ? l1 + ' ' + view.lower[end + 1] : undefined;
  if (view.words[end] === '%') {
    unit = '%';
    end++;
  } else if (l2 !== undefined && lex.percentWords.has(l2)) {
    unit = lex.percentWords.get(l2)!;
    end += 2;
  } else if (l1 !== undefined && lex.percentWords.has(l1)) {
    unit = lex.percentWords.get(l1)!;
    end++;
  } else if (!currency && l2 !== undefined && lex.currencyWords.has(l2)) {
    unit = lex.currencyWords.get(l2)!;
    end += 2;
  } else if (!currency && l1 !== undefined && lex.currencyWords.has(l1)) {
    unit = lex.currencyWords.get(l1)!;
    end++;
  } else if (!currency && l1 !== undefined && lex.currencyCodes.has(l1) && view.words[end] === view.words[end]!.toUpperCase()) {
    unit = lex.currencyCodes.get(l1)!;
    end++;
  } else if (!currency && l2 !== undefined && lex.units.has(l2)) {
    unit = lex.units.get(l2)!;
    end += 2;
  } else if (!currency && l1 !== undefined && lex.units.has(l1)) {
    unit = lex.units.get(l1)!;
    end++;
  } else if (!currency && l1 === 'times' && MULTIPLE_FOLLOW.has(view.lower[end + 1] ?? '')) {
    multiple = true;
    end++;
  }
  return { read, currency, unit, core: i, end, multiple };
}

/** A number that is part of a date, a clock time, a year, an ordinal or a duration is not a quantity. */
function isNotAQuantity(view: TokenView, o: FigureOptions, c: NonNullable<ReturnType<typeof readCore>>): boolean {
  if (c.currency || c.unit) return false;
  const { read } = c;
  const after = view.lower[read.end];
  const prev = view.lower[read.first - 1];
  const prev2 = view.lower[read.first - 2];
  if (after !== undefined && ORDINAL_SUFFIX.has(after) && view.tokens[read.end - 1]!.end === view.tokens[read.end]!.start) return true;
  if (read.digits !== null) {
    if (/^\d{4}$/.test(read.digits) && read.value >= 1000 && read.value < 2200) return true; // a year
    if (after === 's' && view.tokens[read.end - 1]!.end === view.tokens[read.end]!.start) return true; // "1990s"
    if (after === ':' || (after !== undefined && CLOCK.has(after))) return true;
    if (prev !== undefined && o.months.has(prev)) return true;
    if (prev === '.' && prev2 !== undefined && o.months.has(prev2)) return true;
    if (after !== undefined && o.months.has(after)) return true;
    if (after === 'of' && o.months.has(view.lower[read.end + 1] ?? '')) return true;
    if (prev === ':' || prev === '/' || after === '/') return true;
  }
  // Durations and ages belong to the time stage: "two weeks", "10-year", "three days".
  let k = read.end;
  if (view.words[k] === '-' || view.words[k] === '‐') k++;
  if (o.lex.timeUnits.has(view.lower[k] ?? '')) return true;
  if (read.spelled && read.value === 1 && read.end - read.first === 1) {
    if (prev !== undefined && ONE_BLOCKERS.has(prev)) return true;
    const next = view.tokens[read.end];
    if (!next || next.kind !== 'word' || after === 'of' || after === 'another' || after === 'in' || after === 'day') return true;
  }
  return false;
}

function hedgeBefore(view: TokenView, o: FigureOptions, i: number, sentFirst: number): { hedge: string; first: number; factors: readonly [number, number] } | null {
  for (const len of [3, 2, 1]) {
    const s = i - len;
    if (s < sentFirst) continue;
    const key = view.lower.slice(s, i).join(' ');
    const f = o.lex.hedges.get(key);
    if (f) return { hedge: key, first: s, factors: f };
  }
  return null;
}

function kindOf(view: TokenView, o: FigureOptions, first: number, end: number, sentFirst: number): Figure['kind'] {
  const { lex } = o;
  const next = view.lower[end];
  if (next !== undefined && AFTER_INCREASE.has(next) && (view.lower[end + 1] === 'in' || view.lower[end + 1] === 'from' || view.lower[end + 1] === 'on' || view.lower[end + 1] === 'over' || view.lower[end + 1] === 'than' || next === 'increase' || next === 'rise' || next === 'growth' || next === 'jump' || next === 'gain')) return 'increase';
  if (next !== undefined && AFTER_DECREASE.has(next) && (view.lower[end + 1] === 'in' || view.lower[end + 1] === 'from' || view.lower[end + 1] === 'than' || next === 'decrease' || next === 'drop' || next === 'fall' || next === 'decline' || next === 'reduction' || next === 'cut')) return 'decrease';
  let k = first - 1;
  while (k >= sentFirst && k >= first - 3 && CHANGE_SKIP.has(view.lower[k]!)) k--;
  if (k < sentFirst) return 'level';
  const w = view.lower[k]!;
  if (lex.increaseVerbs.has(w)) return 'increase';
  if (lex.decreaseVerbs.has(w)) return 'decrease';
  return 'level';
}

/** Candidate figures in one sentence (token range), left to right, non-overlapping. */
export function findFigures(view: TokenView, o: FigureOptions, sentFirst: number, sentEnd: number): Figure[] {
  const out: Figure[] = [];
  const { lex } = o;
  for (let i = sentFirst; i < sentEnd; i++) {
    const lw = view.lower[i]!;
    // Multiples written as one word: "threefold", "tripled", "almost triple the figure".
    const mult = lex.multiples.get(lw);
    // "doubled down on her criticism": an idiom, not a multiple.
    if (mult !== undefined && view.lower[i + 1] === 'down') continue;
    if (mult !== undefined && mult >= 2) {
      const base = lw === 'double' || lw === 'triple' || lw === 'quadruple';
      const h = hedgeBefore(view, o, i, sentFirst);
      const nextW = view.lower[i + 1] ?? '';
      if (!base || DETERMINERS.has(nextW) || h || view.lower[i - 1] === 'to') {
        const [lo, hi] = h ? h.factors : [1, 1];
        out.push({ first: h ? h.first : i, core: i, end: i + 1, value: mult, low: mult * lo, high: mult * hi, unit: null, hedge: h?.hedge ?? null, kind: 'multiple', via: 'multiple-word' });
      }
      continue;
    }
    const t = view.tokens[i]!;
    if (t.kind !== 'number' && t.kind !== 'symbol' && t.kind !== 'word') continue;
    const c = readCore(view, o, i);
    if (!c) continue;
    if (c.end > sentEnd) continue;
    if (isNotAQuantity(view, o, c)) {
      i = c.read.end - 1;
      continue;
    }
    // "No. 10-277" (a docket), "1-800-577-TIPS" (a phone number): labels, not quantities.
    const dashChain = (view.words[c.end] === '-' && view.tokens[c.end + 1]?.kind === 'number' && (view.words[c.end + 2] === '-' || view.lower[i - 1] === '.' && view.lower[i - 2] === 'no'));
    if (dashChain || ((view.lower[i - 1] === 'no.' || (view.lower[i - 1] === '.' && view.lower[i - 2] === 'no')) && !c.unit)) {
      let k = c.end;
      while (k < sentEnd && (view.words[k] === '-' || view.tokens[k]!.kind === 'number' || (view.tokens[k]!.kind === 'word' && view.words[k] === view.words[k]!.toUpperCase() && view.tokens[k - 1]!.end === view.tokens[k]!.start))) k++;
      i = k - 1;
      continue;
    }
    // "the two sides", "their three children", "One provision would ...": a small spelled number used as a
    // determiner refers to things, it does not give a figure.
    if (c.read.spelled && !c.unit && c.read.value <= 12 && c.read.end - c.read.first === 1 && ((i > sentFirst && DEFINITE.has(view.lower[i - 1]!)) || (i === sentFirst && c.read.value === 1 && view.tokens[c.end]?.kind === 'word'))) {
      i = c.end - 1;
      continue;
    }
    let { value } = c.read;
    let low = value;
    let high = value;
    let unit = c.unit;
    let end = c.end;
    let via = c.read.spelled ? 'spelled' : c.currency ? 'currency' : 'digits';
    // Ranges: "$3-4 billion", "between 10 and 20 percent", "3 to 5 percent".
    const conn = view.lower[end];
    // A tally or score: "234-193", "a 5-3 ruling", "voted 68 to 32": two whole counts, the first not smaller.
    if (!c.unit && !c.read.spelled && Number.isInteger(value) && (conn === '-' || conn === '–' || conn === 'to') && view.tokens[end + 1]?.kind === 'number' && end + 1 < sentEnd) {
      const c2 = readCore(view, o, end + 1);
      const b = c2?.read.value;
      let context = conn !== 'to';
      for (let k = Math.max(sentFirst, i - 4); k < Math.min(sentEnd, (c2?.end ?? end) + 2) && !context; k++) if (TALLY_CONTEXT.has(view.lower[k]!)) context = true;
      const joinedDash = conn !== 'to' && view.tokens[end - 1]!.end === view.tokens[end]!.start && view.tokens[end]!.end === view.tokens[end + 1]!.start;
      if (c2 && !c2.unit && !c2.read.spelled && b !== undefined && Number.isInteger(b) && b <= value && context && (conn === 'to' || joinedDash) && view.words[c2.end] !== '-') {
        out.push({ first: i, core: i, end: c2.end, value, low: value, high: value, unit: null, hedge: null, kind: 'level', via: 'tally', tally: { for: value, against: b } });
        i = c2.end - 1;
        continue;
      }
    }
    const between = view.lower[i - 1] === 'between' || (view.lower[i - 1] === '$' && view.lower[i - 2] === 'between');
    const afterFrom = view.lower[i - 1] === 'from';
    if (conn === '-' || conn === '–' || conn === '—' || (conn === 'and' && between) || (conn === 'to' && !afterFrom)) {
      const c2 = end + 1 < sentEnd ? readCore(view, o, end + 1) : null;
      if (c2 && c2.end <= sentEnd && !c2.multiple) {
        const sameUnit = c2.unit === unit || unit === null || (c2.unit === null && conn !== 'to');
        const changeBefore = kindOf(view, o, i, end, sentFirst) !== 'level';
        if (sameUnit && !(conn === 'to' && (changeBefore || unit === null && c2.unit !== null && c2.unit !== '%' && !c2.currency))) {
          let a = value;
          const b = c2.read.value;
          // "3 to 4 billion": the first number takes the second's scale when it has none of its own.
          const scaleOf = (r: NumberRead) => lex.scales.get(view.lower[r.end - 1] ?? '') ?? lex.shortScales.get(view.lower[r.end - 1] ?? '');
          const sc = scaleOf(c2.read);
          if (sc !== undefined && scaleOf(c.read) === undefined && a * sc <= b) a *= sc;
          if (a <= b) {
            low = a;
            high = b;
            value = (a + b) / 2;
            unit = c2.unit ?? unit;
            end = c2.end;
            via = 'range';
          }
        }
      }
    }
    const h = hedgeBefore(view, o, i, sentFirst);
    let kind: Figure['kind'] = c.multiple ? 'multiple' : kindOf(view, o, h ? h.first : i, end, sentFirst);
    if (h && via !== 'range') {
      low = value * h.factors[0];
      high = value * h.factors[1];
    }
    if (c.multiple) unit = null;
    out.push({ first: h ? h.first : i, core: i, end, value, low, high, unit, hedge: h?.hedge ?? null, kind, via });
    i = end - 1;
  }
  return out;
}

export { CLAUSE_BREAK };
