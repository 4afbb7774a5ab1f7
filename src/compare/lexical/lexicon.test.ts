import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLexicon, loadLexicalResources, parseVectors, RELATED_THRESHOLD, type Lexicon } from './index.js';
import { ANTONYMS, CONTRASTS, PARAPHRASES, UNRELATED } from './pairs.test-data.js';
import { isParallaxError } from '../../model/errors.js';

let lex: Lexicon;
before(() => {
  lex = createLexicon(loadLexicalResources());
});

/** Area under the ROC curve: the chance that a paraphrase outscores an unrelated pair. */
function auc(pos: number[], neg: number[]): number {
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

describe('lexicon: base forms', () => {
  it('undoes inflection by morphy rules and exception lists', () => {
    assert.deepEqual(lex.lemmas('killed'), ['kill']);
    assert.deepEqual(lex.lemmas('houses', 'n'), ['house']);
    assert.deepEqual(lex.lemmas('died'), ['die']);
    assert.deepEqual(lex.lemmas('went'), ['go']);
    assert.deepEqual(lex.lemmas('detained'), ['detain']);
    assert.ok(lex.lemmas('stopped', 'v').includes('stop'), 'doubled consonant');
    assert.ok(lex.lemmas('children').includes('child'));
    assert.ok(lex.lemmas('said').includes('say'));
    assert.ok(lex.lemmas('bigger', 'a').includes('big'));
    assert.deepEqual(lex.lemmas('death tolls'), ['death toll'], 'a collocation inflects on its own words');
  });
  it('returns an unknown word as it is', () => {
    assert.deepEqual(lex.lemmas('Passadumkeag'), ['passadumkeag']);
  });
});

describe('lexicon: WordNet relations', () => {
  it('names the relation between two words', () => {
    const rel = (a: string, b: string) => lex.related(a, b).relation;
    assert.equal(rel('killed', 'kills'), 'same');
    assert.equal(rel('protesters', 'demonstrators'), 'synonym');
    assert.equal(rel('destruction', 'destroyed'), 'derivation');
    assert.equal(rel('houses', 'buildings'), 'hypernym');
    assert.equal(rel('arrested', 'detained'), 'similar');
    assert.equal(rel('killed', 'injured'), 'cohyponym');
    assert.equal(rel('budget', 'earthquake'), null);
  });
  it('lists synonyms and antonyms', () => {
    assert.ok(lex.synonyms('arrest', 'v').includes('apprehend'));
    assert.ok(lex.areSynonyms('protester', 'demonstrators'));
    assert.ok(!lex.areSynonyms('protester', 'police'));
    assert.ok(lex.antonyms('increase').includes('decrease'));
    assert.ok(!lex.antonyms('kill').includes('victory'), 'a noun sense of a fellow synonym says nothing of the verb');
  });
  it('makes antonyms visible, since they signal contradictions', () => {
    for (const [a, b] of ANTONYMS) assert.equal(lex.related(a, b).relation, 'antonym', `${a} / ${b}`);
    assert.notEqual(lex.related('won', 'defeated').relation, 'antonym');
    assert.notEqual(lex.related('killed', 'dead').relation, 'antonym');
  });
});

describe('lexicon: paraphrase pairs against unrelated pairs', () => {
  it('separates them at RELATED_THRESHOLD', () => {
    const pos = PARAPHRASES.map(([a, b]) => lex.related(a, b).score);
    const neg = UNRELATED.map(([a, b]) => lex.related(a, b).score);
    const area = auc(pos, neg);
    const hits = pos.filter((s) => s >= RELATED_THRESHOLD).length + neg.filter((s) => s < RELATED_THRESHOLD).length;
    const accuracy = hits / (pos.length + neg.length);
    const misses = [
      ...PARAPHRASES.filter((_, i) => pos[i]! < RELATED_THRESHOLD),
      ...UNRELATED.filter((_, i) => neg[i]! >= RELATED_THRESHOLD),
    ].map(([a, b]) => `${a} / ${b}`);
    console.log(`paraphrase AUC ${area.toFixed(3)}, accuracy at ${RELATED_THRESHOLD} ${accuracy.toFixed(3)}; misses: ${misses.join('; ')}`);
    assert.ok(area >= 0.97, `AUC ${area}`);
    assert.ok(accuracy >= 0.93, `accuracy ${accuracy}: ${misses.join('; ')}`);
    for (const [a, b] of UNRELATED) assert.ok(lex.related(a, b).score < RELATED_THRESHOLD, `unrelated ${a} / ${b}`);
  });
  it('keeps different facts of one kind apart though their vectors are close', () => {
    for (const [a, b] of CONTRASTS) {
      assert.ok(lex.related(a, b).score < RELATED_THRESHOLD, `${a} / ${b}: ${JSON.stringify(lex.related(a, b))}`);
      assert.ok(lex.similarity(a, b) >= RELATED_THRESHOLD || a.includes(' '), `${a} / ${b} is a hard case for vectors alone`);
    }
  });
});

describe('lexicon: phrases', () => {
  it('aligns the content words of two measure phrases', () => {
    const al = lex.alignPhrases('people killed', 'the death toll');
    assert.deepEqual(al.unitsB, ['death toll']);
    assert.ok(al.score >= RELATED_THRESHOLD);
    assert.ok(lex.phraseSimilarity(['people', 'killed'], ['people', 'injured']) < RELATED_THRESHOLD);
    assert.deepEqual(lex.alignPhrases('people killed', 'people injured').contrasts, [{ a: 'killed', b: 'injured' }]);
  });
  it('finds multi-word lemmas, also through a synonym ("set alight" -> "set ablaze")', () => {
    assert.deepEqual(lex.units('the roof was set alight'), ['roof', 'set ablaze']);
    assert.deepEqual(lex.units(['He', 'stepped', 'down', '.']), ['step down']);
    assert.ok(lex.phraseSimilarity('set fire to the building', 'the roof was set alight') >= RELATED_THRESHOLD);
  });
  it('reports opposite predicates', () => {
    assert.deepEqual(lex.alignPhrases('prices rose sharply', 'prices fell').antonyms, [{ a: 'rose', b: 'fell' }]);
  });
  it('scores nothing against an empty phrase, and unknown words by their form only', () => {
    assert.equal(lex.phraseSimilarity('the', 'killed'), 0);
    assert.equal(lex.similarity('zzyzxq', 'killed'), 0);
    assert.equal(lex.related('zzyzxq', 'qqxzzy').relation, null);
    assert.equal(lex.related('Zzyzxq', 'zzyzxq').relation, 'same');
  });
  it('is symmetric', () => {
    for (const [a, b] of [...PARAPHRASES.slice(0, 10), ...UNRELATED.slice(0, 10)]) {
      assert.equal(lex.related(a, b).score.toFixed(6), lex.related(b, a).score.toFixed(6), `${a} / ${b}`);
    }
  });
});

describe('lexicon: resources', () => {
  it('says which file is missing or malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexical-'));
    assert.throws(() => loadLexicalResources(dir), (e: unknown) => isParallaxError(e) && e.code === 'E_READ' && /wordnet\.json\.gz/.test(e.message));
    assert.throws(() => parseVectors(new Uint8Array(16), 'a\n'), (e: unknown) => isParallaxError(e) && e.code === 'E_PARSE');
  });
  it('reads a small vector table', () => {
    const head = Buffer.alloc(12);
    head.write('PLXV', 0, 'ascii');
    head.writeUInt32LE(2, 4);
    head.writeUInt32LE(2, 8);
    const scales = Buffer.from(new Float32Array([1 / 127, 1 / 127]).buffer);
    const data = Buffer.from(new Int8Array([127, 0, 0, 127]).buffer);
    const v = parseVectors(Buffer.concat([head, scales, data]), 'up\ndown\n');
    assert.deepEqual(v.words, ['up', 'down']);
    assert.equal(v.dim, 2);
    assert.equal(v.data[3], 127);
  });
});

describe('sharesWord', () => {
  it('is true exactly when the phrase alignment can pair one lemma or synonyms', () => {
    const exact = (a: string, b: string) => lex.alignPhrases(a, b).pairs.some((p) => p.b !== null && (p.relation === 'same' || p.relation === 'synonym'));
    const none = () => false;
    const cases: [string, string][] = [
      ['police arrested the man', 'officers apprehended him'],
      ['the budget was cut', 'tear gas was fired'],
      ['protesters set alight the roof', 'the roof was set on fire'],
      ['Russian support for energy', 'dependence on Russian energy supplies'],
      ['he said it', 'a storm hit the coast'],
    ];
    // A pair the alignment finds is never missed (sharesWord may say yes more often, never less).
    for (const [a, b] of cases) if (exact(a, b)) assert.equal(lex.sharesWord(a, b, none), true, `${a} / ${b}`);
    assert.equal(lex.sharesWord('the budget was cut', 'tear gas was fired', none), false);
    // Units both ignored do not count ("said" / "says").
    assert.equal(lex.sharesWord('he said it', 'she says so', none), true);
    assert.equal(lex.sharesWord('he said it', 'she says so', (u) => /^sa(?:id|ys)$/.test(u)), false);
  });
});
