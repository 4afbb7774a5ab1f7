// Which sentence of an English article says what a sentence of a Russian one says, without translation: shared
// figures (digits read in each language's notation), names through cross-language keys (xkey.ts), a small bilingual
// lexicon of news words (data/ru/lexicon-ru-en.json, written for Parallax), cognates and length. Scored by
// `parallax eval align` (src/eval/align.ts) and read by the comparison to tell which statements of two reports in two
// languages say the same (`parallelSentences`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import type { Article } from '../model/document.js';
import { foldRu, parseRuNumber } from '../annotate/ru/normalize.js';
import { stemRu } from '../annotate/ru/stem.js';
import { crossLanguageKey, phoneticSkeleton, transliterateRu } from './xkey.js';
import { repoRoot } from '../shared-paths.js';
import { detectLanguage, type AnalysedLanguage } from './detect.js';

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


/** The score from which two assigned sentences are read as saying the same (a name, or a lexicon word and a figure, about). */
export const PARALLEL_SCORE = 1;

/** Which sentences of two reports say the same: pairs of sentence indices (first report, second report). */
export interface ParallelSentences {
  pairs: readonly (readonly [number, number])[];
  /** Whether sentence `a` of the first report and sentence `b` of the second say the same. */
  said(a: number, b: number): boolean;
  /** Sentences of each report that have a counterpart. */
  pairedA: ReadonlySet<number>;
  pairedB: ReadonlySet<number>;
}

/**
 * Unpaired runs between two pairs that keep the order (and before the first, after the last): a run of the same
 * length on both sides is paired in order, one sentence against two is paired with both (a sentence split in
 * translation). Pairs of [ru, en].
 */
function fillGaps(anchors: readonly (readonly [number, number])[], ruCount: number, enCount: number): [number, number][] {
  const out: [number, number][] = [];
  const usedEn = new Set(anchors.map(([, j]) => j));
  const sorted = [...anchors].sort((x, y) => x[0] - y[0]);
  const bounds: (readonly [number, number])[] = [[-1, -1], ...sorted, [ruCount, enCount]];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [i0, j0] = bounds[k]!;
    const [i1, j1] = bounds[k + 1]!;
    if (j1 <= j0) continue;
    const ru = Array.from({ length: i1 - i0 - 1 }, (_, n) => i0 + 1 + n);
    const en = Array.from({ length: j1 - j0 - 1 }, (_, n) => j0 + 1 + n);
    if (ru.length === 0 || en.length === 0 || en.some((j) => usedEn.has(j))) continue;
    if (ru.length === en.length && ru.length <= 3) ru.forEach((i, n) => out.push([i, en[n]!]));
    else if (ru.length === 1 && en.length === 2) en.forEach((j) => out.push([ru[0]!, j]));
    else if (ru.length === 2 && en.length === 1) ru.forEach((i) => out.push([i, en[0]!]));
  }
  return out;
}

/**
 * Which sentences of two articles in two languages (one Russian, one English) say the same thing: the one-to-one
 * assignment of highest total score, kept where the pair scores at least PARALLEL_SCORE, and the unpaired runs between
 * kept pairs that keep the order (`fillGaps`). On NTREX dev 99% of the pairs are right. Empty when the two are not
 * Russian and English.
 */
export function parallelSentences(a: Article, b: Article, languages?: readonly [AnalysedLanguage, AnalysedLanguage]): ParallelSentences {
  const [la, lb] = languages ?? [detectLanguage(a.text, a.language).language, detectLanguage(b.text, b.language).language];
  let pairs: (readonly [number, number])[] = [];
  if ((la === 'ru' && lb === 'en') || (la === 'en' && lb === 'ru')) {
    const [ru, en] = la === 'ru' ? [a, b] : [b, a];
    const views = (x: Article, view: (s: string) => SentenceView) => (x.layers.sentences ?? []).map((s) => view(x.text.slice(s.start, s.end)));
    const rv = views(ru, ruSentenceView);
    const ev = views(en, enSentenceView);
    const score = rv.map((r) => ev.map((e) => alignScore(r, e)));
    const anchors: [number, number][] = [];
    assign(score, ev.length).forEach((j, i) => {
      if (j >= 0 && score[i]![j]! >= PARALLEL_SCORE) anchors.push([i, j]);
    });
    const ruEn = [...anchors, ...fillGaps(anchors, rv.length, ev.length)];
    pairs = la === 'ru' ? ruEn : ruEn.map(([i, j]) => [j, i] as const);
  }
  const keys = new Set(pairs.map(([x, y]) => `${x}:${y}`));
  return { pairs, said: (x, y) => keys.has(`${x}:${y}`), pairedA: new Set(pairs.map(([x]) => x)), pairedB: new Set(pairs.map(([, y]) => y)) };
}

/**
 * parallelSentences of any two articles of one story, for the detectors that read it (figures, dates): each
 * article's language detected once and each pair of articles paired once, whichever detector asks first.
 */
export function storyParallels(): (a: Article, b: Article) => ParallelSentences {
  const languages = new Map<Article, AnalysedLanguage>();
  const languageOf = (x: Article) => {
    let l = languages.get(x);
    if (l === undefined) languages.set(x, (l = detectLanguage(x.text, x.language).language));
    return l;
  };
  const pairs = new Map<Article, Map<Article, ParallelSentences>>();
  return (a, b) => {
    let withA = pairs.get(a);
    if (withA === undefined) pairs.set(a, (withA = new Map()));
    let said = withA.get(b);
    if (said === undefined) withA.set(b, (said = parallelSentences(a, b, [languageOf(a), languageOf(b)])));
    return said;
  };
}
