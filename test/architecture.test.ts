// The layout as a checked rule (issue 20): stages are pure, harnesses sit outside the shipped path,
// and folders form no import cycle. Read from the sources under src/ (tests may import anything).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../src/shared-paths.js';
import { cycles, folderGraph, importSpecifiers } from './support/import-graph.js';

const STAGES = ['annotate', 'cluster', 'compare', 'clean', 'extract'];
/** What a stage must never reach: harnesses, readers, I/O, storage and the use cases above it. */
const NOT_FROM_STAGES = ['eval', 'bench', 'training', 'ingest', 'feeds', 'net', 'store', 'server', 'app', 'cli', 'report'];
const HARNESSES = ['eval', 'bench', 'training'];
/** Who may import a harness: the CLI (its `eval` and `bench` commands) and the harnesses themselves. */
const HARNESS_USERS = ['cli', ...HARNESSES];

/**
 * Folder edges that still close a cycle, each with why it is there. This list only shrinks: an entry
 * that no longer exists fails the test, so remove it when you fix it.
 */
const CYCLE_ALLOW_LIST: Record<string, string> = {
  'lang -> annotate': 'lang/xkey.ts uses the tokenizer and Russian stemming of annotate/ (lang is owned by the Russian work)',
  'feeds -> ingest': 'feeds/watch.ts drives ingest; feeds/ is to move inside ingest/ (issue 20 layout)',
  'eval -> cli': 'eval/real.ts scores `parallax compare` itself through runCli, and reads EXIT',
};

const graph = folderGraph(repoRoot());
const edge = (e: { from: string; to: string }) => `${e.from} -> ${e.to}`;

test('no stage folder imports a harness, a reader, the store, the server, the app or the CLI', () => {
  const bad = graph.filter((e) => STAGES.includes(e.from) && NOT_FROM_STAGES.includes(e.to));
  assert.deepEqual(bad.map((e) => `${edge(e)} (${e.files.join(', ')})`), []);
});

test('evaluations, benchmarks and training are reached only from the CLI and each other', () => {
  const bad = graph.filter((e) => HARNESSES.includes(e.to) && !HARNESS_USERS.includes(e.from));
  assert.deepEqual(bad.map((e) => `${edge(e)} (${e.files.join(', ')})`), []);
});

test('no folder-level import cycle beyond the allow-list, and the allow-list is current', () => {
  const kept = graph.filter((e) => !(edge(e) in CYCLE_ALLOW_LIST));
  const found = cycles(kept).map((scc) => {
    const inside = kept.filter((e) => scc.includes(e.from) && scc.includes(e.to));
    return `${scc.join(', ')}: ${inside.map((e) => `${edge(e)} (${e.files[0]})`).join('; ')}`;
  });
  assert.deepEqual(found, []);
  const present = new Set(graph.map(edge));
  const stale = Object.keys(CYCLE_ALLOW_LIST).filter((k) => !present.has(k));
  assert.deepEqual(stale, [], 'these allowed edges are gone: remove them from CYCLE_ALLOW_LIST');
  // Each allowed edge must still be needed to break a cycle (otherwise it is no exception).
  const needless = Object.keys(CYCLE_ALLOW_LIST).filter((k) => cycles([...kept, ...graph.filter((e) => edge(e) === k)]).length === 0);
  assert.deepEqual(needless, [], 'these allowed edges close no cycle: remove them from CYCLE_ALLOW_LIST');
});

test('the checker sees every import form and finds a cycle', () => {
  const src = "import a from '../a/x.js';\nexport { b } from '../b/y.js';\nimport type { C } from '../c/z.js';\nconst d = await import('../d/w.js');\nimport '../e/v.js';\nimport x from 'node:fs';";
  assert.deepEqual(importSpecifiers(src), ['../a/x.js', '../b/y.js', '../c/z.js', '../d/w.js', '../e/v.js']);
  assert.deepEqual(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }]), [['a', 'b', 'c']]);
  assert.deepEqual(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]), []);
});
