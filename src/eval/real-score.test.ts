import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hits, renderRealScore, scoreReal, type GoldStory, type PredictedFinding } from './real-score.js';

const span = (article: string, start: number, end: number) => ({ article, start, end, text: 'x'.repeat(end - start) });

// Two articles a and b; offsets are made up, only overlaps matter.
const story: GoldStory = {
  story: 's1',
  articles: ['a', 'b'],
  conflicts: [
    { kind: 'number', note: 'age 12 vs 14', spans: [span('a', 10, 20), span('b', 30, 40)] },
    { kind: 'date', note: 'Tuesday vs Wednesday', spans: [span('a', 50, 60), span('b', 70, 80), span('a', 200, 210)] },
    { kind: 'number', note: 'crowd size', spans: [span('a', 100, 110), span('b', 120, 130)] },
  ],
  benign: [
    { kind: 'number', note: 'three hours vs about three hours', spans: [span('a', 300, 310), span('b', 320, 330)] },
    { kind: 'number', note: 'words vs digits', spans: [span('a', 400, 410), span('b', 420, 430)] },
  ],
  uncertain: [{ kind: 'entity', note: 'borderline title', spans: [span('a', 500, 510), span('b', 520, 530)] }],
  exclusives: [
    { ...span('a', 600, 650), note: 'owner' },
    { ...span('b', 700, 750), note: 'council' },
    { ...span('b', 800, 850), note: 'missed' },
  ],
};
const conflict = (evidence: PredictedFinding['evidence'], type = 'number'): PredictedFinding => ({ kind: 'conflict', type, summary: type, evidence });

test('a conflict hits a gold finding only when its evidence overlaps two of its spans', () => {
  const g = story.conflicts[1]!;
  assert.equal(hits(g, [span('a', 55, 56)]), false, 'one span is not enough');
  assert.equal(hits(g, [span('a', 55, 56), span('a', 205, 206)]), true, 'two mentions in one article count');
  assert.equal(hits(g, [span('b', 55, 56), span('a', 205, 206)]), false, 'the article must be the same');
  assert.equal(hits(g, [span('a', 60, 61), span('b', 69, 70)]), false, 'touching ends do not overlap');
});

test('real scoring: recall per kind, benign alarms, unmatched conflicts, exclusives, failed stories', () => {
  const findings: PredictedFinding[] = [
    conflict([span('a', 15, 16), span('b', 35, 36)]), // hits conflict 1
    // a's long span covers both of the date's mentions in a: two spans, a hit (and a third hit on conflict 1)
    conflict([span('a', 0, 1000), span('b', 0, 60)], 'date'),
    // contexts a 300-420 and b 320-440 cover both benign findings; the value alone (b 325-326) covers one span
    conflict([span('a', 300, 420), { ...span('b', 325, 326), role: 'value' }, span('b', 320, 440)]),
    { ...conflict([span('a', 505, 506), span('b', 525, 526)], 'entity'), verdict: 'contradiction' }, // uncertain: neither hit nor unmatched
    conflict([span('a', 900, 901), span('b', 900, 901)]), // unmatched
    { kind: 'exclusive', summary: 'only a', evidence: [span('a', 640, 700)] },
    { kind: 'exclusive', summary: 'only a, but the gold item is in b', evidence: [span('a', 700, 750)] },
    { kind: 'agreement', summary: 'not a conflict', evidence: [span('a', 100, 110), span('b', 120, 130)] },
  ];
  const other: GoldStory = { ...story, story: 's2', conflicts: [story.conflicts[0]!], benign: [], uncertain: [], exclusives: [] };
  const s = scoreReal([story, other], new Map([['s1', findings]]));
  assert.deepEqual(s.conflicts, { found: 2, gold: 4, recall: 0.5 });
  assert.deepEqual(s.perKind, { date: { found: 1, gold: 1, recall: 1 }, number: { found: 1, gold: 3, recall: 0.3333 } });
  assert.deepEqual(s.benign, { flagged: 2, gold: 2, falseAlarmRate: 1 });
  assert.deepEqual(s.exclusives, { found: 1, gold: 3, recall: 0.3333 });
  assert.equal(s.reportedConflicts, 5);
  assert.equal(s.unmatchedConflicts, 1);
  assert.deepEqual(s.failedStories, ['s2']);
  assert.deepEqual(s.byVerdict, {
    none: { reported: 4, conflict: 2, benign: 1, unmatched: 1 },
    contradiction: { reported: 1, conflict: 0, benign: 0, unmatched: 0 },
  });
  assert.deepEqual(s.missed.map((m) => m.note), ['crowd size', 'age 12 vs 14']);
  // Cut to the value evidence, the third conflict keeps only b 325-326: one span of benign 1, so no alarm.
  const v = scoreReal([story], new Map([['s1', findings]]), { valueOnly: true });
  assert.deepEqual(v.benign, { flagged: 0, gold: 2, falseAlarmRate: 0 });
  assert.equal(v.conflicts.found, 2);
  const table = renderRealScore(s);
  assert.match(table, /conflict recall\s+2\/4\s+0\.50/);
  assert.match(table, /unmatched conflicts\s+1\/5/);
});
