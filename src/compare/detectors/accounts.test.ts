import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';
import { accountNames } from './accounts.js';

const analyzer = createAnalyzer();
const article = (text: string, outlet: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2020-01-01T12:00:00Z' }));
const accountConflicts = (a: string, b: string) =>
  compareArticles([article(a, 'A'), article(b, 'B')]).findings.filter((f) => f.kind === 'conflict' && f.summary.startsWith('Account:')).map((f) => f.summary);

test('accounts: the names a report gives for the account that posted something', () => {
  assert.deepEqual(accountNames(article('The video is published under an account titled RiverWatch99, and the faces are blurred.', 'A')).map((x) => x.name), ['RiverWatch99']);
  assert.deepEqual(accountNames(article('The clip, which was posted on YouTube by "HarborCam," shows the men.', 'A')).map((x) => x.name), ['HarborCam']);
  assert.deepEqual(accountNames(article('The clip was posted on the website of a conservative publisher.', 'A')), []);
});

test('accounts: two reports naming different accounts as the poster disagree; naming both, they do not', () => {
  const a = 'The YouTube video is published under an account titled RiverWatch99, and the faces are blurred.';
  const b = 'The video, which was posted on YouTube by "HarborCam," does not reveal who made it.';
  assert.equal(accountConflicts(a, b).length, 1);
  assert.deepEqual(accountConflicts(a, `${b} It was later shared by RiverWatch99.`), []);
  assert.deepEqual(accountConflicts(a, b.replace('HarborCam', 'RiverWatch99')), []);
});
