import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/document.js';
import { createPipeline } from './pipeline.js';
import type { Stage } from './stage.js';
import { createAnalyzer } from '../analyze.js';

const article = () => makeArticle({ id: 'x', source: 'x', format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, 'The mayor said on Tuesday that 1,200 people left.');
const tokens: Stage = { name: 'tokens', requires: [], provides: ['tokens'], run: () => ({ tokens: [] }) };
const times: Stage = { name: 'times', requires: [], provides: ['times'], run: () => ({ times: [] }) };
const sneaky: Stage = { name: 'sneaky', requires: ['tokens'], provides: ['claims'], run: (a) => ({ claims: a.layers.times ? [] : [] }) };
const honest: Stage = { name: 'honest', requires: ['tokens'], reads: ['times'], provides: ['claims'], run: (a) => ({ claims: a.layers.times ? [] : [] }) };

test('a stage that reads a layer it does not declare fails when reads are checked', () => {
  assert.throws(() => createPipeline([tokens, times, sneaky], { checkReads: true }).run(article()), /stage "sneaky" read layer "times"/);
  assert.doesNotThrow(() => createPipeline([tokens, times, sneaky], { checkReads: false }).run(article()));
  assert.doesNotThrow(() => createPipeline([tokens, times, honest], { checkReads: true }).run(article()));
});

test('under node --test reads are checked by default, and the shipped stages declare what they read', () => {
  assert.throws(() => createPipeline([tokens, times, sneaky]).run(article()), /does not declare/);
  const a = createAnalyzer().analyze(article());
  assert.ok((a.layers.claims ?? []).length > 0);
});

test('a stage placed before the layers it requires is refused when the pipeline is built', () => {
  const stages = createAnalyzer().pipeline.stages;
  const claims = stages.find((s) => s.name === 'claims')!;
  assert.throws(() => createPipeline([stages[0]!, stages[1]!, claims]), /requires layer "entities"/);
});

test('until() runs the shipped stages up to the one that provides a layer', () => {
  const part = createAnalyzer().until('sentences');
  assert.deepEqual(part.pipeline.stages.map((s) => s.name), ['tokens', 'sentences']);
  const a = part.run(article());
  assert.ok(a.layers.sentences && !a.layers.entities);
});
