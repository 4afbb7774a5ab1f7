// `parallax serve` as a user runs it: a child process on a free port, the example story loaded,
// an article posted to /api/ingest joining it, stopped by SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../src/shared-paths.js';

test('parallax serve starts, prints its address, serves the examples and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/src/cli/main.js'), 'serve', '--port', '0', '--db', ':memory:', '--examples'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed; stderr: ${err}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  try {
    const list = (await (await fetch(`${url}/api/stories`)).json()) as { stories: { id: string; outlets: string[] }[] };
    assert.deepEqual(list.stories.map((s) => s.id), ['example-bishkek']);
    const res = await fetch(`${url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        outlet: 'Test Wire',
        text: 'Russian President Vladimir Putin held talks with Kyrgyz President Sadyr Japarov in Bishkek during his state visit to Kyrgyzstan, ahead of the Collective Security Treaty Organization summit. The presidents discussed trade, migration and the Russian military base in Kyrgyzstan.',
      }),
    });
    assert.equal(res.status, 201);
    const stored = (await res.json()) as { story: string };
    assert.equal(stored.story, 'example-bishkek', 'a report of the same event joins the example story');
    assert.match(err, /example stories: example-bishkek/);
  } finally {
    child.kill('SIGTERM');
  }
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 0);
});
