// The evaluation gate (`parallax eval --gate`): every gated task runs on its dev set and each pinned metric
// must stay at or above its floor (eval/floors.json). Floors rise freely (`--raise-floors`) and fall only
// through `--lower-floor GATE.METRIC --reason "..."`, so that a drop is a decision with a reason, not a drift.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ParallaxError } from '../model/errors.js';
import { evalPath, repoRoot } from '../shared-paths.js';
import type { EvalTask } from './task.js';

export interface FloorMetric {
  /** The value measured when the floor was last set or raised. */
  measured: number;
  floor: number;
  /** Why the floor was last lowered (written by --lower-floor). */
  lowered?: { from: number; to: number; reason: string; on: string };
}

export interface GateEntry {
  /** The registered task (src/eval/index.ts); default: the gate's name. */
  task?: string;
  /** The dev set: relative to ../shared/eval, or to the repository root when it starts with "./". */
  file: string;
  /** A separate gold file, resolved like `file`. */
  gold?: string;
  /** Run by CI (`--gate --ci`): only the fast ones. */
  ci?: boolean;
  /** Wall and CPU time of the last measurement on this machine (seconds), to choose what CI runs. */
  seconds?: number;
  cpuSeconds?: number;
  measuredOn?: string;
  /** Pinned figures: a dot path into the task's --json summary ("f1", "conflicts.recall") -> floor. */
  metrics: Record<string, FloorMetric>;
}

export interface FloorsFile {
  about?: string[];
  /** How far under a measurement a new floor goes, relative to the measurement (default 0.01). */
  margin?: number;
  gates: Record<string, GateEntry>;
}

export const floorsPath = (): string => join(repoRoot(), 'eval', 'floors.json');

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function readFloors(path: string): FloorsFile {
  if (!existsSync(path)) throw new ParallaxError('E_READ', 'no floors file', path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ParallaxError('E_PARSE', `not JSON (${(e as Error).message})`, path);
  }
  const bad = (what: string): never => {
    throw new ParallaxError('E_PARSE', what, path);
  };
  const o = raw as FloorsFile;
  if (!o || typeof o !== 'object' || !o.gates || typeof o.gates !== 'object') bad('expected {"gates": {NAME: {...}}}');
  if (o.margin !== undefined && !(isNum(o.margin) && o.margin >= 0 && o.margin < 1)) bad('"margin" must be a number in [0, 1)');
  for (const [name, g] of Object.entries(o.gates)) {
    // The name is the part before the first dot of --lower-floor GATE.METRIC.
    if (!/^[A-Za-z0-9_-]+$/.test(name)) bad(`gate name "${name}": letters, digits, "-" and "_" only`);
    if (!g || typeof g.file !== 'string') bad(`gate ${name}: "file" is missing`);
    if (g.task !== undefined && typeof g.task !== 'string') bad(`gate ${name}: "task" must be a string`);
    if (g.gold !== undefined && typeof g.gold !== 'string') bad(`gate ${name}: "gold" must be a string`);
    if (!g.metrics || typeof g.metrics !== 'object' || Object.keys(g.metrics).length === 0) bad(`gate ${name}: no "metrics"`);
    for (const [m, f] of Object.entries(g.metrics)) {
      if (!f || !isNum(f.floor) || !isNum(f.measured)) bad(`gate ${name}, metric ${m}: "floor" and "measured" must be numbers`);
    }
  }
  return o;
}

const GATE_KEYS = ['task', 'file', 'gold', 'ci', 'seconds', 'cpuSeconds', 'measuredOn', 'metrics'];

export function writeFloors(path: string, floors: FloorsFile): void {
  // Each gate's fields in one order, whatever order they were set in, so that diffs stay small.
  const gates = Object.fromEntries(
    Object.entries(floors.gates).map(([name, g]) => {
      const keys = [...GATE_KEYS, ...Object.keys(g).filter((k) => !GATE_KEYS.includes(k))];
      return [name, Object.fromEntries(keys.filter((k) => k in g).map((k) => [k, (g as unknown as Record<string, unknown>)[k]]))];
    }),
  );
  writeFileSync(path, formatJson({ ...floors, gates }) + '\n');
}

/** JSON indented by two spaces, with every object of plain values on one line (a metric's floor reads as one line). */
export function formatJson(v: unknown, indent = ''): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[\n${v.map((x) => inner + formatJson(x, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, x]) => x === null || typeof x !== 'object')) return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ')} }`;
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** The path of a gate's file: relative to ../shared/eval, or to the repository root when it starts with "./". */
export function resolveGateFile(p: string): string {
  if (isAbsolute(p)) return p;
  return p.startsWith('./') ? join(repoRoot(), p) : evalPath(p);
}

/** A number at a dot path of a summary ("conflicts.recall"), or undefined. */
export function metricValue(summary: Record<string, unknown>, path: string): number | undefined {
  let v: unknown = summary;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return isNum(v) ? v : undefined;
}

/** A floor a little under a measurement: `margin` of it lower, rounded down to 3 decimals. */
export function justUnder(measured: number, margin = 0.01): number {
  return Math.floor((measured - Math.abs(measured) * margin) * 1000 + 1e-9) / 1000;
}

export interface MetricCheck {
  gate: string;
  metric: string;
  floor: number;
  /** The value pinned beside the floor in the file. */
  pinned: number;
  /** Undefined when the summary has no number at the metric's path (counts as a failure). */
  measured: number | undefined;
  ok: boolean;
}

export interface GateRun {
  gate: string;
  task: string;
  file: string;
  /** Set when the dev set is absent (../shared not beside the repository): nothing was measured. */
  skipped?: string;
  seconds: number;
  /** CPU time of this process during the run (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  checks: MetricCheck[];
}

export interface GateReport {
  runs: GateRun[];
  failed: MetricCheck[];
}

export interface GateOptions {
  /** Gate or task names to run (default: all). */
  only?: string[];
  /** Only the gates marked "ci". */
  ci?: boolean;
  /** The task registry (src/eval/index.ts, or a fixture in tests). */
  tasks: Record<string, () => Promise<EvalTask>>;
  /** Told when a gate starts (progress on stderr). */
  onStart?: (gate: string) => void;
}

/** The gates to run, in file order; an unknown name or task is a usage error. */
export function selectGates(floors: FloorsFile, options: Pick<GateOptions, 'only' | 'ci' | 'tasks'>): [string, GateEntry][] {
  const all = Object.entries(floors.gates);
  for (const [name, g] of all) {
    const task = g.task ?? name;
    if (!options.tasks[task]) {
      throw new ParallaxError('E_USAGE', `gate ${name} names task "${task}", which is not registered; tasks: ${Object.keys(options.tasks).join(', ')}`);
    }
  }
  for (const n of options.only ?? []) {
    if (!all.some(([name, g]) => name === n || (g.task ?? name) === n)) {
      throw new ParallaxError('E_USAGE', `no gate or gated task "${n}"; gates: ${all.map(([name]) => name).join(', ')}`);
    }
  }
  // A name selects the gate of that name, or else every gate of the task of that name.
  const picked = (name: string, g: GateEntry) =>
    options.only!.some((n) => n === name || (!floors.gates[n] && n === (g.task ?? name)));
  return all.filter(([name, g]) => (!options.ci || g.ci === true) && (!options.only?.length || picked(name, g)));
}

export async function runGate(floors: FloorsFile, options: GateOptions): Promise<GateReport> {
  const runs: GateRun[] = [];
  for (const [name, g] of selectGates(floors, options)) {
    const taskName = g.task ?? name;
    const file = resolveGateFile(g.file);
    const gold = g.gold === undefined ? undefined : resolveGateFile(g.gold);
    const absent = [file, gold].find((f) => f !== undefined && !existsSync(f));
    if (absent) {
      runs.push({ gate: name, task: taskName, file, skipped: `${absent} is absent`, seconds: 0, cpuSeconds: 0, checks: [] });
      continue;
    }
    options.onStart?.(name);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const task = await options.tasks[taskName]!();
    const { summary } = await task.run(file, gold === undefined ? {} : { gold });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const checks = Object.entries(g.metrics).map(([metric, f]): MetricCheck => {
      const measured = metricValue(summary, metric);
      // The tolerance only absorbs float noise; rounding to 4 decimals happens in the tasks.
      return { gate: name, metric, floor: f.floor, pinned: f.measured, measured, ok: measured !== undefined && measured >= f.floor - 1e-9 };
    });
    runs.push({ gate: name, task: taskName, file, seconds, cpuSeconds, checks });
  }
  return { runs, failed: runs.flatMap((r) => r.checks.filter((c) => !c.ok)) };
}

const f4 = (n: number) => n.toFixed(4);

/** One line per gate and metric, then the verdict naming every metric that fell and by how much. */
export function formatReport(report: GateReport): string {
  const lines: string[] = [];
  const w = Math.max(8, ...report.runs.flatMap((r) => r.checks.map((c) => `${c.gate}.${c.metric}`.length)));
  for (const r of report.runs) {
    if (r.skipped) {
      lines.push(`${r.gate.padEnd(w)}  skipped: ${r.skipped}`);
      continue;
    }
    for (const c of r.checks) {
      const id = `${c.gate}.${c.metric}`.padEnd(w);
      if (c.measured === undefined) lines.push(`${id}  FAIL  not a number in the ${r.task} summary`);
      else lines.push(`${id}  ${c.ok ? 'ok  ' : 'FAIL'}  ${f4(c.measured)} ${c.ok ? '>=' : '< '} floor ${f4(c.floor)}  (pinned ${f4(c.pinned)})`);
    }
    lines.push(`${''.padEnd(w)}  ${r.task} on ${r.file}: ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s)`);
  }
  const ran = report.runs.filter((r) => !r.skipped);
  const metrics = ran.reduce((n, r) => n + r.checks.length, 0);
  const sum = (k: 'seconds' | 'cpuSeconds') => ran.reduce((t, r) => t + r[k], 0).toFixed(1);
  lines.push(`${ran.length} gates in ${sum('seconds')} s (CPU ${sum('cpuSeconds')} s)`);
  if (report.failed.length === 0) {
    lines.push(`gate passed: ${metrics} metrics of ${ran.length} gates at or above their floors${ran.length < report.runs.length ? ` (${report.runs.length - ran.length} skipped)` : ''}`);
  } else {
    lines.push(`gate FAILED: ${report.failed.length} of ${metrics} metrics below their floors (exit 4):`);
    for (const c of report.failed) {
      lines.push(
        c.measured === undefined
          ? `  ${c.gate}.${c.metric}: absent from the summary (floor ${f4(c.floor)})`
          : `  ${c.gate}.${c.metric} fell ${f4(c.floor - c.measured)} under its floor: ${f4(c.measured)} < ${f4(c.floor)} (${f4(c.pinned - c.measured)} under the pinned ${f4(c.pinned)})`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

const today = () => new Date().toISOString().slice(0, 10);

export interface FloorChange {
  gate: string;
  metric: string;
  from: number;
  to: number;
}

/**
 * Records new measurements and raises each floor to just under its measurement; never lowers one.
 * Returns the floors that rose.
 */
export function raiseFloors(floors: FloorsFile, report: GateReport): FloorChange[] {
  const changes: FloorChange[] = [];
  for (const r of report.runs) {
    if (r.skipped) continue;
    const g = floors.gates[r.gate]!;
    g.seconds = Math.round(r.seconds * 10) / 10;
    g.cpuSeconds = Math.round(r.cpuSeconds * 10) / 10;
    g.measuredOn = today();
    for (const c of r.checks) {
      if (c.measured === undefined) continue;
      const m = g.metrics[c.metric]!;
      m.measured = c.measured;
      const to = justUnder(c.measured, floors.margin);
      if (to > m.floor) {
        changes.push({ gate: r.gate, metric: c.metric, from: m.floor, to });
        m.floor = to;
      }
    }
  }
  return changes;
}

/** Splits "GATE.METRIC" (the metric may itself hold dots: "real.conflicts.recall"). */
export function parseMetricId(floors: FloorsFile, id: string): { gate: string; metric: string } {
  const dot = id.indexOf('.');
  const gate = dot < 0 ? id : id.slice(0, dot);
  const metric = dot < 0 ? '' : id.slice(dot + 1);
  const g = floors.gates[gate];
  if (!g) throw new ParallaxError('E_USAGE', `no gate "${gate}"; gates: ${Object.keys(floors.gates).join(', ')}`);
  if (!g.metrics[metric]) throw new ParallaxError('E_USAGE', `gate ${gate} pins no metric "${metric}"; it pins: ${Object.keys(g.metrics).join(', ')}`);
  return { gate, metric };
}

/** Lowering a floor needs a reason: refused (usage error) without one, before anything runs. */
export function requireReason(id: string, reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim().length === 0) {
    throw new ParallaxError('E_USAGE', `refused: lowering the floor of ${id} needs --reason "..." (say why; the reason goes in the commit message)`);
  }
  return reason.trim();
}

/** Lowers one floor to `to`, keeping the reason beside it. Refused without a reason. */
export function lowerFloor(floors: FloorsFile, id: string, to: number, reason: string | undefined, measured?: number): FloorChange {
  const why = requireReason(id, reason);
  const { gate, metric } = parseMetricId(floors, id);
  const m = floors.gates[gate]!.metrics[metric]!;
  if (!(to < m.floor)) throw new ParallaxError('E_USAGE', `${id}: ${f4(to)} is not under the floor ${f4(m.floor)}; nothing to lower`);
  const change = { gate, metric, from: m.floor, to };
  m.floor = to;
  if (measured !== undefined) m.measured = measured;
  m.lowered = { from: change.from, to, reason: why, on: today() };
  return change;
}
