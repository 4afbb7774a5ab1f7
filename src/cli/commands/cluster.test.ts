import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput as capture } from '../output-capture.js';
import { runCli } from '../run.js';


const rows = [
  { id: 'p1', outlet: 'A', published: '2024-03-04', title: 'Earthquake strikes southern Peru', text: 'A magnitude 6.8 earthquake struck the Arequipa region of southern Peru on Monday, killing 12 people near the town of Chala, the Geophysical Institute of Peru said.' },
  { id: 'p2', outlet: 'B', published: '2024-03-05', title: 'Peru quake toll rises', text: 'The toll from the magnitude 6.8 earthquake in Arequipa, Peru, rose to 15 as rescuers searched homes near Chala, the Geophysical Institute of Peru said.' },
  { id: 'f1', outlet: 'A', published: '2024-03-05', title: 'Central bank holds rates', text: 'The European Central Bank kept its deposit rate at 4% on Thursday, and Christine Lagarde said inflation in the euro zone was easing faster than expected.' },
];

test('parallax cluster writes one {"id","story"} line per article, and labels with --json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = capture();
  const err = capture();
  const io = { stdout: out.stream, stderr: err.stream, env: {}, cwd: dir };
  assert.equal(await runCli(['cluster', file], io), 0);
  const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as { id: string; story: string });
  assert.deepEqual(lines.map((l) => l.id), ['p1', 'p2', 'f1']);
  assert.equal(lines[0]!.story, lines[1]!.story);
  assert.notEqual(lines[0]!.story, lines[2]!.story);

  assert.equal(await runCli(['cluster', file, '--json', '--out', 'result.json'], io), 0);
  const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { stories: Array<{ articles: string[]; places: string[] }> };
  assert.equal(result.stories.length, 2);
  assert.ok(result.stories.some((s) => s.places.includes('Peru')));
});

test('parallax cluster names the file when it cannot be read', async () => {
  const err = capture();
  const io = { stdout: capture().stream, stderr: err.stream, env: {}, cwd: tmpdir() };
  const code = await runCli(['cluster', 'no-such-file.jsonl'], io);
  assert.notEqual(code, 0);
  assert.match(err.text(), /no-such-file\.jsonl: no such file/);
});

test('parallax cluster --explain A B shows both signatures and the verdict', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = capture();
  const io = { stdout: out.stream, stderr: capture().stream, env: {}, cwd: dir };
  assert.equal(await runCli(['cluster', file, '--explain', 'p1', 'p2'], io), 0);
  assert.match(out.text(), /^id +p1 +\| p2$/m);
  assert.match(out.text(), /ONE STORY: pair score/);
  assert.match(out.text(), /^places .*peru/m);
  const other = capture();
  assert.equal(await runCli(['cluster', file, '--explain', 'p1', 'f1', '--json'], { ...io, stdout: other.stream }), 0);
  const report = JSON.parse(other.text()) as { sameStory: boolean; articles: Array<{ id: string }> };
  assert.equal(report.sameStory, false);
  assert.deepEqual(report.articles.map((a) => a.id), ['p1', 'f1']);
  const err = capture();
  assert.notEqual(await runCli(['cluster', file, '--explain', 'p1'], { ...io, stderr: err.stream }), 0);
});
