// The CLI side of the gate (`parallax eval --gate | --raise-floors | --lower-floor`), kept out of
// src/cli/commands/eval.ts so that the command file only dispatches. Returns whether every floor held.
import { isAbsolute, resolve } from 'node:path';
import { ParallaxError } from '../model/errors.js';
import type { EvalTask } from './task.js';
import {
  floorsPath,
  formatReport,
  justUnder,
  lowerFloor,
  parseMetricId,
  raiseFloors,
  readFloors,
  requireReason,
  runGate,
  writeFloors,
} from './gate.js';

interface GateIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

export async function runGateCommand(
  { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
  io: GateIO,
  tasks: Record<string, () => Promise<EvalTask>>,
): Promise<boolean> {
  const stray = ['predictions', 'gold', 'limit'].find((k) => values[k] !== undefined);
  if (stray) throw new ParallaxError('E_USAGE', `--${stray} is for scoring one task; the gate reads each dev set and gold from the floors file`);
  const path = typeof values.floors === 'string' ? (isAbsolute(values.floors) ? values.floors : resolve(io.cwd, values.floors)) : floorsPath();
  const lower = values['lower-floor'];
  if (lower !== undefined) {
    if (values.gate || values['raise-floors'] || values.ci || positionals.length > 0) {
      throw new ParallaxError('E_USAGE', '--lower-floor takes one GATE.METRIC and no --gate, --ci, --raise-floors or task names');
    }
    const id = String(lower);
    // Refuse before anything runs or is read.
    const reason = requireReason(id, values.reason);
    const floors = readFloors(path);
    const { gate, metric } = parseMetricId(floors, id);
    let to: number;
    let measured: number | undefined;
    if (values.to !== undefined) {
      to = Number(values.to);
      if (!Number.isFinite(to)) throw new ParallaxError('E_USAGE', `--to must be a number, not "${String(values.to)}"`);
    } else {
      const report = await runGate(floors, { tasks, only: [gate], onStart: (g) => io.stderr.write(`measuring ${g}...\n`) });
      const check = report.runs.find((r) => r.gate === gate)?.checks.find((c) => c.metric === metric);
      if (!check || check.measured === undefined) {
        throw new ParallaxError('E_USAGE', `${id}: nothing measured (${report.runs[0]?.skipped ?? 'not a number in the summary'}); give the new floor with --to N`);
      }
      if (check.ok) {
        io.stdout.write(`${id}: ${check.measured.toFixed(4)} is at or above its floor ${check.floor.toFixed(4)}; nothing to lower, ${path} unchanged\n`);
        return true;
      }
      measured = check.measured;
      to = justUnder(check.measured, floors.margin);
    }
    const change = lowerFloor(floors, id, to, reason, measured);
    writeFloors(path, floors);
    io.stdout.write(
      `lowered the floor of ${change.gate}.${change.metric}: ${change.from} -> ${change.to}\n` +
        `commit ${path} with the reason in the message: "${reason}"\n`,
    );
    return true;
  }
  if (values.reason !== undefined || values.to !== undefined) throw new ParallaxError('E_USAGE', '--reason and --to go with --lower-floor GATE.METRIC');
  if (!values.gate && !values['raise-floors']) throw new ParallaxError('E_USAGE', 'use --gate');
  const floors = readFloors(path);
  const report = await runGate(floors, {
    tasks,
    only: positionals,
    ci: values.ci === true,
    onStart: (g) => io.stderr.write(`gate: running ${g}...\n`),
  });
  if (values.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else io.stdout.write(formatReport(report));
  if (values['raise-floors']) {
    const changes = raiseFloors(floors, report);
    writeFloors(path, floors);
    io.stderr.write(
      changes.length === 0
        ? `no floor rose; measurements recorded in ${path}\n`
        : `raised ${changes.length} floors in ${path}: ${changes.map((c) => `${c.gate}.${c.metric} ${c.from} -> ${c.to}`).join(', ')}\n`,
    );
  }
  return report.failed.length === 0;
}
