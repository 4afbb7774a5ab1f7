import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toFts5Query } from './fts-query.js';

test('toFts5Query quotes every term so user input is never FTS5 syntax', () => {
  assert.equal(toFts5Query('putin japarov'), '"putin" AND "japarov"');
  assert.equal(toFts5Query('"trade turnover" Kyrgyzstan'), '"trade turnover" AND "Kyrgyzstan"');
  assert.equal(toFts5Query('NEAR(a b) text:x'), '"NEAR(a" AND "b)" AND "text:x"');
});

test('toFts5Query keeps OR, exclusion and prefixes', () => {
  assert.equal(toFts5Query('tokayev OR tokaev visit'), '("tokayev" OR "tokaev") AND "visit"');
  assert.equal(toFts5Query('summit -moscow'), '("summit") NOT "moscow"');
  assert.equal(toFts5Query('kyrgyz*'), '"kyrgyz"*');
});

test('toFts5Query returns null when nothing can match', () => {
  assert.equal(toFts5Query(''), null);
  assert.equal(toFts5Query('-only'), null);
  assert.equal(toFts5Query('"" ** ?!'), null);
});
