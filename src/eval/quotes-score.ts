import { prf, round } from './prf.js';

export interface Span {
  start: number;
  end: number;
}

export interface Attribution {
  source: (Span & { text?: string }) | null;
  cue: Span | null;
  content: Span[];
  /** Predictions: the name of the entity the speaker resolves to (pronouns included), when there is one. */
  speakerName?: string | null;
}

/** Capitalised words that are no name ("The president", "He"). */
const NOT_NAMES = new Set(['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'some', 'many', 'most', 'one', 'two', 'three', 'both', 'all', 'other', 'others', 'another', 'who', 'which', 'but', 'and', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'former', 'new', 'according', 'in', 'as', 'if', 'when', 'our', 'my', 'your']);

/** The name words of a speaker phrase, lower-cased: its capitalised words that are no determiner, pronoun or title. */
export function nameWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}’'-]*/gu)) {
    const w = m[0].toLowerCase().replace(/[’']s$/, '');
    if (!NOT_NAMES.has(w)) out.push(w);
  }
  return out;
}

/** Merged, sorted intervals: the set of characters of some spans. */
export function charSet(spans: readonly Span[]): Span[] {
  const s = spans.filter((x) => x.end > x.start).map((x) => ({ start: x.start, end: x.end })).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push(x);
  }
  return out;
}

export function size(set: readonly Span[]): number {
  let n = 0;
  for (const x of set) n += x.end - x.start;
  return n;
}

export function intersection(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!.start, b[j]!.start);
    const hi = Math.min(a[i]!.end, b[j]!.end);
    if (hi > lo) n += hi - lo;
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return n;
}

const EDGE = /[\s\p{P}]/u;

/** Each span trimmed of whitespace and punctuation at its ends (for the exact score). */
function trimmedSet(text: string, spans: readonly Span[]): string {
  const t = spans
    .map((s) => {
      let a = s.start;
      let b = s.end;
      while (a < b && EDGE.test(text[a]!)) a++;
      while (b > a && EDGE.test(text[b - 1]!)) b--;
      return { start: a, end: b };
    })
    .filter((s) => s.end > s.start);
  return charSet(t)
    .map((s) => `${s.start}-${s.end}`)
    .join(',');
}

export interface QuoteCounts {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  speakerCorrect: number;
  /** Matched pairs whose gold source is a name, and those whose predicted speaker is that entity. */
  named: number;
  entityCorrect: number;
}

export function emptyQuoteCounts(): QuoteCounts {
  return { gold: 0, predicted: 0, matched: 0, exact: 0, speakerCorrect: 0, named: 0, entityCorrect: 0 };
}

function overlapsSpan(a: Span | null, b: Span | null): boolean {
  if (!a || !b) return false;
  return a.start < b.end && b.start < a.end;
}

/**
 * PolNeAR scoring (FORMATS.md): contents as character sets; a pair matches when overlap/union >= 0.3,
 * matched one-to-one greedily by descending ratio, then overlap. Exact: identical trimmed sets (matched
 * one-to-one too). Speaker: matched pairs whose sources overlap, or are both null.
 */
export function scoreQuotesDoc(text: string, gold: readonly Attribution[], pred: readonly Attribution[], into: QuoteCounts, threshold = 0.3): void {
  into.gold += gold.length;
  into.predicted += pred.length;
  const gs = gold.map((g) => charSet(g.content));
  const ps = pred.map((p) => charSet(p.content));
  const pairs: { g: number; p: number; ratio: number; ov: number }[] = [];
  for (let g = 0; g < gs.length; g++) {
    const gsize = size(gs[g]!);
    const gFirst = gs[g]![0]?.start ?? 0;
    const gLast = gs[g]![gs[g]!.length - 1]?.end ?? 0;
    for (let p = 0; p < ps.length; p++) {
      const pFirst = ps[p]![0]?.start ?? 0;
      const pLast = ps[p]![ps[p]!.length - 1]?.end ?? 0;
      if (pLast <= gFirst || gLast <= pFirst) continue;
      const ov = intersection(gs[g]!, ps[p]!);
      if (ov === 0) continue;
      const ratio = ov / (gsize + size(ps[p]!) - ov);
      if (ratio >= threshold) pairs.push({ g, p, ratio, ov });
    }
  }
  pairs.sort((a, b) => b.ratio - a.ratio || b.ov - a.ov);
  const ug = new Set<number>();
  const up = new Set<number>();
  for (const { g, p } of pairs) {
    const p_ = p;
    if (ug.has(g) || up.has(p)) continue;
    ug.add(g);
    up.add(p);
    into.matched++;
    const gsrc = gold[g]!.source;
    const psrc = pred[p]!.source;
    if ((gsrc === null && psrc === null) || overlapsSpan(gsrc, psrc)) into.speakerCorrect++;
    // Speaker entity: where the gold source is a name, the predicted speaker (its resolved entity's name, else
    // its words) shares a name word with it ("he" resolved to Donald Trump for gold "Mr. Trump").
    const goldNames = gsrc ? nameWords(gsrc.text ?? text.slice(gsrc.start, gsrc.end)) : [];
    if (goldNames.length > 0) {
      into.named++;
      const p = pred[p_]!;
      const said = p.speakerName ?? (p.source ? text.slice(p.source.start, p.source.end) : '');
      const predNames = new Set(nameWords(said));
      if (goldNames.some((w) => predNames.has(w))) into.entityCorrect++;
    }
  }
  // Exact: identical trimmed character sets, one-to-one.
  const goldKeys = new Map<string, number>();
  for (const g of gold) {
    const k = trimmedSet(text, g.content);
    goldKeys.set(k, (goldKeys.get(k) ?? 0) + 1);
  }
  for (const p of pred) {
    const k = trimmedSet(text, p.content);
    const n = goldKeys.get(k) ?? 0;
    if (n > 0 && k !== '') {
      into.exact++;
      goldKeys.set(k, n - 1);
    }
  }
}

export function summarizeQuotes(c: QuoteCounts): Record<string, number> {
  const overlap = prf(c.matched, c.predicted - c.matched, c.gold - c.matched);
  const exact = prf(c.exact, c.predicted - c.exact, c.gold - c.exact);
  return {
    f1: round(overlap.f1),
    precision: round(overlap.precision),
    recall: round(overlap.recall),
    exactF1: round(exact.f1),
    exactPrecision: round(exact.precision),
    exactRecall: round(exact.recall),
    speakerAccuracy: round(c.matched === 0 ? 0 : c.speakerCorrect / c.matched),
    speakerEntityAccuracy: round(c.named === 0 ? 0 : c.entityCorrect / c.named),
    namedSpeakers: c.named,
    gold: c.gold,
    predicted: c.predicted,
    matched: c.matched,
  };
}
