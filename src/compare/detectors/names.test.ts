import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';
import { editDistance, sameGivenName, sameNameWord } from './names.js';

const analyzer = createAnalyzer();

function nameConflicts(a: string, b: string): string[] {
  const article = (text: string, outlet: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2019-12-31T12:00:00Z' }));
  return compareArticles([article(a, 'A'), article(b, 'B')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'entity').map((f) => f.summary);
}

test('names: spelling variants are one name, other surnames are not', () => {
  assert.equal(sameNameWord('vasundhara', 'vasundahra'), true);
  assert.equal(sameNameWord('shekhar', 'shankar'), false);
  assert.equal(editDistance('shekhar', 'shankar'), 3);
});

test('names: one person given two surnames by two reports is an entity conflict; one spelling is not', () => {
  const a = 'Police in Varanasi released the activists on bail. The case of arrest of Ravi Shekhar and his wife Ekta, who run an NGO, drew wide attention.';
  const b = 'Police in Varanasi released the activists on bail. Her parents, activists Ekta and Ravi Shankar, who run an NGO, had been arrested in December.';
  const found = nameConflicts(a, b);
  assert.ok(found.some((s) => s.includes('Ravi Shekhar') && s.includes('Ravi Shankar')), found.join('\n'));
  assert.deepEqual(nameConflicts(a, b.replace('Ravi Shankar', 'Ravi Shekhar')).filter((s) => s.startsWith('Name')), []);
});

test('names: two namesakes given one role are an entity conflict; a familiar form of one given name is not', () => {
  const a = 'The caucus met on Wednesday. Rep. Loretta Sanchez won the race for vice chairman, defeating fellow California congresswoman Barbara Lee.';
  const b = 'The caucus met on Wednesday. Representative Linda Sánchez of California defeated Representative Barbara Lee to become vice chairwoman.';
  const found = nameConflicts(a, b);
  assert.ok(found.some((s) => s.includes('Loretta Sanchez') && s.includes('Linda Sánchez')), found.join('\n'));
  assert.deepEqual(nameConflicts(a.replace('Loretta', 'Jim'), b.replace('Linda', 'James')).filter((s) => s.startsWith('Name')), []);
  assert.equal(sameGivenName('chris', 'christopher'), true);
  assert.equal(sameGivenName('chuck', 'charles'), true);
  assert.equal(sameGivenName('loretta', 'linda'), false);
});

test('titles: one person given two top offices of a company is an entity conflict; one office is not', () => {
  const a = 'Customers lined up on Wednesday after CEO Dan Cathy said in an interview that he backs traditional marriage.';
  const b = 'Customers lined up on Wednesday after the company president Dan Cathy said he backs the biblical definition of the family.';
  const found = nameConflicts(a, b);
  assert.ok(found.some((s) => s.includes('CEO Dan Cathy') && s.includes('president Dan Cathy')), found.join('\n'));
  assert.deepEqual(nameConflicts(a.replace('CEO', 'President'), b).filter((s) => s.startsWith('Title')), []);
});
