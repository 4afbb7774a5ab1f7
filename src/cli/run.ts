import { parseArgs } from 'node:util';
import { isParallaxError } from '../model/errors.js';
import { EXIT, type CliIO, type Command } from './command.js';
import { commands } from './commands/index.js';
import { printable } from '../model/printable.js';
import { closest } from './suggest.js';

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

/** parseArgs's own messages quote unevenly ("Unknown option '--x'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--x\""); ours name the option and the nearest real one. */
function argumentError(e: Error & { code?: string }, cmd: Command): string {
  const known = Object.keys(cmd.options).map((k) => `--${k}`);
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = option ?? '';
      const near = closest(flag.replace(/=.*$/, ''), known);
      return `unknown option ${printable(flag)}.${near ? ` Did you mean ${near}?` : ''} Run \`parallax ${cmd.name} --help\` for the options.`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = /--[A-Za-z0-9-]+/.exec(e.message)?.[0] ?? option ?? 'an option';
      const spec = cmd.options[flag.replace(/^--/, '')];
      return spec?.type === 'string' ? `${flag} needs a value (${spec.valueName ?? 'VALUE'})` : `${flag} takes no value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${cmd.name} takes no argument ${printable(/'([^']*)'/.exec(e.message)?.[1] ?? '')}. Usage: parallax ${cmd.usage}`;
    default:
      return printable(e.message);
  }
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
    const near = closest(name, Object.keys(commands));
    io.stderr.write(`parallax: unknown command "${printable(name)}".${near ? ` Did you mean "${near}"?` : ''} Run \`parallax --help\` for the list.\n`);
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
    io.stderr.write(`parallax ${name}: ${argumentError(e as Error & { code?: string }, cmd)}\n`);
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
