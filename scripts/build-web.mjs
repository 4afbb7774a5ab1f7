// Builds the web UI (type check, then Vite) into dist/web, unless it is newer than every source file
// it is made from (web/, src/report/render/, the types it imports). `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['web', 'src/report/render', 'src/compare/types.ts', 'src/store/types.ts', 'package-lock.json'];
const OUTPUT = 'dist/web/index.html';

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path)) if (name !== 'node_modules') m = Math.max(m, newest(join(path, name)));
  return m;
}

const force = process.argv.includes('--force');
if (!force && existsSync(OUTPUT)) {
  const built = statSync(OUTPUT).mtimeMs;
  if (SOURCES.filter((p) => existsSync(p)).every((p) => newest(p) <= built)) process.exit(0);
}
const bin = (name) => join('node_modules', '.bin', name);
for (const [cmd, args] of [
  [bin('tsc'), ['-p', 'web/tsconfig.json']],
  [bin('vite'), ['build', '-c', 'web/vite.config.ts', '--logLevel', 'warn']],
]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
