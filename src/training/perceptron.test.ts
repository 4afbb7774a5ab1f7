import { test } from 'node:test';
import assert from 'node:assert/strict';
import { L, LABELS, type TaggerModel } from '../annotate/entities/tagger/model.js';
import { viterbi } from '../annotate/entities/tagger/viterbi.js';
import { trainPerceptron, type TrainDoc } from './perceptron.js';

const ID: Record<string, number> = { acme: 11, said: 12, sold: 13, it: 14 };
/** A feature every token has (what most tokens are, O, is learnt on it). */
const BIAS = 99;
const O = LABELS.indexOf('O');
const B_ORG = LABELS.indexOf('B-ORG');

/** One sentence, two features per token (the word's id and the bias). */
function doc(words: string[], gold: number[], free?: number[]): TrainDoc {
  return {
    feats: Uint32Array.from(words.flatMap((w) => [ID[w]!, BIAS])),
    gold: Uint8Array.from(gold),
    ...(free ? { free: Uint16Array.from(free) } : {}),
    sentences: [{ start: 0, end: words.length }],
  };
}

function tag(model: TaggerModel, words: string[]): string[] {
  const n = words.length;
  const em = new Float32Array(n * L);
  words.forEach((w, t) => {
    for (const h of [ID[w]!, BIAS]) {
      const r = model.table.get(h);
      if (r >= 0) for (let y = 0; y < L; y++) em[t * L + y]! += model.weights[r * L + y]!;
    }
  });
  const out = new Uint8Array(n);
  viterbi(em, n, model.trans, out, new Uint8Array(n * L), new Float64Array(n * L));
  return [...out].map((y) => LABELS[y]!);
}

test('words of unknown label are trained towards the best labels they may take, not towards O', () => {
  // "acme" is an organisation once; three other sentences leave its label unknown (O or ORG).
  const known = doc(['acme', 'said'], [B_ORG, O]);
  const unknownAs = (free: number) => doc(['acme', 'sold', 'it'], [O, O, O], [free, 0, 0]);
  const orgOrO = (1 << O) | (1 << B_ORG);
  const latent = trainPerceptron([known, unknownAs(orgOrO), unknownAs(orgOrO), unknownAs(orgOrO)], { epochs: 5, seed: 1, minCount: 1, featuresPerToken: 2 });
  assert.deepEqual(tag(latent.model, ['acme', 'sold', 'it']), ['B-ORG', 'O', 'O']);
  // The same sentences taught as O outvote the one organisation.
  const plain = trainPerceptron([known, unknownAs(0), unknownAs(0), unknownAs(0)], { epochs: 5, seed: 1, minCount: 1, featuresPerToken: 2 });
  assert.deepEqual(tag(plain.model, ['acme', 'sold', 'it']), ['O', 'O', 'O']);
  // A mask without the organisation keeps it out.
  const onlyO = trainPerceptron([known, unknownAs(1 << O), unknownAs(1 << O), unknownAs(1 << O)], { epochs: 5, seed: 1, minCount: 1, featuresPerToken: 2 });
  assert.deepEqual(tag(onlyO.model, ['acme', 'sold', 'it']), ['O', 'O', 'O']);
});
