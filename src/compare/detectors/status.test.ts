import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';

const analyzer = createAnalyzer();

function modalityConflicts(a: string, b: string): string[] {
  const article = (text: string, outlet: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2014-04-25T12:00:00Z' }));
  return compareArticles([article(a, 'A'), article(b, 'B')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'modality').map((f) => f.summary);
}

test('status: a plan the article itself later reports done is not its last word on the act', () => {
  const a = 'Representative Tom Harlow was expected to be indicted on federal fraud charges after a long investigation, people briefed on the case said.';
  const b =
    'Congressman Tom Harlow is expected to be indicted on federal fraud charges, his lawyer said. Harlow denied wrongdoing. UPDATE: The Post now reports that Harlow has already been secretly indicted by a federal grand jury on fraud charges.';
  const found = modalityConflicts(a, b);
  assert.ok(found.some((s) => s.includes('expected to be indicted') && s.includes('indicted')), found.join('\n'));
  // Without the update both reports only expect the indictment: nothing to report.
  assert.deepEqual(modalityConflicts(a, b.replace(/UPDATE:.*$/, '')), []);
});

function modalityAt(a: string, aDay: string, b: string, bDay: string): string[] {
  const article = (text: string, outlet: string, day: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: `${day}T12:00:00Z` }));
  return compareArticles([article(a, 'A', aDay), article(b, 'B', bDay)]).findings.filter((f) => f.kind === 'conflict' && f.type === 'modality').map((f) => f.summary);
}

test('status: a plan told done later by another verb of its family ("will embrace" / "unveiled") is an update', () => {
  const plan = 'Governor Maria Delgado this week will embrace a comprehensive plan to reduce traffic deaths on state highways, aides who were briefed on the plan said Monday.';
  const done = 'In a bid to reduce traffic deaths on state highways, Governor Maria Delgado unveiled on Wednesday a comprehensive plan with new speed cameras.';
  const found = modalityAt(plan, '2021-03-01', done, '2021-03-03');
  assert.ok(found.some((s) => s.includes('will embrace') && s.includes('unveiled')), found.join('\n'));
  // The plan told done in a report written before it is no outcome of it.
  assert.deepEqual(modalityAt(plan, '2021-03-03', done, '2021-03-01'), []);
});

test('status: "will share the list" and "has handed over lists" the same day are one act done or not yet', () => {
  const plan = 'The foreign office said the Indian government will also share the list of Pakistani prisoners with the High Commission in New Delhi.';
  const done = 'Keeping up with the 2008 agreement, India has handed over lists of Pakistani prisoners to the High Commission, officials said.';
  const found = modalityAt(plan, '2020-01-01', done, '2020-01-01');
  assert.ok(found.some((s) => s.includes('will also share') && s.includes('handed')), found.join('\n'));
  // Handing over another thing is another act.
  assert.deepEqual(modalityAt(plan, '2020-01-01', done.replace('lists of Pakistani prisoners', 'a protest note'), '2020-01-01'), []);
});

test('status: ships being readied, and ships deployed in a report of unknown date, are one act planned or done', () => {
  const article = (text: string, outlet: string, published: string | null) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published }));
  const modality = (a: string, b: string, bDay: string | null) =>
    compareArticles([article(a, 'A', '2019-12-31T12:00:00Z'), article(b, 'B', bDay)]).findings.filter((f) => f.kind === 'conflict' && f.type === 'modality').map((f) => f.summary);
  const plan = 'Australia announced that it is readying naval ships and military helicopters to carry out evacuations from the coastal town.';
  const done = 'Meanwhile, Australia deployed military ships and aircraft to help the coastal town cut off by the fires.';
  const found = modality(plan, done, null);
  assert.ok(found.some((s) => s.includes('readying') && s.includes('deployed')), found.join('\n'));
  // Told done in a report known to be written earlier, it is no outcome of the plan.
  assert.deepEqual(modality(plan, done, '2019-12-30T12:00:00Z'), []);
});
