import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput as capture } from '../output-capture.js';
import { runCli } from '../run.js';


test('compare: escape sequences in article text and file names never reach the terminal raw', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-escape-'));
  try {
    const evil = join(dir, 'evil\x1b[2J.txt');
    writeFileSync(evil, 'President Smith said on Tuesday that \x1b]0;pwned\x07\x1b[31m 1,800 companies operate in the country. The talks were held in Bishkek.\n');
    writeFileSync(join(dir, 'b.txt'), 'President Smith said on Wednesday that 1,700 companies operate in the country. The talks were held in Bishkek.\n');
    writeFileSync(join(dir, 'empty\x1b[31m.txt'), '');
    const out = capture();
    const err = capture();
    const code = await runCli(['compare', evil, join(dir, 'b.txt'), join(dir, 'empty\x1b[31m.txt'), '--keep-going', '--no-color'], { stdout: out.stream, stderr: err.stream, cwd: dir, env: {} });
    assert.equal(code, 1);
    assert.match(out.text(), /Tuesday that \\x1b\]0;pwned\\x07\\x1b\[31m 1,800/, 'the words are shown, escaped');
    assert.match(err.text(), /empty\\x1b\[31m\.txt: empty file/);
    assert.equal(out.text().includes('\x1b'), false);
    assert.equal(err.text().includes('\x1b'), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
