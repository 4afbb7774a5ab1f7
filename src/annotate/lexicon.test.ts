import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concept, stem } from './lexicon.js';

test('stems inflections to readable forms', () => {
  assert.equal(stem('signed'), 'sign');
  assert.equal(stem('companies'), 'company');
  assert.equal(stem('talks'), 'talk');
  assert.equal(stem('met'), 'meet');
  assert.equal(stem('operating'), 'operate');
  assert.equal(stem('stressed'), 'stress');
  assert.equal(stem('planned'), 'plan');
});

test('synonyms share a concept', () => {
  assert.equal(concept('enterprises'), concept('companies'));
  assert.equal(concept('hosted'), concept('met'));
  assert.notEqual(concept('trade'), concept('energy'));
});
