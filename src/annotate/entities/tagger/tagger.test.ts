import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConll, spansOf } from './conll.js';
import { ConllScorer } from '../../../eval/conlleval.js';
import { Featurizer, FEATURES_PER_TOKEN, shapeOf, type FeatureResources } from './features.js';
import { deserializeModel, L, LABELS, serializeModel } from './model.js';
import { createTagger } from './tagger.js';
import { pruneModel, trainPerceptron } from '../../../training/perceptron.js';

const CONLL = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
met VBD B-VP O
in IN B-PP O
Brussels NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

John NNP B-NP B-PER
Smith NNP I-NP I-PER
visited VBD B-VP O
London NNP B-NP B-LOC
. . O O

The DT B-NP O
European NNP I-NP B-ORG
Commission NNP I-NP I-ORG
met VBD B-VP O
Anna NNP B-NP B-PER
Berg NNP I-NP I-PER
in IN B-PP O
Paris NNP B-NP B-LOC
. . O O
`;

const resources: FeatureResources & { codes(words: string[]): Uint8Array } = {
  clusters: new Map([['paris', [1, 8]], ['london', [1, 8]], ['brussels', [1, 9]]]),
  wordListFlags: () => 0,
  codes: (words) => new Uint8Array(words.length),
};

test('CoNLL reading keeps documents, sentences and tags; spans follow conlleval', () => {
  const { docs } = parseConll(CONLL);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0]!.sentences, [{ start: 0, end: 5 }, { start: 5, end: 11 }]);
  assert.deepEqual(spansOf(docs[0]!.gold).map((s) => `${s.type}:${s.start}-${s.end}`), ['ORG:0-1', 'MISC:2-3', 'PER:5-7', 'LOC:9-10']);
  // An I- tag after O starts an entity, as conlleval counts it.
  assert.deepEqual(spansOf(Uint8Array.from([0, 2, 2, 0])), [{ start: 1, end: 3, type: 'PER' }]);
  assert.equal(shapeOf('Kassym-Jomart'), 'Xx-Xx');
  assert.equal(shapeOf('U.S.'), 'X.X.');
});

test('the perceptron learns a toy set, survives saving, and decodes valid IOB2', () => {
  const { docs } = parseConll(CONLL);
  const f = new Featurizer(resources);
  const train = docs.map((d) => ({ ...d, feats: f.document(d.words, d.sentences) }));
  const trained = trainPerceptron(train, { epochs: 8, seed: 1, minCount: 1 });
  const pruned = pruneModel(trained, 0);
  const model = deserializeModel(serializeModel(pruned.model, pruned.keys));
  const tagger = createTagger(model, resources);
  const scorer = new ConllScorer();
  for (const d of docs) {
    const tags = tagger.tagDocument(d.words, d.sentences);
    for (let i = 0; i < tags.length; i++) {
      const l = LABELS[tags[i]!]!;
      if (l.startsWith('I-')) assert.ok(i > 0 && LABELS[tags[i - 1]!]!.slice(2) === l.slice(2), 'I- follows its own type');
    }
    scorer.add(d, tags);
  }
  assert.equal(scorer.summary().f1, 1);
});

test('scorer: exact match per type', () => {
  const scorer = new ConllScorer();
  // gold: PER 0-2, LOC 3; predicted: PER 0-1 (wrong end), LOC 3
  scorer.add({ gold: Uint8Array.from([1, 2, 0, 5]), sentences: [{ start: 0, end: 4 }] }, Uint8Array.from([1, 0, 0, 5]));
  const s = scorer.summary();
  assert.equal(s.precision, 0.5);
  assert.equal(s.recall, 0.5);
  assert.equal(s.perType.LOC!.f1, 1);
  assert.equal(s.perType.PER!.f1, 0);
});

test('the tagger sums exactly the weights of the features training sees (per-type sums are a cache, not other features)', () => {
  const { docs } = parseConll(CONLL);
  const f = new Featurizer(resources);
  const train = docs.map((d) => ({ ...d, feats: f.document(d.words, d.sentences) }));
  const pruned = pruneModel(trainPerceptron(train, { epochs: 4, seed: 2, minCount: 1 }), 0);
  const model = deserializeModel(serializeModel(pruned.model, pruned.keys));
  const { q } = model.quantised!;
  // Gazetteer codes on, so the name templates are read too.
  const withCodes = { ...resources, codes: (words: string[]) => Uint8Array.from(words, (w) => (w === 'Paris' ? 3 : w === 'London' ? 5 : 0)) };
  const tagger = createTagger(model, withCodes);
  const F = FEATURES_PER_TOKEN;
  for (const d of [...docs, ...docs]) {
    const feats = new Featurizer(withCodes).document(d.words, d.sentences, withCodes.codes(d.words));
    const expected = new Int32Array(d.words.length * L);
    for (let i = 0; i < d.words.length; i++) {
      for (let k = 0; k < F; k++) {
        const r = model.table.get(feats[i * F + k]!);
        if (r >= 0) for (let y = 0; y < L; y++) expected[i * L + y]! += q[r * L + y]!;
      }
    }
    assert.deepEqual(tagger.emissions(d.words, d.sentences), expected);
  }
});
