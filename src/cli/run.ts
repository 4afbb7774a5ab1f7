import { parseArgs } from 'node:util';
import { isParallaxError } from '../model/errors.js';
import { EXIT, type CliIO, type Command } from './command.js';
import { commands } from './commands/index.js';
import { printable } from '../model/printable.js';

function helpFor(cmd: Command): string {
  const lines = [`parallax ${cmd.usage}`, '', cmd.summary, '', 'Options:'];
  for (const [name, spec] of Object.entries(cmd.options)) {
    const flag = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    lines.push(`  ${flag.padEnd(26)} ${spec.description}`);
  }
  return lines.join('\n') + '\n';
}

async function mainHelp(): Promise<string> {
  const lines = ['parallax: compare news reports of one event, claim by claim', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const cmd = await load();
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  lines.push('', 'Run `parallax COMMAND --help` for the options of a command.');
  return lines.join('\n') + '\n';
}

/** Runs the CLI with the given arguments; returns the exit code. Used by main.ts and by tests. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await mainHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout.write('parallax 0.1.0\n');
    return EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`parallax: unknown command "${printable(name)}". Run \`parallax --help\` for the list.\n`);
    return EXIT.usage;
  }
  const cmd = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(helpFor(cmd));
    return EXIT.ok;
  }
  let parsed;
  try {
    const options = Object.fromEntries(
      Object.entries(cmd.options).map(([k, { description: _d, valueName: _v, ...spec }]) => [k, spec]),
    );
    parsed = parseArgs({ args: rest, options, allowPositionals: cmd.positionals ?? false, strict: true });
  } catch (e) {
    io.stderr.write(`parallax ${name}: ${printable((e as Error).message)}\n`);
    return EXIT.usage;
  }
  try {
    return await cmd.run({ values: parsed.values as Record<string, unknown>, positionals: parsed.positionals }, io);
  } catch (e) {
    if (isParallaxError(e)) {
      io.stderr.write(`parallax ${name}: ${e.message}\n`);
      return e.code === 'E_USAGE' ? EXIT.usage : EXIT.inputError;
    }
    io.stderr.write(`parallax ${name}: internal error: ${printable((e as Error).stack ?? String(e)).replace(/\\x0a/g, '\n')}\n`);
    return EXIT.internal;
  }
}
