// What the worker kill test (test/workers.test.ts) and `parallax bench --only workers` share: a corpus of
// events reported several times, worker processes of the CLI, waiting for the queue to drain, the
// single-process reference (ingest() into SQLite, as `parallax ingest` does), and the checks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../shared-paths.js';
import { mulberry32 } from '../cluster/random.js';
import type { Article } from '../model/document.js';
import { collectInputs } from '../ingest/collect.js';
import { contentHash } from '../store/content-hash.js';
import { openStore } from '../store/open-store.js';
import { ingest, type IngestItem } from '../ingest/ingest.js';
import { createInlinePool } from '../ingest/analysis-pool.js';

export interface Row {
  id: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  text: string;
}

const PLACES = 'Bishkek Osh Almaty Tashkent Dushanbe Ashgabat Baku Tbilisi Yerevan Minsk Vilnius Riga Tallinn Helsinki Oslo Bergen Aarhus Gdansk Krakow Brno Graz Linz Porto Seville Valencia Bilbao Nantes Lyon Turin Genoa Naples Palermo Split Varna Izmir Haifa Amman Muscat Doha Kochi Pune Dhaka Colombo Hanoi Cebu Davao Perth Hobart Dunedin Quito Cusco Recife Belem Rosario Cordoba Leon Tijuana Halifax Regina Tucson Omaha'.split(' ');
const PEOPLE = 'Aliyev Baranova Castillo Dimitrov Eriksen Fischer Garcia Haddad Ivanova Jansen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quinn Rossi Santos Tanaka Uzun Varga Weber Xu Yilmaz Zhou Abbott Brennan Costa Duarte'.split(' ');
const EVENTS = [
  ['flood', 'the river burst its banks after days of rain', 'families were moved to schools', 'the water reached the central square'],
  ['strike', 'transport workers walked out over pay', 'buses and trams stood still', 'the union rejected the offer'],
  ['fire', 'a fire swept through a market', 'firefighters fought the blaze overnight', 'traders lost their stock'],
  ['election', 'voters chose a new mayor', 'turnout was higher than last time', 'the result was announced at dawn'],
  ['protest', 'crowds marched against a new tax', 'police closed the main avenue', 'organisers promised more rallies'],
  ['quake', 'an earthquake shook the region', 'old buildings were damaged', 'aftershocks continued into the night'],
];

/** Deterministic articles: `n` reports of events (about four per event, in arrival order, interleaved), each
 *  event with its own place, official, figure and date; a few exact repeats to exercise deduplication. */
export function eventCorpus(n: number, seed = 11): Row[] {
  const r = mulberry32(seed);
  const events = Math.max(1, Math.round(n / 4));
  const rows: Row[] = [];
  for (let i = 0; rows.length < n; i++) {
    const e = Math.floor(r() * events);
    const kind = EVENTS[e % EVENTS.length]!;
    const place = PLACES[e % PLACES.length]!;
    const person = PEOPLE[(e * 7) % PEOPLE.length]!;
    const figure = 20 + ((e * 37) % 900);
    const day = 1 + (e % 27);
    const month = 1 + (Math.floor(e / 27) % 12);
    const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const said = ['said', 'told reporters', 'announced', 'confirmed'][Math.floor(r() * 4)]!;
    const sentences = [
      `In ${place}, ${kind[1]} on ${date}.`,
      `${person}, the regional governor, ${said} that ${figure + Math.floor(r() * 3)} people were affected by the ${kind[0]} in ${place}.`,
      `Witnesses said ${kind[2]}.`,
      `Officials in ${place} said ${kind[3]}.`,
      `"We are doing everything we can," ${person} said.`,
      `Report ${i} of the ${kind[0]} in ${place}.`,
    ];
    rows.push({ id: `ev-${i}`, outlet: `Outlet ${i % 9}`, title: `${kind[0]} in ${place}`, published: `${date}T${String(6 + (i % 12)).padStart(2, '0')}:00:00Z`, text: sentences.join(' ') });
    // Now and then the same report arrives again (a feed seen twice).
    if (i % 97 === 50 && rows.length < n) rows.push({ ...rows[rows.length - 1]!, id: `ev-${i}-again` });
  }
  return rows;
}

export function writeJsonl(path: string, rows: Row[]): void {
  writeFileSync(path, rows.map((x) => JSON.stringify(x)).join('\n') + '\n');
}

/** The articles of a JSON Lines file as `parallax ingest` reads them. */
export async function readArticles(path: string): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of collectInputs([path], { cwd: process.cwd() })) if ('article' in item) out.push(item.article);
  return out;
}

/** Stories of the single-process path on the same input: article id -> story, and the partition. */
export async function singleProcessStories(articles: Article[]): Promise<{ stories: Map<string, string>; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ref-'));
  const store = await openStore(join(dir, 'ref.db'));
  try {
    const { createAnalyzer } = await import('../analyze.js');
    const { createStoryClusterer } = await import('../cluster/index.js');
    const analyzer = createAnalyzer();
    const t0 = performance.now();
    const items: IngestItem[] = articles.map((article) => ({ article }));
    await ingest(items, { store, pool: createInlinePool((a) => analyzer.analyze(a)), clusterer: createStoryClusterer() });
    const seconds = (performance.now() - t0) / 1000;
    const list = await store.listArticles({ limit: 100_000 });
    return { stories: new Map(list.map((a) => [a.id, a.story ?? ''])), seconds };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Groups of article ids, as a canonical string per group (sorted), for comparing partitions. */
export function partition(stories: Map<string, string>): Set<string> {
  const groups = new Map<string, string[]>();
  for (const [id, s] of stories) {
    const g = groups.get(s);
    if (g) g.push(id);
    else groups.set(s, [id]);
  }
  return new Set([...groups.values()].map((g) => g.sort().join(' ')));
}

export interface SpawnedWorker {
  child: ChildProcess;
  /** Resolves when the worker takes jobs. */
  ready: Promise<void>;
  exit: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

export function spawnWorker(url: string, args: string[] = []): SpawnedWorker {
  const main = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const child = spawn(process.execPath, [main, 'worker', '--db', url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((res) => (onReady = res));
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    err += c;
    if (err.includes('taking jobs')) onReady();
  });
  const exit = new Promise<number | null>((res) => child.on('exit', (code) => (onReady(), res(code))));
  return { child, ready, exit, stdout: () => out, stderr: () => err };
}

export interface QueueState {
  arrivals: number;
  waiting: number;
  failedArrivals: number;
  assigned: number;
  /** Jobs not finished (created, retry, active). */
  jobs: number;
  /** Analysis jobs failed for good, or any job in the dead-letter queue. */
  dead: number;
  /** Assign nudges and comparisons failed (the assigner catches up by itself; a story is compared again on its next change or on demand). */
  failedOther: number;
}

export async function queueState(url: string): Promise<QueueState> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const a = (
      await c.query<{ n: string; waiting: string; failed: string; assigned: string }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'queued') AS waiting, count(*) FILTER (WHERE status = 'failed') AS failed,
                count(*) FILTER (WHERE seq <= (SELECT cursor FROM parallax_assigner WHERE id = 1)) AS assigned FROM parallax_arrivals`,
      )
    ).rows[0]!;
    const j = (
      await c.query<{ open: string; dead: string; failed: string }>(
        `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active')) AS open,
                count(*) FILTER (WHERE (state = 'failed' AND name = 'parallax-analyse') OR name = 'parallax-dead') AS dead,
                count(*) FILTER (WHERE state = 'failed' AND name <> 'parallax-analyse') AS failed
         FROM pgboss.job WHERE name LIKE 'parallax-%'`,
      )
    ).rows[0]!;
    return { arrivals: Number(a.n), waiting: Number(a.waiting), failedArrivals: Number(a.failed), assigned: Number(a.assigned), jobs: Number(j.open), dead: Number(j.dead), failedOther: Number(j.failed) };
  } finally {
    await c.end();
  }
}

/** Waits until every arrival is analysed and assigned and no job is open (or the timeout passes). */
export async function waitDrained(url: string, expected: number, timeoutMs: number, tick?: (s: QueueState) => void): Promise<QueueState> {
  const t0 = Date.now();
  for (;;) {
    const s = await queueState(url);
    tick?.(s);
    if ((s.arrivals >= expected && s.waiting === 0 && s.assigned === s.arrivals && s.jobs === 0) || Date.now() - t0 > timeoutMs) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface RunCheck {
  /** Distinct contents of the input. */
  expected: number;
  stored: number;
  /** Input contents not stored. */
  lost: number;
  /** Contents stored more than once. */
  duplicated: number;
  /** Articles without a story. */
  unassigned: number;
  /** Story groups equal to the single-process ones, and those that differ. */
  sameStories: boolean;
  storyGroups: number;
  differingGroups: number;
  integrity: string[];
}

export async function checkRun(url: string, articles: Article[], reference: Map<string, string>): Promise<RunCheck> {
  const hashes = [...new Set(articles.map((a) => contentHash(a)))];
  const store = await openStore(url);
  try {
    const known = await store.knownHashes(hashes);
    const stored = await store.countArticles({ includeRevisions: true });
    const list = await store.listArticles({ limit: 100_000 });
    // Groups are compared by content: a report that arrived twice is stored once, under the id of whichever
    // arrival was analysed first, which in parallel need not be the first to arrive.
    const byContent = new Map(articles.map((a) => [a.id, contentHash(a)]));
    const keyed = (m: Map<string, string>) => new Map([...m].map(([id, story]) => [byContent.get(id) ?? id, story]));
    const stories = new Map(list.map((a) => [a.id, a.story ?? '']));
    const mine = partition(keyed(stories));
    const theirs = partition(keyed(reference));
    const differing = [...mine].filter((g) => !theirs.has(g)).length;
    return {
      expected: hashes.length,
      stored,
      lost: hashes.length - known.size,
      duplicated: Math.max(0, stored - known.size),
      unassigned: list.filter((a) => !a.story).length,
      sameStories: differing === 0 && mine.size === theirs.size,
      storyGroups: mine.size,
      differingGroups: differing,
      integrity: await store.integrityCheck(),
    };
  } finally {
    await store.close();
  }
}

export function randomSource(seed: number): () => number {
  return mulberry32(seed);
}
