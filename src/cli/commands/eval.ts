import { writeFileSync, existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { evalTasks } from '../../eval/index.js';
import { ParallaxError } from '../../model/errors.js';
import { evalPath } from '../../shared-paths.js';
import { EXIT, type Command } from '../command.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score a stage on evaluation data (boilerplate, ner, quotes, timex, stories, pairs, real).',
  usage:
    'eval TASK [FILE] [--gold GOLD] [--json] [--predictions OUT] [--limit N]\n' +
    '       parallax eval --gate [GATE|TASK...] [--ci] [--raise-floors] [--floors FILE]\n' +
    '       parallax eval --lower-floor GATE.METRIC --reason "..." [--to N] [--floors FILE]',
  positionals: true,
  options: {
    json: { type: 'boolean', description: 'print one JSON object' },
    predictions: { type: 'string', valueName: 'OUT', description: 'write what the system predicted (FORMATS.md)' },
    gold: { type: 'string', valueName: 'GOLD', description: 'the gold file (real: default FILE with .stories.jsonl -> .gold.json)' },
    limit: { type: 'string', valueName: 'N', description: 'only the first N items' },
    gate: { type: 'boolean', description: 'run the gated tasks on their dev sets; exit 4 if a metric is below its floor (eval/floors.json)' },
    ci: { type: 'boolean', description: 'with --gate: only the gates marked "ci" (the fast ones)' },
    floors: { type: 'string', valueName: 'FILE', description: 'the floors file (default eval/floors.json)' },
    'raise-floors': { type: 'boolean', description: 'with --gate: record the measurements and raise each floor to just under it (never lowers)' },
    'lower-floor': { type: 'string', valueName: 'GATE.METRIC', description: 'lower one floor to just under a new measurement (or --to N); needs --reason' },
    reason: { type: 'string', valueName: 'TEXT', description: 'why a floor is lowered (kept in the file; put it in the commit message)' },
    to: { type: 'string', valueName: 'N', description: 'with --lower-floor: the new floor instead of one under a new measurement' },
  },
  async run({ values, positionals }, io) {
    if (['gate', 'ci', 'floors', 'raise-floors', 'lower-floor', 'reason', 'to'].some((k) => values[k] !== undefined)) {
      const passed = await (await import('../../eval/gate-command.js')).runGateCommand({ values, positionals }, io, evalTasks);
      return passed ? EXIT.ok : EXIT.belowFloor;
    }
    const [task, fileArg] = positionals;
    const names = Object.keys(evalTasks).join(', ');
    if (!task) throw new ParallaxError('E_USAGE', `name a task: ${names}`);
    const load = evalTasks[task];
    if (!load) throw new ParallaxError('E_USAGE', `unknown task "${task}"; tasks: ${names}`);
    const evalTask = await load();
    const file = fileArg ? (isAbsolute(fileArg) ? fileArg : resolve(io.cwd, fileArg)) : evalPath(evalTask.defaultFile);
    if (!existsSync(file)) throw new ParallaxError('E_READ', 'no such file', file);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(limit > 0)) throw new ParallaxError('E_USAGE', '--limit must be a positive number');
    const gold = typeof values.gold === 'string' ? resolve(io.cwd, values.gold) : undefined;
    if (gold !== undefined && !existsSync(gold)) throw new ParallaxError('E_READ', 'no such file', gold);
    const result = await evalTask.run(file, { ...(limit === undefined ? {} : { limit }), ...(gold === undefined ? {} : { gold }) });
    if (typeof values.predictions === 'string') {
      const out = resolve(io.cwd, values.predictions);
      const body =
        typeof result.predictions === 'string'
          ? result.predictions
          : result.predictions.map((p) => JSON.stringify(p)).join('\n') + '\n';
      writeFileSync(out, body);
    }
    const summary = { task, file, ...result.summary };
    if (values.json) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else if (evalTask.render) io.stdout.write(evalTask.render(summary));
    else {
      io.stdout.write(formatSummary(summary));
    }
    return EXIT.ok;
  },
};

const num = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v));

/** The summary as aligned lines; a nested table (perKind, perType) gets one indented row per key. */
export function formatSummary(summary: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(summary)) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      lines.push(`${k.padEnd(22)} ${Array.isArray(v) ? v.map(num).join(', ') : num(v)}`);
      continue;
    }
    lines.push(k);
    const rows = Object.entries(v as Record<string, unknown>);
    const w = Math.max(...rows.map(([r]) => r.length), 4);
    for (const [r, cell] of rows) {
      const text =
        cell !== null && typeof cell === 'object'
          ? Object.entries(cell as Record<string, unknown>).map(([ck, cv]) => `${ck} ${num(cv)}`).join('  ')
          : num(cell);
      lines.push(`  ${r.padEnd(w)}  ${text}`);
    }
  }
  return lines.join('\n') + '\n';
}
