import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import type { TokenView } from '../quantities/token-view.js';

/**
 * Which words are attribution cues in context: a binary averaged perceptron over a word and its
 * neighbours, trained on PolNeAR's training split by scripts/train-quote-cues.mjs (models/README.md).
 * Only words of the model's vocabulary (words that headed a cue in training) are scored, so the cost is a
 * set lookup for every other token.
 */
export interface CueModel {
  vocab: Set<string>;
  weights: Map<string, number>;
  bias: number;
  /** Score above which a word is taken as a cue. */
  threshold: number;
}

const OPEN_MARKS = new Set(['“', '"', '‘', '«', "'", "''", '``']);
const CLOSE_MARKS = new Set(['”', '"', '’', '»', "'", "''"]);
const PRONOUNS = new Set(['he', 'she', 'i', 'we', 'they', 'you', 'it', 'who']);
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'did', 'does', 'do', 'could', 'should', 'may', 'might', 'can', 'must']);

function cls(view: TokenView, k: number, f: number, e: number): string {
  if (k < f) return 'BOS';
  if (k >= e) return 'EOS';
  const w = view.words[k]!;
  const l = view.lower[k]!;
  if (OPEN_MARKS.has(w) || CLOSE_MARKS.has(w)) return 'Q';
  if (w === ',' || w === ':' || w === ';' || w === '.' || w === '—' || w === '–' || w === '(' || w === ')' || w === '?' || w === '!') return w;
  if (PRONOUNS.has(l)) return 'PRO';
  if (AUX.has(l)) return 'AUX';
  if (l === 'that' || l === 'to' || l === 'not' || l === 'the' || l === 'a' || l === 'an' || l === 'of' || l === 'for' || l === 'on' || l === 'in') return l;
  if (view.tokens[k]!.kind === 'number') return 'NUM';
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'CAP';
  if (l.endsWith('ly')) return 'LY';
  if (l.endsWith('ing')) return 'ING';
  if (l.endsWith('ed')) return 'ED';
  return 'w';
}

/**
 * Features of token k (a vocabulary word) in the sentence [f, e). `quoted` marks tokens inside quoted
 * passages of several words.
 */
export function cueFeatures(view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): string[] {
  const l = view.lower[k]!;
  const w = view.words[k]!;
  const lw = (i: number) => (i < f ? '<s>' : i >= e ? '</s>' : view.lower[i]!);
  const p1 = lw(k - 1);
  const p2 = lw(k - 2);
  const n1 = lw(k + 1);
  const n2 = lw(k + 2);
  const cp1 = cls(view, k - 1, f, e);
  const cp2 = cls(view, k - 2, f, e);
  const cn1 = cls(view, k + 1, f, e);
  const cn2 = cls(view, k + 2, f, e);
  const cap = w !== l ? (k === f ? 'init' : 'cap') : 'low';
  // A word in quotation marks mid-sentence belongs to the quoted speaker's own words.
  const q = quoted[k] === 1 ? 'q' : '-';
  // A quotation mark near the word (a bounded window, so long sentences stay linear).
  let quoteInSentence = false;
  for (let i = Math.max(f, k - 40), end = Math.min(e, k + 40); i < end; i++) {
    if (OPEN_MARKS.has(view.words[i]!) || CLOSE_MARKS.has(view.words[i]!)) {
      quoteInSentence = true;
      break;
    }
  }
  const pos = k === f ? 'first' : k - f <= 3 ? 'early' : e - k <= 3 ? 'late' : 'mid';
  return [
    'b',
    `w=${l}`,
    `s3=${l.slice(-3)}`,
    `cap=${cap}|${l}`,
    `q=${q}`,
    `q=${q}|${l}`,
    `p1=${p1}`,
    `p2=${p2}`,
    `n1=${n1}`,
    `n2=${n2}`,
    `p1w=${p1}|${l}`,
    `wn1=${l}|${n1}`,
    `wn1n2=${l}|${n1}|${n2}`,
    `p2p1w=${p2}|${p1}|${l}`,
    `cp1=${cp1}`,
    `cn1=${cn1}`,
    `cp2cp1=${cp2}|${cp1}`,
    `cn1cn2=${cn1}|${cn2}`,
    `cp1w=${cp1}|${l}`,
    `wcn1=${l}|${cn1}`,
    `wcn1cn2=${l}|${cn1}|${cn2}`,
    `cp2cp1w=${cp2}|${cp1}|${l}`,
    `cp1cn1=${cp1}|${cn1}`,
    `qs=${quoteInSentence ? 1 : 0}|${l}`,
    `pos=${pos}`,
    `pos=${pos}|${l}`,
    `cap=${cap}`,
  ];
}

export function scoreCue(model: CueModel, feats: readonly string[]): number {
  let s = model.bias;
  for (const x of feats) s += model.weights.get(x) ?? 0;
  return s;
}

/** True when token k (in sentence [f, e)) is a cue according to the model. */
export function isCue(model: CueModel, view: TokenView, k: number, f: number, e: number, quoted: Uint8Array): boolean {
  if (!model.vocab.has(view.lower[k]!)) return false;
  return scoreCue(model, cueFeatures(view, k, f, e, quoted)) > model.threshold;
}

export interface CueModelFile {
  about: string;
  vocab: string[];
  bias: number;
  threshold: number;
  weights: Record<string, number>;
}

export function cueModelFrom(file: CueModelFile): CueModel {
  return { vocab: new Set(file.vocab), weights: new Map(Object.entries(file.weights)), bias: file.bias, threshold: file.threshold };
}

export function cueModelPath(): string {
  return join(repoRoot(), 'models', 'quote-cues.json');
}

/** The committed model, or null when it has not been trained (the lexicon's cue list is used then). */
export function loadCueModel(path: string = cueModelPath()): CueModel | null {
  if (!existsSync(path)) return null;
  return cueModelFrom(JSON.parse(readFileSync(path, 'utf8')) as CueModelFile);
}
