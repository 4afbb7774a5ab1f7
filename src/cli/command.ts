import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string; valueName?: string };

/** A CLI command is data: its options, its help, and a function returning the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CliIO): Promise<number>;
}

/** Exit codes that mean something. */
export const EXIT = {
  ok: 0,
  /** Ran, but some inputs could not be read (with --keep-going). */
  partial: 1,
  usage: 2,
  /** Every input failed, or a fatal error. */
  inputError: 3,
  /** An evaluation fell below its pinned floor. */
  belowFloor: 4,
  internal: 70,
} as const;
