// `parallax eval align FILE`: which English sentence says what each Russian sentence says (FORMATS.md,
// align), without translation: shared figures (digits read in each language's notation), names through
// cross-language keys (src/lang/xkey.ts), a small bilingual lexicon of news words (data/ru/lexicon-ru-en.json,
// written for Parallax), and length. Each document's sentence lists are shuffled with a fixed seed.
import { mulberry32 } from '../training/perceptron.js';
import { alignDocument, alignScore, enSentenceView, ruSentenceView, type SentenceView } from '../lang/sentence-align.js';
import { round } from './prf.js';
import type { EvalTask } from './task.js';
import { readJsonRecords } from '../ingest/json-lines.js';

export { alignDocument, assign, enSentenceView, ruSentenceView } from '../lang/sentence-align.js';

export const ALIGN_SEED = 20261207;

interface AlignItem {
  id: string;
  en: string[];
  ru: string[];
}

function shuffled(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export const alignTask: EvalTask = {
  name: 'align',
  description: 'Russian-English sentence alignment without translation (NTREX / WMT21, FORMATS.md align): top-1 accuracy within the document and across the file, numbers kept',
  defaultFile: 'ru/align/ntrex.jsonl',
  async run(file, options) {
    const items = readJsonRecords<AlignItem>(file, options.limit !== undefined ? { limit: options.limit } : {});
    const rand = mulberry32(ALIGN_SEED);
    let total = 0, correct = 0, lengthOnly = 0, enNumbers = 0, kept = 0;
    const predictions: unknown[] = [];
    const all: { doc: number; i: number; view: SentenceView }[] = [];
    const allEn: { doc: number; j: number; view: SentenceView }[] = [];
    items.forEach((item, d) => {
      // The system sees each list shuffled; indices in the predictions are into the unshuffled lists.
      const ruOrder = shuffled(item.ru.length, rand);
      const enOrder = shuffled(item.en.length, rand);
      const ruViews = ruOrder.map((i) => ruSentenceView(item.ru[i]!));
      const enViews = enOrder.map((j) => enSentenceView(item.en[j]!));
      const got = alignDocument(ruViews, enViews);
      const pairs = ruOrder.map((i, k) => ({ ru: i, en: got[k] === null ? null : enOrder[got[k]!]! }));
      pairs.sort((a, b) => a.ru - b.ru);
      for (const p of pairs) {
        total++;
        if (p.en === p.ru) correct++;
        const gold = item.en[p.ru];
        if (gold !== undefined) {
          const nums = enSentenceView(gold).numbers;
          enNumbers += nums.size;
          if (p.en !== null) {
            const ruNums = ruSentenceView(item.ru[p.ru]!).numbers;
            for (const x of enSentenceView(item.en[p.en]!).numbers) if (ruNums.has(x) && nums.has(x)) kept++;
          }
        }
      }
      // Baseline: length alone, one to one.
      const lenViews = (vs: SentenceView[]) => vs.map((v) => ({ numbers: new Set<number>(), names: new Set<string>(), concepts: new Set<string>(), cognates: new Set<string>(), length: v.length }));
      const base = alignDocument(lenViews(ruViews), lenViews(enViews));
      ruOrder.forEach((i, k) => { if (base[k] !== null && enOrder[base[k]!] === i) lengthOnly++; });
      predictions.push({ id: item.id, seed: ALIGN_SEED, pairs });
      ruOrder.forEach((i, k) => all.push({ doc: d, i, view: ruViews[k]! }));
      enOrder.forEach((j, k) => allEn.push({ doc: d, j, view: enViews[k]! }));
    });
    // Across the whole file: every English sentence of every document a candidate (no one-to-one).
    let corpusCorrect = 0;
    for (const r of all) {
      let best = allEn[0];
      let bestScore = -Infinity;
      for (const e of allEn) {
        const s = alignScore(r.view, e.view);
        if (s > bestScore) { bestScore = s; best = e; }
      }
      if (best && best.doc === r.doc && best.j === r.i) corpusCorrect++;
    }
    return {
      summary: {
        documents: items.length,
        sentences: total,
        seed: ALIGN_SEED,
        ...(options.limit ? { limit: options.limit } : {}),
        accuracy: round(correct / Math.max(1, total)),
        corpusAccuracy: round(corpusCorrect / Math.max(1, total)),
        numbersKept: round(kept / Math.max(1, enNumbers)),
        baselines: { lengthOnly: round(lengthOnly / Math.max(1, total)) },
      },
      predictions,
    };
  },
};
