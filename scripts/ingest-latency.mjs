#!/usr/bin/env node
// While one client posts a long article to /api/ingest, how long do other clients wait for
// GET /api/stories? Starts `parallax serve` (built: npm run build) on a fresh SQLite file with the
// example stories, then runs 4 clients in a loop of GET /api/stories for as long as the POST takes,
// and prints p50/p99/max of their latencies, before (idle) and during the ingest.
//   node scripts/ingest-latency.mjs [--chars 1000000] [--clients 4] [--html]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { chars: { type: 'string' }, clients: { type: 'string' }, html: { type: 'boolean' } } });
const chars = Number(values.chars ?? 1_000_000);
const clients = Number(values.clients ?? 4);
const dir = mkdtempSync(join(tmpdir(), 'parallax-latency-'));
const cli = new URL('../dist/src/cli/main.js', import.meta.url).pathname;
// SERVER_NODE_ARGS: extra node flags for the server (e.g. --cpu-prof).
const nodeArgs = process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : [];
const server = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--port', '0', '--db', join(dir, 'db.sqlite'), '--examples'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /running at (http:\/\/\S+?)\/?\s/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const report = (name, xs) => {
  console.log(`${name}: ${xs.length} requests (${errors} failed), p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
  errors = 0;
};

let errors = 0;
async function readers(until) {
  const times = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) {
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}/api/stories?limit=20`);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`GET /api/stories: ${res.status}`);
        } catch {
          errors++; // counted, and the time it took is kept as a latency
        }
        times.push(performance.now() - t0);
      }
    }),
  );
  return times;
}

try {
  const idleEnd = performance.now() + 3000;
  report('idle', await readers(() => performance.now() > idleEnd));
  const s = 'The mayor of Springfield said on Tuesday that 1,200 residents were evacuated after the river flooded. Officials expect the water to recede by Friday. ';
  const text = s.repeat(Math.ceil(chars / s.length)).slice(0, chars);
  const body = JSON.stringify(values.html ? { html: `<html><body><article><p>${text.replace(/\. /g, '.</p><p>')}</p></article></body></html>`, outlet: 'Long' } : { text, outlet: 'Long' });
  let done = false;
  const t0 = performance.now();
  const post = fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
    const answer = `${r.status} ${(await r.text()).slice(0, 200)}`;
    done = true;
    return answer;
  });
  const during = await readers(() => done);
  console.log(`POST /api/ingest of ${chars} characters${values.html ? ' (HTML)' : ''}: ${await post} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  report('during the ingest', during);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
