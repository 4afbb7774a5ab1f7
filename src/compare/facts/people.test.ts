import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { personFacts } from './people.js';

const analyzer = createAnalyzer();
const titles = (text: string) =>
  personFacts(analyzer.analyze(articleFromContent({ text }, { id: 'A', source: 'A', outlet: 'A', title: null, published: '2021-06-01T12:00:00Z' })), (id) => id)
    .filter((f) => f.attribute === 'title')
    .map((f) => f.words.join(' '));

test('a lower-case "former" before a title is part of it', () => {
  assert.deepEqual(titles("Facebook has suspended former US President Donald Trump's accounts for two years."), ['former us president']);
  assert.deepEqual(titles('Former President Donald Trump could return to Facebook.'), ['former president']);
});
