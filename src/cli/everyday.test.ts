// What a new user meets in the first hour of the CLI: messages that help, no stack traces, no local
// paths in shared reports, a refusal to compare unrelated articles as one event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput } from './output-capture.js';
import { runCli } from './run.js';
import { closest, plural } from './suggest.js';
import { formatSummary } from './commands/eval.js';
import { estimateTotal } from './commands/ingest.js';
import { collectInputs } from '../ingest/collect.js';
import { repoRoot } from '../shared-paths.js';

const EXAMPLE = join(repoRoot(), 'examples', 'bishkek');

async function cli(args: string[], cwd = repoRoot()) {
  const out = captureOutput();
  const err = captureOutput();
  const code = await runCli(args, { stdout: out.stream, stderr: err.stream, env: {}, cwd });
  return { code, out: out.text(), err: err.text() };
}

test('did you mean: a mistyped command or option is named with its nearest real one, in balanced quotes', async () => {
  const cmd = await cli(['compar', 'x']);
  assert.equal(cmd.code, 2);
  assert.match(cmd.err, /unknown command "compar"\. Did you mean "compare"\?/);
  const opt = await cli(['compare', '--jsn', 'a.txt']);
  assert.equal(opt.code, 2);
  assert.equal(opt.err.trim(), 'parallax compare: unknown option --jsn. Did you mean --json? Run `parallax compare --help` for the options.');
  const missing = await cli(['compare', '--sources']);
  assert.equal(missing.err.trim(), 'parallax compare: --sources needs a value (MANIFEST)');
  assert.equal(closest('zzzzzz', ['compare', 'serve']), null);
  assert.equal(plural(1, 'report'), '1 report');
  assert.equal(plural(2, 'story', 'stories'), '2 stories');
});

test('one file: an error that says so, no report, a usage exit code', async () => {
  const r = await cli(['compare', join(EXAMPLE, 'realist-english.txt')]);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /only one article was read \(realist-english\.txt\)/);
});

test('a JSON Lines file of several stories is not compared as one event: the stories are listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-many-'));
  try {
    const rows = [
      { story: 's-aaa', outlet: 'A', title: 'Floods in the valley', text: 'Floods hit the valley on Monday.' },
      { story: 's-aaa', outlet: 'B', title: 'Valley floods', text: 'The valley flooded on Monday.' },
      { story: 's-bbb', outlet: 'C', title: 'Election results', text: 'The governor won the election.' },
    ];
    writeFileSync(join(dir, 'c.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const r = await cli(['compare', 'c.jsonl'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /holds 2 stories; choose one with --story ID/);
    assert.match(r.err, /^ {2}s-aaa {2}2 reports {2}Floods in the valley$/m, 'one story per line');
    assert.match(r.err, /^ {2}s-bbb {2}1 report {2}Election results$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files that do not look like one event are compared with a warning that names the groups; a follow-up report is not warned about', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-events-'));
  try {
    for (const f of ['realist-english.txt', 'moscow-times.txt']) copyFileSync(join(EXAMPLE, f), join(dir, f));
    writeFileSync(
      join(dir, 'valley-floods.txt'),
      'RIVERTON (Valley Gazette). Floods swept through the Green River valley on Monday after three days of heavy rain, ' +
        'forcing 2,300 residents from their homes. The county sheriff said two bridges had collapsed and the main highway was closed.\n' +
        'Emergency crews used boats to reach farms cut off by the water. The state governor declared an emergency for four counties.\n',
    );
    const mixed = await cli(['compare', 'realist-english.txt', 'valley-floods.txt', '--no-color'], dir);
    assert.equal(mixed.code, 0, 'still compared: the reader may know better');
    assert.ok(mixed.out.startsWith('Parallax: 2 reports compared'));
    assert.match(mixed.err, /warning: these reports do not look like one event; the story clusterer puts them in 2 stories:/);
    assert.match(mixed.err, /^ {2}\d\. Realist English/m);
    assert.match(mixed.err, /^ {2}\d\. valley-floods\.txt|^ {2}\d\. Valley Gazette/m);
    // The same event reported two days apart (a follow-up) is one story: no warning.
    const followUp = await cli(['compare', 'realist-english.txt', 'moscow-times.txt', '--published', '2025-11-25', '--published', '2025-11-27', '--no-color'], dir);
    assert.equal(followUp.code, 0, followUp.err);
    assert.doesNotMatch(followUp.err, /warning/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a story's facts over time in the terminal report and the JSON: the later report's count is an update, reports in publication order", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-development-'));
  try {
    writeFileSync(join(dir, 'late.txt'), 'At least 20 people died when floods hit the Chui valley, officials said on Friday. Rescuers were still searching the villages.\n');
    writeFileSync(join(dir, 'early.txt'), 'At least 12 people died when floods hit the Chui valley, officials said. Rescuers searched for people missing in the villages.\n');
    const args = ['compare', 'late.txt', 'early.txt', '--outlet', 'Wire Two', '--outlet', 'Wire One', '--published', '2025-06-02T08:00:00Z', '--published', '2025-06-01T18:00:00Z'];
    const json = await cli([...args, '--json'], dir);
    assert.equal(json.code, 0, json.err);
    const dev = JSON.parse(json.out).development;
    assert.deepEqual(dev.reports.map((r: { outlet: string }) => r.outlet), ['Wire One', 'Wire Two']);
    assert.equal(dev.facts.length, 1);
    assert.equal(dev.facts[0].verdict, 'update');
    assert.deepEqual(dev.facts[0].steps.map((s: { outlet: string; value: string }) => `${s.outlet}: ${s.value}`), ['Wire One: At least 12', 'Wire Two: At least 20']);
    assert.equal(dev.summary, '2 reports from 1 Jun 2025, 18:00 UTC to 2 Jun 2025, 08:00 UTC: 1 fact updated in a later report');
    const term = await cli([...args, '--no-color'], dir);
    assert.match(term.out, /How the story developed\n {2}2 reports from .*: 1 fact updated in a later report\n {2}1 Jun 2025, 18:00 UTC {2}Wire One\n {2}2 Jun 2025, 08:00 UTC {2}Wire Two\n/);
    // Counts of one in the singular: '1 conflict', not '1 conflicts'.
    assert.match(term.out, /^• 1 statement is reported by more than one outlet;/m);
    assert.match(term.out, /^• 1 conflict \(number\)\. First:/m);
    assert.match(term.out, /^• 1 statement only in Wire Two\.$/m);
    assert.match(term.out, /\(updated in a later report\)\n {6}1 Jun 2025, 18:00 UTC {2}Wire One: “At least 12”\n {6}2 Jun 2025, 08:00 UTC {2}Wire Two: “At least 20”/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second npm run example: no compiler run when no source changed, and the example compared in under 3 s of CPU', () => {
  // scripts/build.mjs --check on a tree of its own: up to date after a build, due once a source is newer.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-build-'));
  try {
    for (const d of ['src', 'dist/src/cli']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.ts'), 'export {};\n');
    writeFileSync(join(dir, 'dist', 'src', 'cli', 'main.js'), '');
    writeFileSync(join(dir, 'dist', '.tsbuildinfo'), '{}');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'src', 'a.ts'), past, past);
    utimesSync(join(dir, 'src'), past, past);
    const check = () => spawnSync(process.execPath, [join(repoRoot(), 'scripts', 'build.mjs'), '--check'], { cwd: dir }).status;
    assert.equal(check(), 0, 'nothing newer than the last build: no compiler run');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'src', 'a.ts'), later, later);
    assert.equal(check(), 1, 'a changed source: a build is due');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // CPU time (user + system) of the example itself, which a loaded machine does not inflate as it does wall time.
  const main = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const r = spawnSync('/bin/bash', ['-c', `TIMEFORMAT='%U %S'; time node "${main}" compare --sources "${join(EXAMPLE, 'sources.json')}" >/dev/null`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [user, system] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  assert.ok(user! + system! < 3, `the example took ${user} s user + ${system} s system`);
});

test('terminal report from files: outlets named by their dateline, columns aligned, a conflict between reports first, offsets explained', async () => {
  const r = await cli(['compare', join(EXAMPLE, 'realist-english.txt'), join(EXAMPLE, 'moscow-times.txt'), '--no-color']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'Parallax: 2 reports compared');
  // realist-english.txt opens "BISHKEK (Realist English) —": its outlet is that, not the file name.
  assert.match(lines[1]!, /^ {2}Realist English {2}/);
  // The date column starts at the same place on every article line.
  const col = (l: string) => l.indexOf('date unknown');
  assert.ok(col(lines[1]!) > 0 && col(lines[1]!) === col(lines[2]!), `${lines[1]}\n${lines[2]}`);
  assert.match(r.out, /character offsets into its cleaned text/);
  const conflicts = lines.findIndex((l) => /^Conflicts \(\d+\)/.test(l));
  assert.ok(conflicts > 0);
  assert.doesNotMatch(lines[conflicts + 1]!, /within one report/, 'the first conflict shown is one between two reports');
});

test('Markdown and HTML reports name input files without the local directories', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-paths-secret-'));
  try {
    for (const f of ['realist-english.txt', 'moscow-times.txt']) copyFileSync(join(EXAMPLE, f), join(dir, f));
    const md = await cli(['compare', 'realist-english.txt', 'moscow-times.txt', '--markdown', '--html', 'r.html'], dir);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /\| realist-english\.txt \|/);
    assert.ok(!md.out.includes(dir), 'no absolute path in the Markdown');
    assert.ok(!readFileSync(join(dir, 'r.html'), 'utf8').includes(dir), 'no absolute path in the HTML');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early ends the CLI quietly with exit 0 (no EPIPE stack trace)', () => {
  const main = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const r = spawnSync('/bin/bash', ['-c', `set -o pipefail; node "${main}" compare "${EXAMPLE}" --json | head -c 100 >/dev/null`], { encoding: 'utf8' });
  assert.equal(r.stderr, '', 'nothing on stderr');
  assert.equal(r.status, 0);
});

test('eval prints nested tables (perKind) as indented rows, not raw JSON', () => {
  const text = formatSummary({ task: 'pairs', f1: 0.812345, perKind: { number: { precision: 0.9, recall: 0.5, gold: 10 }, date: { precision: 1, recall: 1, gold: 3 } } });
  assert.doesNotMatch(text, /[{}"]/);
  assert.match(text, /^f1 +0\.8123$/m);
  assert.match(text, /^perKind$/m);
  assert.match(text, /^ {2}number {2}precision 0\.9000 {2}recall 0\.5000 {2}gold 10$/m);
});

test('ingest reads a directory with a sources.json as compare does, and the progress bar knows its total', async () => {
  const items = [];
  for await (const item of collectInputs([EXAMPLE], { cwd: repoRoot() })) items.push(item);
  const outlets = items.map((i) => ('article' in i ? i.article.outlet : `failure ${i.failure.message}`));
  assert.deepEqual(outlets, ['Realist English', 'The Moscow Times'], 'EXPECTED.md is not an article; outlets come from the manifest');
  assert.equal(estimateTotal([EXAMPLE], repoRoot()), 2);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-total-'));
  try {
    // The two reports of the manifest are one story, as compare reads them.
    const r = await cli(['ingest', EXAMPLE, '--db', join(dir, 'p.db'), '--workers', '0', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const summary = JSON.parse(r.out) as { new: number; stories: { new: number } };
    assert.equal(summary.new, 2);
    assert.equal(summary.stories.new, 1);
    writeFileSync(join(dir, 'a.jsonl'), '{"text":"a"}\n{"text":"b"}\n{"text":"c"}');
    writeFileSync(join(dir, 'b.txt'), 'text');
    assert.equal(estimateTotal([dir], dir), 4);
    assert.equal(estimateTotal(['https://example.com/feed'], dir), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('README: the command table lists every command, the evaluation table every task, the status codes the server uses', async () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const { commands } = await import('./commands/index.js');
  for (const name of Object.keys(commands)) assert.match(readme, new RegExp(`^\\| \`parallax ${name}\\b`, 'm'), `command ${name}`);
  const { evalTasks } = await import('../eval/index.js');
  for (const name of Object.keys(evalTasks)) assert.match(readme, new RegExp(`^\\| ${name} \\| \`parallax eval ${name}\\b`, 'm'), `eval task ${name}`);
  for (const code of ['403', '404', '405', '413']) assert.match(readme, new RegExp(`\\b${code}\\b`), `status ${code}`);
  assert.doesNotMatch(readme, /check against the source/);
});
