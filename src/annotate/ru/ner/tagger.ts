import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, L, deserializeModel, type TaggerModel } from '../../entities/tagger/model.js';
import { viterbi } from '../../entities/tagger/viterbi.js';
import { repoRoot } from '../../../shared-paths.js';
import { tokenize } from '../../tokens.js';
import { splitSentencesRu } from '../sentences.js';
import { RU_FEATURES_PER_TOKEN, RuFeaturizer, razdelTokens, type RuToken } from './features.js';
import { ruNameLists } from './lists.js';

export const RU_MODEL_FILE = join('models', 'ner-ru.bin.gz');

export interface RuEntitySpan {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC';
}

/** Token index ranges of sentences given as character spans. */
export function tokenSentences(tokens: readonly RuToken[], sentences: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.length && tokens[k]!.start < s.start) {
      // A token outside every sentence is a sentence of its own.
      out.push({ start: k, end: k + 1 });
      k++;
    }
    const from = k;
    while (k < tokens.length && tokens[k]!.start < s.end) k++;
    if (k > from) out.push({ start: from, end: k });
  }
  if (k < tokens.length) out.push({ start: k, end: tokens.length });
  return out;
}

export function ruSentenceSpans(text: string): { start: number; end: number }[] {
  return splitSentencesRu(text, tokenize(text));
}

export interface RuTagger {
  tag(text: string, sentences?: readonly { start: number; end: number }[]): RuEntitySpan[];
}

export function createRuTagger(model: TaggerModel): RuTagger {
  // A model records how many features per token it was trained with (older ones did not: 49, the first of today's).
  const trainedWith = model.meta['featuresPerToken'];
  if (trainedWith !== undefined && trainedWith !== RU_FEATURES_PER_TOKEN) throw new Error(`Russian NER model has ${String(trainedWith)} features per token, the code ${RU_FEATURES_PER_TOKEN}: retrain it (scripts/train-ner-ru.mjs)`);
  const featurizer = new RuFeaturizer(ruNameLists());
  const F = RU_FEATURES_PER_TOKEN;
  const { table, weights, trans } = model;
  return {
    tag(text, sentences) {
      const tokens = razdelTokens(text);
      const words = tokens.map((t) => text.slice(t.start, t.end));
      const sents = tokenSentences(tokens, sentences ?? ruSentenceSpans(text));
      const feats = featurizer.document(words, sents);
      const out: RuEntitySpan[] = [];
      for (const s of sents) {
        const n = s.end - s.start;
        const em = new Float32Array(n * L);
        for (let t = 0; t < n; t++) {
          for (let f = (s.start + t) * F; f < (s.start + t + 1) * F; f++) {
            const r = table.get(feats[f]!);
            if (r < 0) continue;
            for (let y = 0; y < L; y++) em[t * L + y]! += weights[r * L + y]!;
          }
        }
        const pred = new Uint8Array(n);
        viterbi(em, n, trans, pred, new Uint8Array(n * L), new Float64Array(n * L));
        let open: RuEntitySpan | null = null;
        for (let t = 0; t <= n; t++) {
          const lab = t < n ? LABELS[pred[t]!]! : 'O';
          if (open && !(lab.startsWith('I-') && lab.slice(2) === open.type)) {
            out.push(open);
            open = null;
          }
          if (lab.startsWith('B-')) {
            const type = lab.slice(2);
            if (type === 'PER' || type === 'ORG' || type === 'LOC') open = { start: tokens[s.start + t]!.start, end: tokens[s.start + t]!.end, type };
          } else if (lab.startsWith('I-') && open) open.end = tokens[s.start + t]!.end;
        }
      }
      return out;
    },
  };
}

let loaded: RuTagger | null | undefined;
/** The committed Russian model (scripts/train-ner-ru.mjs), or null when absent. */
export function loadRuTagger(root = repoRoot()): RuTagger | null {
  if (loaded !== undefined) return loaded;
  const file = join(root, RU_MODEL_FILE);
  loaded = existsSync(file) ? createRuTagger(deserializeModel(readFileSync(file))) : null;
  return loaded;
}
