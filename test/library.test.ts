// The README's library example, run as written (only the package name is pointed at this build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../src/shared-paths.js';

test("README's library example runs and compares two reports", () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const block = /### Library\s+```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README has a Library section with a ts block');
  const entry = pathToFileURL(resolve(repoRoot(), 'dist/src/index.js')).href;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-lib-'));
  try {
    const files = JSON.parse(readFileSync(join(repoRoot(), 'examples/bishkek/sources.json'), 'utf8')) as { file: string }[];
    const names = [...block[1]!.matchAll(/'([\w.-]+\.txt)'/g)].map((m) => m[1]!);
    assert.ok(names.length >= 2, 'the example reads two files');
    names.forEach((name, i) => copyFileSync(join(repoRoot(), 'examples/bishkek', files[i]!.file), join(dir, name)));
    const code = block[1]!.replace(/from 'parallax-news'/, `from '${entry}'`) +
      '\nconsole.log(JSON.stringify({ articles: comparison.articles.length, findings: comparison.findings.length }));\n';
    writeFileSync(join(dir, 'example.mjs'), code);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { articles: number; findings: number };
    assert.equal(out.articles, 2);
    assert.ok(out.findings > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
