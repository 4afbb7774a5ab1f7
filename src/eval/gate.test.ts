// The gate: exit 4 when a floor is above the measurement, 0 otherwise; floors rise freely and fall only
// with a reason. A fixture task for the logic, the real CLI on the tiny `real` fixture for the exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../cli/run.js';
import { repoRoot } from '../shared-paths.js';
import { evalTasks } from './index.js';
import type { EvalTask } from './task.js';
import {
  floorsPath,
  formatJson,
  formatReport,
  justUnder,
  lowerFloor,
  metricValue,
  parseMetricId,
  raiseFloors,
  readFloors,
  runGate,
  selectGates,
  type FloorsFile,
} from './gate.js';

const fixtureTask: EvalTask = {
  name: 'fixture',
  description: 'returns fixed figures',
  defaultFile: 'unused',
  async run() {
    return { summary: { f1: 0.8, conflicts: { recall: 0.5 } }, predictions: [] };
  },
};
const tasks = { fixture: async () => fixtureTask };
// Any file that exists: the fixture task does not read it.
const file = './package.json';
const floorsWith = (f1: number, recall: number): FloorsFile => ({
  gates: {
    fix: { task: 'fixture', file, metrics: { f1: { measured: 0.81, floor: f1 }, 'conflicts.recall': { measured: 0.5, floor: recall } } },
  },
});

test('runGate fails the metric whose floor is above the measurement and says by how much', async () => {
  const report = await runGate(floorsWith(0.85, 0.4), { tasks });
  assert.deepEqual(report.failed.map((c) => c.metric), ['f1']);
  const text = formatReport(report);
  assert.match(text, /gate FAILED: 1 of 2 metrics/);
  assert.match(text, /fix\.f1 fell 0\.0500 under its floor: 0\.8000 < 0\.8500/);
});

test('runGate passes when every measurement is at or above its floor (equal counts)', async () => {
  const report = await runGate(floorsWith(0.8, 0.5), { tasks });
  assert.equal(report.failed.length, 0);
  assert.match(formatReport(report), /gate passed: 2 metrics of 1 gates/);
});

test('a metric absent from the summary fails the gate', async () => {
  const floors = floorsWith(0.1, 0.1);
  floors.gates.fix!.metrics['perKind.date.f1'] = { measured: 1, floor: 0.5 };
  const report = await runGate(floors, { tasks });
  assert.deepEqual(report.failed.map((c) => c.metric), ['perKind.date.f1']);
});

test('an absent dev set is skipped, named, and fails nothing', async () => {
  const floors: FloorsFile = { gates: { gone: { task: 'fixture', file: './no/such/file.jsonl', metrics: { f1: { measured: 1, floor: 1 } } } } };
  const report = await runGate(floors, { tasks });
  assert.equal(report.failed.length, 0);
  assert.match(formatReport(report), /gone +skipped: .*no\/such\/file\.jsonl is absent/);
});

test('selection: --ci keeps the ci gates; names select gates or tasks; unknown names and tasks are usage errors', () => {
  const floors: FloorsFile = {
    gates: {
      a: { task: 'fixture', file, ci: true, metrics: { f1: { measured: 1, floor: 1 } } },
      b: { task: 'fixture', file, metrics: { f1: { measured: 1, floor: 1 } } },
    },
  };
  assert.deepEqual(selectGates(floors, { tasks, ci: true }).map(([n]) => n), ['a']);
  assert.deepEqual(selectGates(floors, { tasks, only: ['b'] }).map(([n]) => n), ['b']);
  assert.deepEqual(selectGates(floors, { tasks, only: ['fixture'] }).map(([n]) => n), ['a', 'b']);
  floors.gates.fixture = { task: 'fixture', file, metrics: { f1: { measured: 1, floor: 1 } } };
  assert.deepEqual(selectGates(floors, { tasks, only: ['fixture'] }).map(([n]) => n), ['fixture'], 'a gate name wins over a task name');
  assert.throws(() => selectGates(floors, { tasks, only: ['c'] }), /no gate or gated task "c"/);
  assert.throws(() => selectGates({ gates: { x: { task: 'nope', file, metrics: { f1: { measured: 1, floor: 1 } } } } }, { tasks }), /not registered/);
});

test('raiseFloors raises to just under the measurement and never lowers', async () => {
  const floors = floorsWith(0.5, 0.9);
  const report = await runGate(floors, { tasks });
  const changes = raiseFloors(floors, report);
  assert.deepEqual(changes, [{ gate: 'fix', metric: 'f1', from: 0.5, to: 0.792 }]);
  assert.equal(floors.gates.fix!.metrics.f1!.floor, 0.792);
  assert.equal(floors.gates.fix!.metrics.f1!.measured, 0.8);
  assert.equal(floors.gates.fix!.metrics['conflicts.recall']!.floor, 0.9, 'a floor above the measurement stays');
});

test('lowerFloor refuses without a reason, and keeps the reason when it lowers', () => {
  const floors = floorsWith(0.85, 0.4);
  assert.throws(() => lowerFloor(floors, 'fix.f1', 0.7, undefined), /refused: .*needs --reason/);
  assert.throws(() => lowerFloor(floors, 'fix.f1', 0.7, '  '), /refused/);
  assert.equal(floors.gates.fix!.metrics.f1!.floor, 0.85);
  assert.throws(() => lowerFloor(floors, 'fix.f1', 0.9, 'why'), /not under the floor/);
  const change = lowerFloor(floors, 'fix.conflicts.recall', 0.3, 'gold grew by two hard conflicts');
  assert.deepEqual(change, { gate: 'fix', metric: 'conflicts.recall', from: 0.4, to: 0.3 });
  assert.equal(floors.gates.fix!.metrics['conflicts.recall']!.lowered?.reason, 'gold grew by two hard conflicts');
});

test('helpers: dot paths, metric ids with dots, floors just under', () => {
  assert.equal(metricValue({ a: { b: 0.5 } }, 'a.b'), 0.5);
  assert.equal(metricValue({ a: { b: 'x' } }, 'a.b'), undefined);
  assert.equal(metricValue({ a: 1 }, 'a.b'), undefined);
  assert.deepEqual(parseMetricId(floorsWith(0, 0), 'fix.conflicts.recall'), { gate: 'fix', metric: 'conflicts.recall' });
  assert.throws(() => parseMetricId(floorsWith(0, 0), 'fix.recall'), /pins no metric "recall"/);
  assert.equal(justUnder(0.9958), 0.985);
  assert.equal(justUnder(1), 0.99);
  assert.equal(justUnder(0.06), 0.059);
  assert.equal(justUnder(0), 0);
});

test('eval/floors.json: valid, every gate names a registered task', () => {
  const floors = readFloors(floorsPath());
  assert.ok(Object.keys(floors.gates).length >= 7);
  assert.doesNotThrow(() => selectGates(floors, { tasks: evalTasks }));
  for (const [name, g] of Object.entries(floors.gates)) {
    for (const [m, f] of Object.entries(g.metrics)) assert.ok(f.floor <= f.measured, `${name}.${m}: floor ${f.floor} above the measured ${f.measured}`);
  }
});

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

test('parallax eval --gate: exit 4 above the measurement, 0 at it; --lower-floor without --reason is refused', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gate-test-'));
  try {
    const path = join(tmp, 'floors.json');
    // The tiny hand-made `real` story has exactly one gold conflict and two exclusives.
    const write = (floor: number) =>
      writeFileSync(
        path,
        JSON.stringify({
          gates: {
            tiny: {
              task: 'real',
              file: './test/fixtures/real-eval/tiny.stories.jsonl',
              metrics: { 'conflicts.gold': { measured: 1, floor }, 'exclusives.gold': { measured: 2, floor: 2 } },
            },
          },
        }),
      );
    write(2);
    const below = await cli(['eval', '--gate', '--floors', path]);
    assert.equal(below.code, 4, below.stderr);
    assert.match(below.stdout, /tiny\.conflicts\.gold fell 1\.0000 under its floor/);

    write(1);
    const at = await cli(['eval', '--gate', '--floors', path]);
    assert.equal(at.code, 0, at.stderr + at.stdout);
    assert.match(at.stdout, /gate passed: 2 metrics of 1 gates/);

    const before = readFileSync(path, 'utf8');
    const refused = await cli(['eval', '--lower-floor', 'tiny.conflicts.gold', '--to', '0.5', '--floors', path]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /refused: .*needs --reason/);
    assert.equal(readFileSync(path, 'utf8'), before, 'the file is unchanged');

    const lowered = await cli(['eval', '--lower-floor', 'tiny.conflicts.gold', '--to', '0.5', '--reason', 'test', '--floors', path]);
    assert.equal(lowered.code, 0, lowered.stderr);
    const after = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(after.gates.tiny.metrics['conflicts.gold'].floor, 0.5);
    assert.equal(after.gates.tiny.metrics['conflicts.gold'].lowered.reason, 'test');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('formatJson: the same data back, plain objects on one line', () => {
  const floors = floorsWith(0.85, 0.4);
  floors.about = ['x'];
  floors.gates.fix!.metrics.f1!.lowered = { from: 0.9, to: 0.85, reason: 'r "quoted"', on: '2026-12-07' };
  const text = formatJson(floors);
  assert.deepEqual(JSON.parse(text), floors);
  assert.match(text, /"conflicts.recall": \{ "measured": 0.5, "floor": 0.4 \}/);
});
