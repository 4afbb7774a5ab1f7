import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, comparisonCsv } from './export-csv.js';
import type { StoryComparison } from '../compare/types.js';

test('CSV cells are quoted per RFC 4180 and formulas are defused', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, "b"\nc'), '"a, ""b""\nc"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(null), '');
});

test('comparisonCsv lists finding evidence and figure cells', () => {
  const c = {
    articles: [{ id: 'a', outlet: 'A' }, { id: 'b', outlet: 'B' }],
    findings: [{ id: 'f1', kind: 'conflict', type: 'number', summary: '1,700 vs 1,500', evidence: [{ article: 'a', start: 0, end: 5, text: '1,700' }, { article: 'b', start: 3, end: 8, text: '1,500' }], articles: ['a', 'b'], salience: 1 }],
    figures: [{ measure: 'companies', conflict: true, cells: [{ article: 'a', value: 1700, low: 1700, high: 1700, unit: null, hedge: null, speaker: null, start: 0, end: 5, text: '1,700' }] }],
  } as unknown as StoryComparison;
  const lines = comparisonCsv(c).trim().split('\r\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0]!, /^record,id,kind/);
  assert.equal(lines[1], 'finding,f1,conflict,number,"1,700 vs 1,500",a,A,0,5,"1,700",,,,,,,true');
  assert.match(lines[3]!, /^figure,figure-1,,,,a,A,0,5,"1,700",companies,1700,1700,1700,,,true$/);
});
