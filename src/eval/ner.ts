import { readFileSync } from 'node:fs';
import type { EvalTask } from './task.js';
import { ParallaxError } from '../model/errors.js';
import { sharedResources } from '../resources.js';
import { repoRoot } from '../shared-paths.js';
import { parseConll } from '../annotate/entities/tagger/conll.js';
import { ConllScorer } from './conlleval.js';
import { loadDefaultTagger, MODEL_FILE } from '../annotate/entities/tagger/load.js';
import { LABELS } from '../annotate/entities/tagger/model.js';

/**
 * `parallax eval ner FILE`: the committed tagger on a CoNLL-2003 file (words only; POS and chunk
 * columns unread), scored by entity-level exact match as conlleval does. Predictions: the input with
 * one more column, the predicted IOB2 tag.
 */
export const nerTask: EvalTask = {
  name: 'ner',
  description: 'named entities (PER, ORG, LOC, MISC) on CoNLL-2003 files, conlleval exact match',
  defaultFile: 'ner/conll2003.dev.txt',
  async run(file, options) {
    const tagger = loadDefaultTagger(sharedResources().gazetteer, repoRoot());
    if (!tagger) throw new ParallaxError('E_READ', 'no trained NER model; run scripts/train-ner.mjs', MODEL_FILE);
    const { docs: all, lines } = parseConll(readFileSync(file, 'utf8'));
    const docs = options.limit ? all.slice(0, options.limit) : all;
    const scorer = new ConllScorer();
    const predicted = new Map<number, string>();
    let tokens = 0;
    let ms = 0;
    for (const d of docs) {
      const t0 = performance.now();
      const tags = tagger.tagDocument(d.words, d.sentences);
      ms += performance.now() - t0;
      tokens += d.words.length;
      scorer.add(d, tags);
      d.lines.forEach((line, i) => predicted.set(line, LABELS[tags[i]!]!));
    }
    const lastLine = docs.length ? docs[docs.length - 1]!.lines.at(-1)! : -1;
    const out: string[] = [];
    lines.forEach((line, n) => {
      if (options.limit && n > lastLine) return;
      const tag = predicted.get(n);
      out.push(tag === undefined ? line : `${line} ${tag}`);
    });
    return {
      summary: {
        ...scorer.summary(),
        documents: docs.length,
        tokens,
        tokensPerSecond: Math.round((tokens / ms) * 1000),
        system: 'averaged-perceptron linear-chain tagger (models/ner-tagger.bin.gz)',
        ...(options.limit ? { limit: options.limit } : {}),
      },
      predictions: out.join('\n') + '\n',
    };
  },
};
