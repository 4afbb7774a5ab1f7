// `parallax eval align FILE`: which English sentence says what each Russian sentence says (FORMATS.md,
// align), without translation: shared figures (digits read in each language's notation), names through
// cross-language keys (src/lang/xkey.ts), a small bilingual lexicon of news words (data/ru/lexicon-ru-en.json,
// written for Parallax), and length. Each document's sentence lists are shuffled with a fixed seed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import { mulberry32 } from '../training/perceptron.js';
import { foldRu, parseRuNumber } from '../annotate/ru/normalize.js';
import { stemRu } from '../annotate/ru/stem.js';
import { crossLanguageKey, phoneticSkeleton, transliterateRu } from '../lang/xkey.js';
import { repoRoot } from '../shared-paths.js';
import { round } from './prf.js';
import type { EvalTask } from './task.js';
import { readJsonRecords } from '../ingest/json-lines.js';

export const ALIGN_SEED = 20261207;

interface AlignItem {
  id: string;
  en: string[];
  ru: string[];
}

export interface SentenceView {
  numbers: Set<number>;
  names: Set<string>;
  concepts: Set<string>;
  /** Skeletons of long words: cognates and loanwords (парламента / parliament, коронавирус / coronavirus). */
  cognates: Set<string>;
  length: number;
}

let lexicon: Map<string, string> | null = null;
function ruToEn(): Map<string, string> {
  if (lexicon) return lexicon;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'lexicon-ru-en.json'), 'utf8')) as { pairs: [string, string][] };
  lexicon = new Map();
  for (const [ru, en] of raw.pairs) lexicon.set(stemRu(ru), stemmer(en.toLowerCase()));
  return lexicon;
}

const RU_NUMBER = /\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?/g;
const EN_NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/g;

export function ruSentenceView(s: string): SentenceView {
  const lex = ruToEn();
  const numbers = new Set<number>();
  for (const m of s.matchAll(RU_NUMBER)) {
    const v = parseRuNumber(m[0]);
    if (Number.isFinite(v)) numbers.add(v);
  }
  const names = new Set<string>();
  const concepts = new Set<string>();
  const cognates = new Set<string>();
  for (const m of s.matchAll(/[\p{L}]+(?:-[\p{L}]+)*/gu)) {
    const w = m[0];
    if (/^\p{Lu}/u.test(w) && w.length > 1) names.add(crossLanguageKey(w, 'LOC'));
    const stem = stemRu(foldRu(w));
    const c = lex.get(stem);
    if (c) concepts.add(c);
    if (stem.length >= 5) cognates.add(phoneticSkeleton(transliterateRu(stem)));
  }
  return { numbers, names, concepts, cognates, length: s.length };
}

export function enSentenceView(s: string): SentenceView {
  const numbers = new Set<number>();
  for (const m of s.matchAll(EN_NUMBER)) numbers.add(Number(m[0].replace(/,/g, '')));
  const names = new Set<string>();
  const concepts = new Set<string>();
  const cognates = new Set<string>();
  for (const m of s.matchAll(/[\p{L}]+(?:['’-][\p{L}]+)*/gu)) {
    const w = m[0];
    if (/^\p{Lu}/u.test(w) && w.length > 1) names.add(crossLanguageKey(w, 'LOC'));
    const stem = stemmer(w.toLowerCase());
    concepts.add(stem);
    if (w.length >= 5) {
      cognates.add(phoneticSkeleton(w));
      cognates.add(phoneticSkeleton(stem));
    }
  }
  return { numbers, names, concepts, cognates, length: s.length };
}

const shared = <T>(a: Set<T>, b: Set<T>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** How likely two sentences say the same: figures weigh most, then names, then lexicon words; length ratio as a prior. */
export function alignScore(ru: SentenceView, en: SentenceView): number {
  const nums = shared(ru.numbers, en.numbers);
  const numMiss = ru.numbers.size + en.numbers.size - 2 * nums;
  const names = shared(ru.names, en.names);
  const words = shared(ru.concepts, en.concepts) + 0.7 * shared(ru.cognates, en.cognates);
  // Russian runs about 1.1 times the English length in characters.
  const len = Math.abs(Math.log((ru.length + 10) / (1.1 * en.length + 10)));
  return 3 * nums - 0.5 * numMiss + 2 * names + words - 2 * len;
}

function shuffled(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Maximum-score one-to-one assignment of rows to columns (Hungarian method, rows <= columns); -1 when none. */
export function assign(score: number[][], cols: number): number[] {
  const n = score.length;
  const m = cols;
  if (n === 0 || m === 0) return new Array(n).fill(-1);
  if (n > m) {
    // More rows than columns: assign columns to rows instead.
    const t = Array.from({ length: m }, (_, j) => score.map((r) => r[j]!));
    const back = assign(t, n);
    const out = new Array(n).fill(-1);
    back.forEach((i, j) => { if (i >= 0) out[i] = j; });
    return out;
  }
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array(n + 1).fill(0), v = new Array(m + 1).fill(0), p = new Array(m + 1).fill(0), way = new Array(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array(m + 1).fill(INF);
    const used = new Array(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF, j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -score[i0 - 1]![j - 1]! - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0);
  }
  const out = new Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] > 0) out[p[j] - 1] = j - 1;
  return out;
}

/** One-to-one alignment of a document (the assignment with the highest total score). */
export function alignDocument(ru: readonly SentenceView[], en: readonly SentenceView[]): (number | null)[] {
  const score = ru.map((r) => en.map((e) => alignScore(r, e)));
  const out: (number | null)[] = assign(score, en.length).map((j) => (j < 0 ? null : j));
  // More Russian sentences than English: the rest take their best English sentence.
  for (let i = 0; i < ru.length; i++) {
    if (out[i] !== null || en.length === 0) continue;
    let best = 0;
    for (let j = 1; j < en.length; j++) if (alignScore(ru[i]!, en[j]!) > alignScore(ru[i]!, en[best]!)) best = j;
    out[i] = best;
  }
  return out;
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
