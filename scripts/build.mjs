// Compiles the TypeScript (incrementally: tsconfig keeps dist/.tsbuildinfo), and skips the compiler
// altogether when no source is newer than the last build: `npm run example` and `npm start` start at once.
// `--check` only reports (exit 0 when up to date, 1 when a build is due).
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['src', 'test', 'tsconfig.json', 'package-lock.json'];
const STAMP = 'dist/.tsbuildinfo';

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs; // a deleted file changes its directory
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

export function upToDate() {
  if (!existsSync(STAMP) || !existsSync('dist/src/cli/main.js')) return false;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.filter((p) => existsSync(p)).every((p) => newest(p) <= built);
}

if (process.argv.includes('--check')) process.exit(upToDate() ? 0 : 1);
if (!upToDate()) {
  const r = spawnSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // tsc leaves its build info alone when nothing changed (a touched file): mark this build as the newest.
  const now = new Date();
  if (existsSync(STAMP)) utimesSync(STAMP, now, now);
}
