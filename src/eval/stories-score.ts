// Clustering scores: B-cubed precision/recall averaged over items (Bagga & Baldwin), and pairwise F1.
import { f1Of, prf } from './prf.js';

export interface ClusterScore {
  f1: number;
  precision: number;
  recall: number;
  pairwiseF1: number;
  clusters: number;
  goldClusters: number;
}

export function scoreClusters(gold: string[], predicted: string[]): ClusterScore {
  const n = gold.length;
  const joint = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    joint.set(g + '\u0000' + p, (joint.get(g + '\u0000' + p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(gold[i]! + '\u0000' + predicted[i]!)!;
    precision += both / predSize.get(predicted[i]!)!;
    recall += both / goldSize.get(gold[i]!)!;
  }
  precision = n ? precision / n : 1;
  recall = n ? recall / n : 1;
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const tp = pairs(joint);
  const pw = prf(tp, pairs(predSize) - tp, pairs(goldSize) - tp);
  return { f1: f1Of(precision, recall), precision, recall, pairwiseF1: pw.f1, clusters: predSize.size, goldClusters: goldSize.size };
}
