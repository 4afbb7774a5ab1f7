import type { Span, TimeExpression } from '../../model/document.js';
import type { Candidate, Side } from '../detectors/index.js';
import { refineLexicon } from './lexicon.js';
import type { Refiner } from './types.js';
import { weeksMeet } from '../facts/figures.js';

/** The period a figure is given over: a running total ("since June", "so far") and the times its clause names. */
export interface Scope {
  cumulative: boolean;
  /** Times of the clause coarser than a day ('2018', '2019-11', '2019-W52'): years, months, weeks. */
  periods: string[];
  /** The weeks among them named from the report's day, by how ('2019-W51' -> 'DCT-1W': "last week"). */
  weekFrom: Map<string, string>;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Years, months and weeks (not days: tallies of one event on two days are an update, not two scopes). */
function period(t: TimeExpression): string | null {
  if (t.type !== 'DATE') return null;
  return /^\d{4}(?:-(?:\d{2}|W\d{2}))?$/.test(t.value) ? t.value : null;
}

export function scopeOf(s: Side): Scope {
  const { article, value, context } = s;
  const text = article.text.slice(context.start, context.end);
  const lex = refineLexicon();
  const times = (article.layers.times ?? []).filter((t) => overlaps(t, context) && !overlaps(t, value));
  // "since" is a period only before a time ("since June"), not as "because".
  const since = /\bsince\s+(?:the\s+)?$/i;
  const sinceTime = times.some((t) => since.test(article.text.slice(Math.max(context.start, t.start - 12), t.start)));
  const cumulative = sinceTime || lex.cumulative.test(text.replace(/\bsince\b/gi, '')) || lex.span.test(text);
  const weekFrom = new Map(times.filter((t) => /^DCT/.test(t.symbolic ?? '') && /-W\d{2}$/.test(t.value)).map((t) => [t.value, t.symbolic!]));
  return { cumulative, periods: times.map(period).filter((p): p is string => p !== null), weekFrom };
}

function quantityAt(s: Side): number | null {
  const q = (s.article.layers.quantities ?? []).find((t) => overlaps(t, s.value));
  return q && q.unit === null && Number.isFinite(q.value) ? q.value : null;
}

/** Two counts within a tenth of each other (vague counts, which have no figure, and rates are never close). */
function close(x: Side, y: Side): boolean {
  const a = quantityAt(x);
  const b = quantityAt(y);
  if (a === null || b === null) return false;
  return Math.min(Math.abs(a), Math.abs(b)) >= 0.9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Two periods that can be one: one within the other ('2019' / '2019-11'; a week within its year), or two weeks that meet. */
function samePeriod(a: string, b: string, aFrom: ReadonlyMap<string, string>, bFrom: ReadonlyMap<string, string>): boolean {
  if (/-W\d{2}$/.test(a) && /-W\d{2}$/.test(b)) return weeksMeet(a, aFrom.get(a) ?? null, b, bFrom.get(b) ?? null);
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Figures given over different periods are two measures, not a disagreement: a running total against one
 * event's figure ("nearly 6,500 arrested since June" / "hundreds arrested" on the night), or two named
 * periods ("last year, 750,000 vehicles" / "in 2011, nearly 1.3 million").
 */
export function differentScopes(x: Side, y: Side): boolean {
  const a = scopeOf(x);
  const b = scopeOf(y);
  // (A total and a figure close to it are one tally told with and without "so far": "nearly 6,500
  // protesters have been arrested" / "the more than 6,500 people arrested so far".)
  if (a.cumulative !== b.cumulative && !close(x, y)) return true;
  if (a.periods.length && b.periods.length && !a.periods.some((p) => b.periods.some((q) => samePeriod(p, q, a.weekFrom, b.weekFrom)))) return true;
  return false;
}

export const scopeRefiner: Refiner = {
  name: 'scope',
  refine(candidates: readonly Candidate[]): Candidate[] {
    return candidates.filter((c) => !c.subject.startsWith('figure:') || c.sides.length !== 2 || !differentScopes(c.sides[0]!, c.sides[1]!));
  },
};

