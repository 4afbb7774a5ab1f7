import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromContent } from '../ingest/read-inputs.js';
import { findCopies } from './copies.js';

const WIRE =
  'Foreign ministers of the two countries met in Geneva on Monday to discuss the ceasefire, officials said. ' +
  'The talks lasted more than six hours and ended without a joint statement. ' +
  'A second round is planned for next month in Vienna, according to a diplomat familiar with the talks.';
const OTHER =
  'The ceasefire talks in Geneva ended late on Monday. Neither side spoke to reporters afterwards, ' +
  'and a diplomat said only that the next meeting would be somewhere else.';

const article = (id: string, text: string) => articleFromContent({ text }, { id, source: id, outlet: id, title: null, published: null });

test('wire copies: a near-identical text copies the first one, a copy of a copy the original, other reports nothing', () => {
  const copies = findCopies([
    article('wire', WIRE),
    article('other', OTHER),
    article('copy', WIRE.replace('officials said', 'officials told reporters')),
    article('copy-of-copy', `${WIRE.replace('officials said', 'officials told reporters')} Read more on our site.`),
  ]);
  assert.deepEqual([...copies].sort(), [['copy', 'wire'], ['copy-of-copy', 'wire']]);
});

test('wire copies: a text that shares one sentence is no copy', () => {
  const copies = findCopies([article('wire', WIRE), article('quote', `${OTHER} The talks lasted more than six hours and ended without a joint statement.`)]);
  assert.equal(copies.size, 0);
});
