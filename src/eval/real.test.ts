// `parallax eval real` end to end on a tiny hand-made story (test/fixtures/real-eval: two made-up articles,
// one conflict, one benign difference, two exclusives): the figures must be what the predictions it wrote give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../cli/run.js';
import { repoRoot } from '../shared-paths.js';
import { keptSegments, toInputSpan } from './real.js';

const dir = join(repoRoot(), 'test', 'fixtures', 'real-eval');
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli(args, { stdout, stderr, env: {}, cwd: repoRoot() });
  return { code, stdout: out, stderr: err };
}
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

test('eval real on the tiny fixture: denominators, figures recomputed from the predictions, exact spans', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'real-eval-test-'));
  try {
    const out = join(tmp, 'pred.jsonl');
    const res = await cli(['eval', 'real', join(dir, 'tiny.stories.jsonl'), '--json', '--predictions', out]);
    assert.equal(res.code, 0, res.stderr);
    const s = JSON.parse(res.stdout);
    assert.equal(s.task, 'real');
    assert.equal(s.conflicts.gold, 1);
    assert.equal(s.benign.gold, 1);
    assert.equal(s.exclusives.gold, 2);
    assert.deepEqual(s.failedStories, []);
    // Recompute by hand from the predictions file, independently of real-score.ts.
    const texts = new Map(readFileSync(join(dir, 'tiny.stories.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((a) => [a.id, a.text as string]));
    const gold = JSON.parse(readFileSync(join(dir, 'tiny.gold.json'), 'utf8')).stories[0];
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].story, 'greenfield-fire');
    type Ev = { article: string; start: number; end: number; text: string };
    for (const f of rows[0].findings) {
      assert.deepEqual(Object.keys(f).filter((k) => !['kind', 'type', 'summary', 'evidence'].includes(k)), []);
      for (const e of f.evidence as Ev[]) {
        assert.deepEqual(Object.keys(e).sort(), ['article', 'end', 'start', 'text']);
        assert.equal(texts.get(e.article)!.slice(e.start, e.end), e.text, 'evidence offsets index the input text');
      }
    }
    const conflicts: Ev[][] = rows[0].findings.filter((f: { kind: string }) => f.kind === 'conflict').map((f: { evidence: Ev[] }) => f.evidence);
    const touched = (spans: Ev[], ev: Ev[]) => spans.filter((g) => ev.some((e) => e.article === g.article && overlaps(e, g))).length;
    const found = conflicts.some((ev) => touched(gold.conflicts[0].spans, ev) >= 2) ? 1 : 0;
    const flagged = conflicts.some((ev) => touched(gold.benign[0].spans, ev) >= 2) ? 1 : 0;
    const excl: Ev[] = rows[0].findings.filter((f: { kind: string }) => f.kind === 'exclusive').flatMap((f: { evidence: Ev[] }) => f.evidence);
    const exFound = gold.exclusives.filter((g: Ev) => excl.some((e) => e.article === g.article && overlaps(e, g))).length;
    assert.deepEqual(s.conflicts, { found, gold: 1, recall: found });
    assert.deepEqual(s.perKind, { number: { found, gold: 1, recall: found } });
    assert.deepEqual(s.benign, { flagged, gold: 1, falseAlarmRate: flagged });
    assert.deepEqual(s.exclusives, { found: exFound, gold: 2, recall: exFound / 2 });
    assert.equal(s.reportedConflicts, conflicts.length);
    assert.equal(s.missed.length, 1 - found);
    // The human table says the same.
    const human = await cli(['eval', 'real', join(dir, 'tiny.stories.jsonl'), '--gold', join(dir, 'tiny.gold.json')]);
    assert.match(human.stdout, new RegExp(`conflict recall\\s+${found}/1`));
    assert.match(human.stdout, new RegExp(`exclusive recall\\s+${exFound}/2`));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('eval real names a story whose article is missing from the stories file', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'real-eval-test-'));
  try {
    const goldFile = join(tmp, 'g.json');
    writeFileSync(goldFile, JSON.stringify({ stories: [{ story: 'x', articles: ['tiny-a', 'nowhere'], conflicts: [], benign: [], exclusives: [] }] }));
    const res = await cli(['eval', 'real', join(dir, 'tiny.stories.jsonl'), '--gold', goldFile]);
    assert.notEqual(res.code, 0);
    assert.match(res.stderr, /nowhere.*not in the stories file/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('evidence offsets of the cleaned text map back to the input: through what cleaning removed, else by the text', () => {
  const input = 'AD: buy now. Fire at 9 pm. AD: buy now. Fire out at 11 pm.';
  // cleaning removed the two ads (offsets into the input); the cleaned text is what is left
  const removed = [{ start: 0, end: 13 }, { start: 27, end: 40 }];
  const doc = { segments: keptSegments(input, removed) };
  const cleaned = 'Fire at 9 pm. Fire out at 11 pm.';
  assert.equal(doc.segments.map((g) => input.slice(g.originalStart, g.originalStart + g.length)).join(''), cleaned);
  const at = (t: string) => ({ start: cleaned.indexOf(t), end: cleaned.indexOf(t) + t.length, text: t });
  assert.deepEqual(toInputSpan(doc, input, at('11 pm')), { start: input.indexOf('11 pm'), end: input.indexOf('11 pm') + 5 });
  assert.deepEqual(toInputSpan(doc, input, at('9 pm')), { start: 21, end: 25 });
  // a map that does not fit (no segments): the occurrence of the text nearest to the cleaned offset
  assert.deepEqual(toInputSpan({ segments: [] }, input, at('Fire out')), { start: input.indexOf('Fire out'), end: input.indexOf('Fire out') + 8 });
});
