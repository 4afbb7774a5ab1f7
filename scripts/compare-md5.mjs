#!/usr/bin/env node
// The check that a speed change to compare changes no finding: md5 of `parallax compare --sources ... --json`
// (run in this process, as `eval real` runs it) on the example, every realdev story and every BASIL gold
// story, and of `eval pairs` on the perturbed pairs (summary and predictions). Run it before and after a change
// and diff the two outputs. Needs `npm run build`.
//   node scripts/compare-md5.mjs > before.txt        (--only example,realdev,basil,pairs to run some)
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '../shared/eval');
const { runCli } = await import(join(root, 'dist/src/cli/run.js'));
const { readStoryArticles } = await import(join(root, 'dist/src/eval/real.js'));
const { readRealGold } = await import(join(root, 'dist/src/eval/real-score.js'));
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : null;
const want = (part) => !only || only.has(part);

const md5 = (s) => createHash('md5').update(s).digest('hex');
async function cli(argv, cwd) {
  let stdout = '';
  const sink = (add) => new Writable({ write(chunk, _enc, cb) { add(String(chunk)); cb(); } });
  const code = await runCli(argv, { stdout: sink((s) => (stdout += s)), stderr: sink(() => {}), env: {}, cwd });
  return { code, stdout };
}

const all = createHash('md5');
let cpuMs = 0;
async function line(name, run) {
  const t0 = process.cpuUsage();
  const out = await run();
  const t = process.cpuUsage(t0);
  cpuMs += (t.user + t.system) / 1000;
  all.update(`${name} ${out}\n`);
  console.log(`${name} ${md5(out)}`);
}

/**
 * One story through `compare --sources sources.json --json`, the folder's name taken out of the output. The
 * folder is always the same one (article ids are made from the files' paths).
 */
async function compareStory(ids, articles) {
  const dir = join(tmpdir(), 'parallax-compare-md5');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  try {
    const manifest = ids.map((id, i) => {
      const a = articles.get(id);
      writeFileSync(join(dir, `${i}.txt`), a.text);
      return { file: `${i}.txt`, outlet: a.outlet ?? null, language: a.language ?? 'en', published: a.published ?? null, url: null };
    });
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(manifest));
    const { code, stdout } = await cli(['compare', '--sources', join(dir, 'sources.json'), '--json'], dir);
    return `exit ${code}\n${stdout.split(dir).join('DIR')}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// (The example copied to the same folder: the checksums are the same in any checkout.)
if (want('example')) {
  const dir = join(root, 'examples/bishkek');
  const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
  const texts = new Map(sources.map((s) => [s.file, { text: readFileSync(join(dir, s.file), 'utf8'), outlet: s.outlet, language: s.language, published: s.published }]));
  await line('example', () => compareStory([...texts.keys()], texts));
}
const sets = [
  ['realdev', join(shared, 'comparison/realdev.gold.json'), join(shared, 'comparison/realdev.stories.jsonl')],
  ['basil', join(root, 'test/fixtures/basil-comparison/basil.gold.json'), join(shared, 'stories/basil.jsonl')],
];
for (const [name, goldFile, storiesFile] of sets) {
  if (!want(name)) continue;
  const articles = readStoryArticles(storiesFile);
  for (const st of readRealGold(goldFile)) await line(`${name} ${st.story}`, () => compareStory(st.articles, articles));
}
if (want('pairs')) {
  const dir = mkdtempSync(join(tmpdir(), 'compare-md5-'));
  try {
    await line('pairs', async () => {
      const { stdout } = await cli(['eval', 'pairs', join(shared, 'pairs/basil-perturbed.jsonl'), '--json', '--predictions', join(dir, 'p.jsonl')], root);
      return (stdout + readFileSync(join(dir, 'p.jsonl'), 'utf8')).split(shared).join('SHARED');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`all ${all.digest('hex')}`);
console.error(`CPU ${Math.round(cpuMs)} ms (analysis and loading included)`);
