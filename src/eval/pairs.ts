import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../analyze.js';
import { compareArticles } from '../compare/index.js';
import type { Finding } from '../compare/types.js';
import { articleFromContent } from '../ingest/read-inputs.js';
import { ParallaxError } from '../model/errors.js';
import { toOriginalOffset, type Span } from '../model/document.js';
import { prf, round } from './prf.js';
import type { EvalTask } from './task.js';

interface GoldFinding {
  kind: string;
  a: Span;
  b: Span;
}
interface PairItem {
  id: string;
  a: { outlet: string; published?: string; text: string };
  b: { outlet: string; published?: string; text: string };
  conflicts: GoldFinding[];
  benign: GoldFinding[];
}
export interface PredictedConflict {
  kind: string;
  a: Span;
  b: Span;
}

const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

/** Maximum bipartite matching (augmenting paths): predicted i may match gold j when ok(i, j). */
export function maxMatching(nPred: number, nGold: number, ok: (i: number, j: number) => boolean): number {
  const goldOwner = new Array<number>(nGold).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < nGold; j++) {
      if (seen[j] || !ok(i, j)) continue;
      seen[j] = true;
      if (goldOwner[j] === -1 || tryAssign(goldOwner[j]!, seen)) {
        goldOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let i = 0; i < nPred; i++) if (tryAssign(i, new Array<boolean>(nGold).fill(false))) matched++;
  return matched;
}

/** The value spans of a cross-article conflict: its first evidence in a and its first in b. */
export function conflictSpans(f: Finding, aId: string, bId: string): PredictedConflict | null {
  if (f.kind !== 'conflict' || f.withinArticle) return null;
  const pick = (id: string) => f.evidence.find((e) => e.article === id && e.role === 'value') ?? f.evidence.find((e) => e.article === id);
  const ea = pick(aId);
  const eb = pick(bId);
  if (!ea || !eb) return null;
  return { kind: f.type ?? 'entity', a: { start: ea.start, end: ea.end }, b: { start: eb.start, end: eb.end } };
}

export interface PairsScore {
  f1: number;
  precision: number;
  recall: number;
  kindF1: number;
  perKind: Record<string, { precision: number; recall: number; f1: number; gold: number; predicted: number }>;
  benignFalseAlarmRate: number;
  n: number;
  gold: number;
  predicted: number;
}

/** Scores predictions as FORMATS.md says (overlap on both sides, one-to-one maximum matching). */
export function scorePairs(items: readonly PairItem[], predictions: ReadonlyMap<string, PredictedConflict[]>): PairsScore {
  let tp = 0, tpKind = 0, nPred = 0, nGold = 0, benign = 0, benignHit = 0;
  const kinds = new Set<string>();
  const perKindTp = new Map<string, number>();
  const perKindGold = new Map<string, number>();
  const perKindPred = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  for (const item of items) {
    const pred = predictions.get(item.id) ?? [];
    const gold = item.conflicts;
    nPred += pred.length;
    nGold += gold.length;
    const match = (p: PredictedConflict, g: GoldFinding) => overlaps(p.a, g.a) && overlaps(p.b, g.b);
    tp += maxMatching(pred.length, gold.length, (i, j) => match(pred[i]!, gold[j]!));
    tpKind += maxMatching(pred.length, gold.length, (i, j) => match(pred[i]!, gold[j]!) && pred[i]!.kind === gold[j]!.kind);
    for (const g of gold) {
      kinds.add(g.kind);
      bump(perKindGold, g.kind);
    }
    for (const p of pred) {
      kinds.add(p.kind);
      bump(perKindPred, p.kind);
    }
    for (const k of kinds) {
      const pk = pred.filter((p) => p.kind === k);
      const gk = gold.filter((g) => g.kind === k);
      bump(perKindTp, k, maxMatching(pk.length, gk.length, (i, j) => match(pk[i]!, gk[j]!)));
    }
    for (const b of item.benign) {
      benign++;
      if (pred.some((p) => match(p, b))) benignHit++;
    }
  }
  const micro = prf(tp, nPred - tp, nGold - tp);
  const kindScore = prf(tpKind, nPred - tpKind, nGold - tpKind);
  const perKind: PairsScore['perKind'] = {};
  for (const k of [...kinds].sort()) {
    const t = perKindTp.get(k) ?? 0;
    const g = perKindGold.get(k) ?? 0;
    const p = perKindPred.get(k) ?? 0;
    const s = prf(t, p - t, g - t);
    perKind[k] = { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), gold: g, predicted: p };
  }
  return {
    f1: round(micro.f1),
    precision: round(micro.precision),
    recall: round(micro.recall),
    kindF1: round(kindScore.f1),
    perKind,
    benignFalseAlarmRate: round(benign ? benignHit / benign : 0),
    n: items.length,
    gold: nGold,
    predicted: nPred,
  };
}

export function readPairs(file: string): PairItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as PairItem;
      } catch (e) {
        throw new ParallaxError('E_PARSE', `line ${i + 1}: ${(e as Error).message}`, file);
      }
    });
}

export const pairsTask: EvalTask = {
  name: 'pairs',
  description: 'cross-source comparison: conflicts between two versions of an article',
  defaultFile: 'pairs/basil-perturbed.jsonl',
  async run(file, options) {
    const items = readPairs(file).slice(0, options.limit ?? Infinity);
    const analyzer = createAnalyzer();
    const predictions = new Map<string, PredictedConflict[]>();
    const rows: unknown[] = [];
    for (const item of items) {
      const docs = (['a', 'b'] as const).map((side) =>
        analyzer.analyze(
          articleFromContent({ text: item[side].text }, { id: side, source: `${item.id}:${side}`, outlet: item[side].outlet, published: item[side].published ?? null }),
        ),
      );
      const comparison = compareArticles(docs);
      // Gold offsets index the text before cleaning: map ours back through the segments.
      const back = (doc: (typeof docs)[number], s: Span): Span => ({ start: toOriginalOffset(doc, s.start), end: toOriginalOffset(doc, s.end) });
      const preds = comparison.findings
        .map((f) => conflictSpans(f, 'a', 'b'))
        .filter((p): p is PredictedConflict => p !== null)
        .map((p) => ({ kind: p.kind, a: back(docs[0]!, p.a), b: back(docs[1]!, p.b) }));
      predictions.set(item.id, preds);
      rows.push({ id: item.id, conflicts: preds });
    }
    return { summary: { ...scorePairs(items, predictions) }, predictions: rows };
  },
};
