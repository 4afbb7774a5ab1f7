// Spans of a layer looked up by position: per-clause or per-sentence filters over a whole layer cost
// (clauses x items), minutes on a 2 MB article; a sorted index makes each lookup a binary search plus
// the few items near the span.
import type { Span } from '../model/document.js';

export interface SpanIndex {
  /** Indexes (ascending) of the items lying inside the span: start >= span.start and end <= span.end. */
  inside(span: Span): number[];
  /** Indexes (ascending) of the items overlapping the span: start < span.end and end > span.start. */
  overlapping(span: Span): number[];
}

export function spanIndex(items: readonly Span[] | undefined): SpanIndex {
  const list = items ?? [];
  const order = list.map((_, i) => i).sort((a, b) => list[a]!.start - list[b]!.start || a - b);
  const starts = order.map((i) => list[i]!.start);
  // The longest item bounds how far before a span an overlapping item can start.
  let longest = 0;
  for (const x of list) longest = Math.max(longest, x.end - x.start);
  /** First position in `order` whose start is >= at. */
  const firstFrom = (at: number) => lowerBound(starts.length, (k) => starts[k]! < at);
  const collect = (from: number, keep: (x: Span) => boolean, stop: (start: number) => boolean) => {
    const out: number[] = [];
    for (let k = from; k < order.length && !stop(starts[k]!); k++) if (keep(list[order[k]!]!)) out.push(order[k]!);
    return out.sort((a, b) => a - b);
  };
  return {
    inside: (span) => collect(firstFrom(span.start), (x) => x.end <= span.end, (start) => start > span.end),
    overlapping: (span) => collect(firstFrom(span.start - longest), (x) => x.start < span.end && x.end > span.start, (start) => start >= span.end),
  };
}

/** First index in [0, length) at which `before(i)` is false, for a `before` that is true and then false along a sorted list. */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The furthest end reached by the spans that start before a position (or at it, with `orAt`), -Infinity when
 * none: whether any span overlaps or covers another is then one binary search, not a scan of the spans.
 */
export function reachIndex(items: readonly Span[]): (at: number, orAt?: boolean) => number {
  const byStart = [...items].sort((x, y) => x.start - y.start);
  const reach: number[] = [];
  for (const x of byStart) reach.push(Math.max(x.end, reach[reach.length - 1] ?? -Infinity));
  return (at, orAt = false) => {
    const n = lowerBound(byStart.length, orAt ? (i) => byStart[i]!.start <= at : (i) => byStart[i]!.start < at);
    return n > 0 ? reach[n - 1]! : -Infinity;
  };
}
