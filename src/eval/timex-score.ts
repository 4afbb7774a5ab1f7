import { prf, round } from './prf.js';

export interface TimexSpan {
  start: number;
  end: number;
  type?: string;
  value?: string;
}

const EDGE = /[\s\p{P}]/u;

function trimmed(text: string, s: TimexSpan): [number, number] {
  let a = s.start;
  let b = s.end;
  while (a < b && EDGE.test(text[a]!)) a++;
  while (b > a && EDGE.test(text[b - 1]!)) b--;
  return [a, b];
}

export interface TimexCounts {
  gold: number;
  predicted: number;
  relaxed: number;
  strict: number;
  valueCorrect: number;
  typeCorrect: number;
}

export function emptyCounts(): TimexCounts {
  return { gold: 0, predicted: 0, relaxed: 0, strict: 0, valueCorrect: 0, typeCorrect: 0 };
}

/**
 * TempEval-3 style matching by characters (FORMATS.md): one-to-one, greedily by descending overlap;
 * relaxed = any overlap, strict = identical offsets after trimming whitespace and punctuation.
 */
export function scoreTimexDoc(text: string, gold: readonly TimexSpan[], pred: readonly TimexSpan[], into: TimexCounts): void {
  into.gold += gold.length;
  into.predicted += pred.length;
  const pairs: { g: number; p: number; ov: number }[] = [];
  // Spans are few per document and sorted; the pair scan stays cheap by skipping spans that end before.
  for (let g = 0; g < gold.length; g++) {
    const gs = gold[g]!;
    for (let p = 0; p < pred.length; p++) {
      const ps = pred[p]!;
      const ov = Math.min(gs.end, ps.end) - Math.max(gs.start, ps.start);
      if (ov > 0) pairs.push({ g, p, ov });
    }
  }
  pairs.sort((a, b) => b.ov - a.ov);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    into.relaxed++;
    const gs = gold[g]!;
    const ps = pred[p]!;
    const [ga, gb] = trimmed(text, gs);
    const [pa, pb] = trimmed(text, ps);
    if (ga === pa && gb === pb) into.strict++;
    if (gs.value !== undefined && gs.value === ps.value) into.valueCorrect++;
    if (gs.type !== undefined && gs.type === ps.type) into.typeCorrect++;
  }
}

export function summarizeTimex(c: TimexCounts): Record<string, number> {
  const relaxed = prf(c.relaxed, c.predicted - c.relaxed, c.gold - c.relaxed);
  const strict = prf(c.strict, c.predicted - c.strict, c.gold - c.strict);
  const value = prf(c.valueCorrect, c.predicted - c.valueCorrect, c.gold - c.valueCorrect);
  return {
    f1: round(relaxed.f1),
    precision: round(relaxed.precision),
    recall: round(relaxed.recall),
    strictF1: round(strict.f1),
    strictPrecision: round(strict.precision),
    strictRecall: round(strict.recall),
    valueAccuracy: round(c.relaxed === 0 ? 0 : c.valueCorrect / c.relaxed),
    valueF1: round(value.f1),
    typeAccuracy: round(c.relaxed === 0 ? 0 : c.typeCorrect / c.relaxed),
    gold: c.gold,
    predicted: c.predicted,
  };
}
