import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (works from src/ and from dist/src/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

/** ../shared beside the repository, or $PARALLAX_SHARED. */
export function sharedDir(): string {
  return process.env.PARALLAX_SHARED ? resolve(process.env.PARALLAX_SHARED) : resolve(repoRoot(), '..', 'shared');
}

export function evalPath(...parts: string[]): string {
  return join(sharedDir(), 'eval', ...parts);
}
