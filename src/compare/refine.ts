import type { Article, Span } from '../model/document.js';
import type { Candidate } from './detectors/index.js';
import { evidence, excerpt } from './evidence.js';
import { contextOf, MAX_CONTEXT } from './facts/context.js';
import type { Evidence, Finding } from './types.js';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The finding a candidate becomes: value and context evidence per side, values per article. */
export function candidateFinding(c: Candidate, id: string): Finding {
  const ev: Evidence[] = [];
  const seen = new Set<string>();
  for (const s of c.sides) {
    const k = `${s.article.id}:${s.value.start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    ev.push(evidence(s.article, s.value, 'value'));
  }
  const ctxSeen = new Set<string>();
  for (const s of c.sides) {
    const k = `${s.article.id}:${s.context.start}:${s.context.end}`;
    if (ctxSeen.has(k)) continue;
    ctxSeen.add(k);
    ev.push(evidence(s.article, s.context, 'context'));
  }
  const articles = [...new Set(c.sides.map((s) => s.article.id))];
  const values = c.sides.map((s) => ({ article: s.article.id, value: s.article.text.slice(s.value.start, s.value.end), published: s.article.published }));
  return {
    id,
    kind: 'conflict',
    type: c.type,
    verdict: c.verdict,
    summary: c.summary,
    evidence: ev,
    articles,
    salience: c.salience,
    details: { ...(c.details ?? {}), values },
  };
}

/** Whether a finding's value evidence covers the same words as a candidate in at least two articles. */
export function sameDifference(f: Finding, c: Candidate): boolean {
  const values = f.evidence.filter((e) => e.role === 'value' || e.role === 'claim');
  const hit = new Set<string>();
  for (const s of c.sides) if (values.some((e) => e.article === s.article.id && (overlaps(e, s.value) || (e.role === 'claim' && overlaps(e, s.context) && false)))) hit.add(s.article.id);
  return hit.size >= 2;
}

/**
 * Evidence bounded for output: value evidence is kept, any evidence longer than the limit is clipped to the
 * clause around its start (always a real slice of the article text), and every article a finding names has
 * evidence (the contract in docs/json-schema.md).
 */
export function boundEvidence(f: Finding, byId: ReadonlyMap<string, Article>): Finding {
  const evs = f.evidence.map((e) => {
    if (e.end - e.start <= MAX_CONTEXT) return e;
    const a = byId.get(e.article);
    if (!a) return e;
    const span = contextOf(a, { start: e.start, end: e.start }, MAX_CONTEXT);
    const s = { start: Math.max(e.start, span.start), end: Math.min(e.end, Math.max(span.end, e.start + 1)) };
    const clipped = s.end - s.start > MAX_CONTEXT ? { start: s.start, end: s.start + MAX_CONTEXT } : s;
    return evidence(a, clipped, e.role);
  });
  return { ...f, evidence: evs };
}

/** The verdict of a finding that has none yet (findings of the sentence-level reader). */
export function defaultVerdict(f: Finding, byId: ReadonlyMap<string, Article>): Finding['verdict'] {
  if (f.kind !== 'conflict') return f.kind;
  if (f.type === 'modality') {
    const times = f.articles.map((id) => byId.get(id)?.published).map((p) => (p ? Date.parse(p) : NaN));
    if (times.length === 2 && times.every(Number.isFinite) && Math.abs(times[0]! - times[1]!) >= 6 * 3600e3) return 'update';
  }
  return 'contradiction';
}

export { excerpt };
