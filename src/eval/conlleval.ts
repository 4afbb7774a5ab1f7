import { round, prf } from './prf.js';
import { spansOf, type ConllDoc } from '../annotate/entities/tagger/conll.js';

/** Entity-level exact-match counts (conlleval): same type, same first and last token. */
export class ConllScorer {
  private counts = new Map<string, { tp: number; fp: number; fn: number }>();
  private get(type: string) {
    let c = this.counts.get(type);
    if (!c) this.counts.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  }
  add(doc: Pick<ConllDoc, 'gold' | 'sentences'>, pred: ArrayLike<number>): void {
    for (const s of doc.sentences) {
      const g = spansOf(doc.gold, s.start, s.end);
      const p = spansOf(pred, s.start, s.end);
      const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
      const gold = new Set(g.map(key));
      for (const x of p) {
        if (gold.has(key(x))) this.get(x.type).tp++;
        else this.get(x.type).fp++;
      }
      const predSet = new Set(p.map(key));
      for (const x of g) if (!predSet.has(key(x))) this.get(x.type).fn++;
    }
  }
  summary(): { f1: number; precision: number; recall: number; perType: Record<string, { f1: number; precision: number; recall: number; gold: number; predicted: number }> } {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const perType: Record<string, { f1: number; precision: number; recall: number; gold: number; predicted: number }> = {};
    for (const [type, c] of [...this.counts].sort()) {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
      const r = prf(c.tp, c.fp, c.fn);
      perType[type] = { f1: round(r.f1), precision: round(r.precision), recall: round(r.recall), gold: c.tp + c.fn, predicted: c.tp + c.fp };
    }
    const r = prf(tp, fp, fn);
    return { f1: round(r.f1), precision: round(r.precision), recall: round(r.recall), perType };
  }
}
