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
