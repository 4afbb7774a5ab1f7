// Scoring of the hand-annotated real-coverage sets (FORMATS.md, "comparison"), the same arithmetic as
// ../shared/tools/score-real.mjs: a reported conflict hits a gold finding when its evidence overlaps at
// least two of that finding's spans.
import { readFileSync } from 'node:fs';
import { ParallaxError } from '../model/errors.js';
import { round } from './prf.js';

export interface GoldSpan {
  article: string;
  start: number;
  end: number;
  text: string;
}
/** Evidence as the system gives it: 'value' marks the differing words themselves, 'context' their clause. */
export interface PredictedSpan extends GoldSpan {
  role?: string;
}
export interface GoldFinding {
  kind?: string;
  note: string;
  spans: GoldSpan[];
}
export interface GoldStory {
  story: string;
  articles: string[];
  conflicts: GoldFinding[];
  benign: GoldFinding[];
  uncertain?: GoldFinding[];
  exclusives: (GoldSpan & { note?: string })[];
}
export interface RealGold {
  source?: string;
  stories: GoldStory[];
}

/** One finding as predicted, with offsets into the input text of each article (FORMATS.md predictions). */
export interface PredictedFinding {
  kind: string;
  type?: string;
  /** How a conflict differs (schema 2: contradiction, different-tallies, update); scored per verdict, not written. */
  verdict?: string;
  summary: string;
  evidence: PredictedSpan[];
}
export interface StoryPrediction {
  story: string;
  findings: PredictedFinding[];
}

/**
 * A conflict's evidence restricted to its differing values (role 'value') when it marks any, else all of it:
 * a context sentence also covers every other fact it states, so the reference rule counts a conflict whose
 * context holds a benign difference as flagging it.
 */
export function valueEvidence(f: PredictedFinding): PredictedSpan[] {
  const values = f.evidence.filter((e) => e.role === 'value');
  return values.length ? values : f.evidence;
}

export interface RealScore {
  stories: number;
  failedStories: string[];
  conflicts: { found: number; gold: number; recall: number };
  /** Recall per gold conflict kind. */
  perKind: Record<string, { found: number; gold: number; recall: number }>;
  benign: { flagged: number; gold: number; falseAlarmRate: number };
  exclusives: { found: number; gold: number; recall: number };
  reportedConflicts: number;
  /** Reported conflicts that hit no gold conflict, benign or uncertain finding (false alarms or annotator misses). */
  unmatchedConflicts: number;
  /** Reported conflicts per verdict ('none' without one): how many hit a gold conflict, a benign finding, nothing. */
  byVerdict: Record<string, { reported: number; conflict: number; benign: number; unmatched: number }>;
  missed: { story: string; kind: string; note: string }[];
  benignFlagged: { story: string; note: string }[];
  unmatched: { story: string; type: string; verdict?: string; summary: string; evidence: string[] }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** How many of the gold spans one finding's evidence overlaps (same article). */
export function spansTouched(gold: readonly GoldSpan[], evidence: readonly GoldSpan[]): number {
  return gold.filter((g) => evidence.some((e) => e.article === g.article && overlaps(e, g))).length;
}

/** A reported conflict hits a gold finding when its evidence overlaps at least two of the finding's spans. */
export function hits(gold: GoldFinding, evidence: readonly GoldSpan[]): boolean {
  return spansTouched(gold.spans, evidence) >= 2;
}

/**
 * Scores predictions against the gold. A story without a prediction (failed to run) keeps its gold items in
 * the denominators, as the reference scorer does.
 */
export function scoreReal(gold: readonly GoldStory[], predictions: ReadonlyMap<string, PredictedFinding[]>, options: { valueOnly?: boolean } = {}): RealScore {
  let conf = 0, confHit = 0, ben = 0, benHit = 0, ex = 0, exHit = 0, reportedAll = 0, unmatchedN = 0;
  const kinds = new Map<string, [number, number]>();
  const byVerdict: RealScore['byVerdict'] = {};
  const out: Pick<RealScore, 'missed' | 'benignFlagged' | 'unmatched' | 'failedStories'> = { missed: [], benignFlagged: [], unmatched: [], failedStories: [] };
  for (const st of gold) {
    const findings = predictions.get(st.story);
    if (!findings) out.failedStories.push(st.story);
    const reported = (findings ?? []).filter((f) => f.kind === 'conflict').map((f) => (options.valueOnly ? { ...f, evidence: valueEvidence(f) } : f));
    for (const c of st.conflicts) {
      conf++;
      const k = c.kind ?? 'unknown';
      const row = kinds.get(k) ?? [0, 0];
      kinds.set(k, row);
      row[1]++;
      if (reported.some((r) => hits(c, r.evidence))) {
        confHit++;
        row[0]++;
      } else out.missed.push({ story: st.story, kind: k, note: c.note });
    }
    for (const b of st.benign) {
      ben++;
      if (reported.some((r) => hits(b, r.evidence))) {
        benHit++;
        out.benignFlagged.push({ story: st.story, note: b.note });
      }
    }
    const known = [...st.conflicts, ...st.benign, ...(st.uncertain ?? [])];
    for (const r of reported) {
      reportedAll++;
      const v = (byVerdict[r.verdict ?? 'none'] ??= { reported: 0, conflict: 0, benign: 0, unmatched: 0 });
      v.reported++;
      if (st.conflicts.some((g) => hits(g, r.evidence))) v.conflict++;
      if (st.benign.some((g) => hits(g, r.evidence))) v.benign++;
      if (known.some((g) => hits(g, r.evidence))) continue;
      unmatchedN++;
      v.unmatched++;
      out.unmatched.push({ story: st.story, type: r.type ?? '', ...(r.verdict ? { verdict: r.verdict } : {}), summary: r.summary, evidence: r.evidence.map((e) => e.text) });
    }
    const excl = (findings ?? []).filter((f) => f.kind === 'exclusive').flatMap((f) => f.evidence);
    for (const e of st.exclusives) {
      ex++;
      if (excl.some((x) => x.article === e.article && overlaps(x, e))) exHit++;
    }
  }
  const perKind: RealScore['perKind'] = {};
  for (const [k, [h, n]] of [...kinds].sort((a, b) => a[0].localeCompare(b[0]))) perKind[k] = { found: h, gold: n, recall: round(n ? h / n : 0) };
  return {
    stories: gold.length,
    failedStories: out.failedStories,
    conflicts: { found: confHit, gold: conf, recall: round(conf ? confHit / conf : 0) },
    perKind,
    benign: { flagged: benHit, gold: ben, falseAlarmRate: round(ben ? benHit / ben : 0) },
    exclusives: { found: exHit, gold: ex, recall: round(ex ? exHit / ex : 0) },
    reportedConflicts: reportedAll,
    unmatchedConflicts: unmatchedN,
    byVerdict,
    missed: out.missed,
    benignFlagged: out.benignFlagged,
    unmatched: out.unmatched,
  };
}

/** Reads a gold file ({"stories": [...]} or a bare array) and checks what scoring relies on. */
export function readRealGold(file: string): GoldStory[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ParallaxError('E_PARSE', `malformed gold JSON (${(e as Error).message})`, file);
  }
  const stories = Array.isArray(data) ? data : (data as RealGold | null)?.stories;
  if (!Array.isArray(stories)) throw new ParallaxError('E_PARSE', 'a gold file is {"stories": [...]} (FORMATS.md, comparison)', file);
  for (const [i, st] of (stories as GoldStory[]).entries()) {
    const where = `story ${i + 1} (${String(st?.story)})`;
    if (typeof st?.story !== 'string' || !Array.isArray(st.articles)) throw new ParallaxError('E_PARSE', `${where} has no "story" or "articles"`, file);
    for (const key of ['conflicts', 'benign', 'exclusives'] as const) {
      if (!Array.isArray(st[key])) throw new ParallaxError('E_PARSE', `${where} has no "${key}" list`, file);
    }
  }
  return stories as GoldStory[];
}

/** The short table printed without --json. */
export function renderRealScore(s: RealScore & { file?: string; gold?: string; valueOnly?: Pick<RealScore, 'conflicts' | 'benign'> }): string {
  const pct = (x: number) => x.toFixed(2);
  const lines: string[] = [];
  if (s.file) lines.push(`stories   ${s.file}`);
  if (s.gold) lines.push(`gold      ${s.gold}`);
  lines.push(`${s.stories} stories${s.failedStories.length ? `, ${s.failedStories.length} failed to run (${s.failedStories.join(', ')})` : ''}`, '');
  const row = (label: string, n: number, d: number, v: number) => lines.push(`${label.padEnd(26)} ${`${n}/${d}`.padStart(9)}  ${pct(v)}`);
  row('conflict recall', s.conflicts.found, s.conflicts.gold, s.conflicts.recall);
  for (const [k, v] of Object.entries(s.perKind)) row(`  ${k}`, v.found, v.gold, v.recall);
  row('benign false alarms', s.benign.flagged, s.benign.gold, s.benign.falseAlarmRate);
  row('exclusive recall', s.exclusives.found, s.exclusives.gold, s.exclusives.recall);
  if (s.valueOnly) {
    row('conflict recall (values)', s.valueOnly.conflicts.found, s.valueOnly.conflicts.gold, s.valueOnly.conflicts.recall);
    row('benign alarms (values)', s.valueOnly.benign.flagged, s.valueOnly.benign.gold, s.valueOnly.benign.falseAlarmRate);
  }
  lines.push(`${'unmatched conflicts'.padEnd(26)} ${`${s.unmatchedConflicts}/${s.reportedConflicts}`.padStart(9)}`);
  const verdicts = Object.entries(s.byVerdict ?? {});
  if (verdicts.length > 1 || (verdicts.length === 1 && verdicts[0]![0] !== 'none')) {
    for (const [v, c] of verdicts) lines.push(`  ${v.padEnd(24)} ${String(c.reported).padStart(9)}  (${c.conflict} on gold conflicts, ${c.benign} on benign, ${c.unmatched} unmatched)`);
  }
  if (s.missed.length) {
    lines.push('', 'missed gold conflicts:');
    for (const m of s.missed) lines.push(`  [${m.story}] ${m.kind}: ${m.note}`);
  }
  if (s.benignFlagged.length) {
    lines.push('', 'benign differences flagged:');
    for (const b of s.benignFlagged) lines.push(`  [${b.story}] ${b.note}`);
  }
  if (s.unmatched.length) {
    lines.push('', 'reported conflicts matching no gold item (possible false alarms):');
    for (const u of s.unmatched) lines.push(`  [${u.story}] ${u.type}${u.verdict ? ` (${u.verdict})` : ''}: ${u.summary} | ${u.evidence.join(' | ').slice(0, 200)}`);
  }
  return lines.join('\n') + '\n';
}

const KINDS = new Set(['number', 'date', 'speaker', 'negation', 'modality', 'entity']);

/**
 * What is wrong with a gold file against the article texts (empty when nothing): every span indexes its
 * article's text and its text is that slice, names an article of its story, kinds are FORMATS.md's, and
 * a conflict has spans in at least two articles.
 */
export function checkRealGold(gold: readonly GoldStory[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const st of gold) {
    const where = (what: string) => `${st.story}: ${what}`;
    for (const id of st.articles) if (!texts.has(id)) problems.push(where(`article ${id} is not in the stories file`));
    const check = (s: GoldSpan, what: string) => {
      if (!st.articles.includes(s.article)) return problems.push(where(`${what}: article ${s.article} is not one of the story's`));
      const t = texts.get(s.article);
      if (t === undefined) return;
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= t.length)) return problems.push(where(`${what}: bad offsets ${s.start}-${s.end}`));
      if (t.slice(s.start, s.end) !== s.text) problems.push(where(`${what}: text ${JSON.stringify(s.text.slice(0, 60))} is not the slice ${JSON.stringify(t.slice(s.start, s.end).slice(0, 60))}`));
    };
    for (const key of ['conflicts', 'benign', 'uncertain'] as const) {
      for (const f of st[key] ?? []) {
        const what = `${key} "${f.note.slice(0, 50)}"`;
        if (f.kind !== undefined && !KINDS.has(f.kind)) problems.push(where(`${what}: unknown kind ${f.kind}`));
        if (key === 'conflicts' && f.kind === undefined) problems.push(where(`${what}: a conflict needs a kind`));
        if (key === 'conflicts' && new Set(f.spans.map((s) => s.article)).size < 2) problems.push(where(`${what}: a conflict needs spans in two articles`));
        if (f.spans.length < 2) problems.push(where(`${what}: fewer than two spans (it can never be hit)`));
        f.spans.forEach((s) => check(s, what));
      }
    }
    st.exclusives.forEach((e) => check(e, `exclusive "${(e.note ?? '').slice(0, 50)}"`));
  }
  return problems;
}
