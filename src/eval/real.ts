// `parallax eval real STORIES --gold GOLD`: compares the articles of each hand-annotated story by running
// `parallax compare --sources MANIFEST --json` itself (in this process, the articles written to files beside
// a sources.json manifest, as ../shared/tools/score-real.mjs does) and scores the result with real-score.ts. The stories file is any JSON Lines of
// {"id", "outlet", "published", "text", ...}: the comparison sets, or BASIL's stories/basil.jsonl read by id.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { EXIT } from '../cli/command.js';
import type { StoryComparison } from '../compare/types.js';
import { toOriginalOffset, type Article, type Segment } from '../model/document.js';
import { ParallaxError, isParallaxError } from '../model/errors.js';
import { checkRealGold, readRealGold, renderRealScore, scoreReal, type PredictedSpan, type PredictedFinding, type RealScore, type StoryPrediction } from './real-score.js';
import type { EvalTask } from './task.js';

export interface StoryArticle {
  id: string;
  story?: string;
  outlet?: string | null;
  published?: string | null;
  language?: string | null;
  text: string;
}

export function readStoryArticles(file: string): Map<string, StoryArticle> {
  const out = new Map<string, StoryArticle>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let a: StoryArticle;
      try {
        a = JSON.parse(line) as StoryArticle;
      } catch (e) {
        throw new ParallaxError('E_PARSE', `line ${i + 1}: ${(e as Error).message}`, file);
      }
      if (typeof a.id !== 'string' || typeof a.text !== 'string') throw new ParallaxError('E_PARSE', `line ${i + 1} has no "id" or "text" string`, file);
      out.set(a.id, a);
    });
  return out;
}

/** Offsets of the cleaned text in the input, rebuilt from what cleaning removed (spans of the input). */
export function keptSegments(input: string, removed: readonly { start: number; end: number }[]): Segment[] {
  const segs: Segment[] = [];
  let at = 0;
  let textAt = 0;
  const keep = (to: number) => {
    if (to > at) segs.push({ textStart: textAt, originalStart: at, length: to - at });
    textAt += Math.max(0, to - at);
  };
  for (const r of [...removed].sort((a, b) => a.start - b.start)) {
    keep(r.start);
    at = Math.max(at, r.end);
  }
  keep(input.length);
  return segs;
}

/**
 * Where a span of the cleaned text lies in the input text: through the cleaning's offset map when the slice
 * there is the evidence text, else the occurrence of the text nearest to that place (cleaning only removes,
 * so the input offset is at or after the cleaned one: score-real.mjs's rule), else the mapped offsets.
 */
export function toInputSpan(doc: Pick<Article, 'segments'>, input: string, s: { start: number; end: number; text: string }): { start: number; end: number } {
  const start = toOriginalOffset(doc, s.start);
  if (input.slice(start, start + s.text.length) === s.text) return { start, end: start + s.text.length };
  let best = -1;
  if (s.text) {
    for (let i = input.indexOf(s.text); i >= 0; i = input.indexOf(s.text, i + 1)) {
      if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
      if (i > start) break;
    }
  }
  if (best >= 0) return { start: best, end: best + s.text.length };
  return { start, end: toOriginalOffset(doc, s.end) };
}

/** Runs the CLI in this process and returns what it printed and its exit code. */
async function runCapturing(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { runCli } = await import('../cli/run.js');
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { add(String(chunk)); cb(); } });
  const code = await runCli(argv, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), env: {}, cwd });
  return { code, stdout, stderr };
}

/**
 * One story through `parallax compare --sources sources.json --json` itself (the articles written to files
 * beside a manifest, as score-real.mjs does); findings with offsets into the input texts.
 */
export async function compareStoryAsCli(ids: readonly string[], articles: ReadonlyMap<string, StoryArticle>): Promise<PredictedFinding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-real-'));
  try {
    const manifest = ids.map((id, i) => {
      const a = articles.get(id);
      if (!a) throw new ParallaxError('E_PARSE', `the gold names article ${id}, which the stories file does not have`);
      writeFileSync(join(dir, `${i}.txt`), a.text);
      return { file: `${i}.txt`, outlet: a.outlet ?? null, language: a.language ?? 'en', published: a.published ?? null, url: null };
    });
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(manifest));
    const run = await runCapturing(['compare', '--sources', join(dir, 'sources.json'), '--json'], dir);
    if (run.code !== EXIT.ok && run.code !== EXIT.partial) throw new Error(`compare exited ${run.code}: ${run.stderr.trim().split('\n').pop() ?? ''}`);
    const comparison = JSON.parse(run.stdout) as StoryComparison;
    // Which input each compared article is: by its file (the manifest order otherwise).
    const byId = new Map(
      comparison.articles.map((a, i) => {
        const k = manifest.findIndex((m) => a.source.endsWith(`/${m.file}`) || a.source.endsWith(`\\${m.file}`));
        const id = ids[k >= 0 ? k : i]!;
        return [a.id, { id, doc: { segments: keptSegments(a.original, a.removed) } }];
      }),
    );
    return comparison.findings.map((f) => {
      const evidence: PredictedSpan[] = f.evidence.map((e) => {
        const hit = byId.get(e.article);
        const role = e.role ? { role: e.role } : {};
        if (!hit) return { article: e.article, start: e.start, end: e.end, text: e.text, ...role };
        const span = toInputSpan(hit.doc, articles.get(hit.id)!.text, e);
        return { article: hit.id, ...span, text: e.text, ...role };
      });
      // `verdict` exists from schema 2 on (branch compare); read it without depending on either shape.
      const verdict = (f as { verdict?: unknown }).verdict;
      return { kind: f.kind, ...(f.type ? { type: f.type } : {}), ...(typeof verdict === 'string' ? { verdict } : {}), summary: f.summary, evidence };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The gold file beside a stories file: x.stories.jsonl -> x.gold.json. */
export function defaultGold(stories: string): string | null {
  return stories.endsWith('.stories.jsonl') ? stories.replace(/\.stories\.jsonl$/, '.gold.json') : null;
}

export const realTask: EvalTask = {
  name: 'real',
  description: 'comparison on real coverage, hand-annotated: conflict recall, benign false alarms, exclusive recall',
  defaultFile: 'comparison/realdev.stories.jsonl',
  async run(file, options) {
    const goldFile = options.gold ?? defaultGold(file);
    if (!goldFile) throw new ParallaxError('E_USAGE', 'give the gold file with --gold GOLD');
    const gold = readRealGold(goldFile).slice(0, options.limit ?? Infinity);
    const articles = readStoryArticles(file);
    const predictions = new Map<string, PredictedFinding[]>();
    const rows: StoryPrediction[] = [];
    const errors: Record<string, string> = {};
    // A gold span that is not the slice it claims would be scored silently wrong: refuse the gold instead.
    const problems = checkRealGold(gold, new Map([...articles].map(([id, a]) => [id, a.text])));
    if (problems.length) throw new ParallaxError('E_PARSE', `${problems.length} problem(s) in the gold against ${file}: ${problems.slice(0, 3).join('; ')}`, goldFile);
    for (const st of gold) {
      try {
        const findings = await compareStoryAsCli(st.articles, articles);
        predictions.set(st.story, findings);
        // FORMATS.md's prediction format: evidence is {article, start, end, text} (no role).
        rows.push({ story: st.story, findings: findings.map(({ verdict: _verdict, ...f }) => ({ ...f, evidence: f.evidence.map(({ role: _role, ...e }) => e) })) });
      } catch (e) {
        // A story that fails keeps its gold in the denominators (as score-real.mjs counts it).
        if (!isParallaxError(e) && !(e instanceof Error)) throw e;
        errors[st.story] = (e as Error).message;
      }
    }
    const score: RealScore = scoreReal(gold, predictions);
    // The same with each conflict's evidence cut to its differing values (see valueEvidence).
    const values = scoreReal(gold, predictions, { valueOnly: true });
    return {
      summary: { gold: goldFile, ...score, valueOnly: { conflicts: values.conflicts, perKind: values.perKind, benign: values.benign }, ...(Object.keys(errors).length ? { errors } : {}), ...(options.limit ? { limit: options.limit } : {}) },
      predictions: rows,
    };
  },
  render(summary) {
    return renderRealScore(summary as unknown as RealScore & { file?: string; gold?: string });
  },
};
