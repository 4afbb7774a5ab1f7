// A story's facts over time: the reports in the order they were published, and for each fact the reports
// give differently, what each outlet reported when. Built on the comparison's verdicts: an 'update' is a
// later report with a newer count or the done act; a 'contradiction' or 'different-tallies' between
// reports of different times is shown as such, not as a change. Pure; shared by the terminal report, the
// JSON outputs (CLI and API) and the HTML and web story pages.
import type { Finding, StoryComparison } from '../../compare/types.js';
import { articleLabels, clip, isValueEvidence, orderedFindings, valuesOf, verdictOf } from './labels.js';

export interface DevelopmentReport {
  article: string;
  outlet: string;
  published: string | null;
}

export interface DevelopmentStep extends DevelopmentReport {
  /** What this report gives for the fact (the differing words). */
  value: string;
}

export type DevelopmentVerdict = 'update' | 'contradiction' | 'different-tallies' | null;

export interface DevelopmentFact {
  /** Id of the finding the fact comes from. */
  finding: string;
  summary: string;
  type: string | null;
  /** The finding's verdict; null for results made before verdicts (a number or done/planned conflict of reports of different times). */
  verdict: DevelopmentVerdict;
  /** What each report gave, in publication order. */
  steps: DevelopmentStep[];
}

export interface StoryDevelopment {
  /** Every report, ordered by its publication instant (undated reports last, in input order). */
  reports: DevelopmentReport[];
  /** First and last publication dates as given, or null when fewer than two reports are dated. */
  span: { first: string; last: string } | null;
  /** Updates first, then contradictions, then different tallies; within each, in the order of the comparison. */
  facts: DevelopmentFact[];
  /** One line: "3 reports from 1 Jan 2020 to 2 Jan 2020: 1 fact updated in a later report, 1 contradiction". */
  summary: string;
}

/** Milliseconds since the epoch of a publication date (a date alone is its midnight UTC), or null. */
export function publicationInstant(published: string | null | undefined): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : t;
}

/** Orders by publication instant, the undated last; stable otherwise. */
function byInstant<T extends { published: string | null }>(items: T[]): T[] {
  return items
    .map((x, i) => ({ x, i, t: publicationInstant(x.published) }))
    .sort((a, b) => (a.t ?? Infinity) - (b.t ?? Infinity) || a.i - b.i)
    .map((e) => e.x);
}

/** "1 report", "2 reports"; the plural given when it is not the word plus "s". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A publication date as a reader writes it ("25 Nov 2025, 14:05 UTC"; a date alone without a time). */
export function whenPublished(p: string): string {
  const t = publicationInstant(p);
  if (t === null) return p;
  const d = new Date(t);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return /T\d{2}:\d{2}/.test(p) ? `${date}, ${d.toISOString().slice(11, 16)} UTC` : date;
}

const VERDICT_ORDER: DevelopmentVerdict[] = ['update', 'contradiction', 'different-tallies', null];

/** How a fact changed, in a reader's words. */
export const DEVELOPMENT_LABEL: Record<string, string> = {
  update: 'updated in a later report',
  contradiction: 'contradiction between reports of different times',
  'different-tallies': 'different figures that can both hold',
  none: 'differs between reports published at different times',
};

export function developmentLabel(v: DevelopmentVerdict): string {
  return DEVELOPMENT_LABEL[v ?? 'none']!;
}

function stepsOf(f: Finding, labels: Map<string, string>, published: Map<string, string | null>): DevelopmentStep[] {
  const given = valuesOf(f);
  const steps = given.length
    ? given.map((v) => ({ article: v.article, value: v.value, published: v.published ?? published.get(v.article) ?? null }))
    : f.articles.map((a) => {
        const ev = f.evidence.filter((e) => e.article === a);
        const shown = ev.find(isValueEvidence) ?? ev[0];
        return { article: a, value: shown ? clip(shown.text, 80) : '', published: published.get(a) ?? null };
      });
  return byInstant(steps.map((s) => ({ article: s.article, outlet: labels.get(s.article) ?? s.article, published: s.published, value: s.value })));
}

export function storyDevelopment(c: StoryComparison): StoryDevelopment {
  const labels = articleLabels(c.articles);
  const published = new Map(c.articles.map((a) => [a.id, a.published]));
  const reports = byInstant(c.articles.map((a) => ({ article: a.id, outlet: labels.get(a.id) ?? a.id, published: a.published })));
  const dated = reports.filter((r) => publicationInstant(r.published) !== null);
  const span = dated.length >= 2 ? { first: dated[0]!.published!, last: dated[dated.length - 1]!.published! } : null;
  const hasVerdicts = c.findings.some((f) => verdictOf(f));
  const facts: DevelopmentFact[] = [];
  for (const f of orderedFindings(c.findings)) {
    if (f.kind !== 'conflict' || f.withinArticle) continue;
    const instants = new Set(f.articles.map((a) => publicationInstant(published.get(a))).filter((t) => t !== null));
    const verdict = verdictOf(f);
    // An update is a change over time by definition; other verdicts count only between reports of different times.
    if (verdict !== 'update' && instants.size < 2) continue;
    if (hasVerdicts && verdict !== 'update' && verdict !== 'contradiction' && verdict !== 'different-tallies') continue;
    if (!hasVerdicts && f.type !== 'number' && f.type !== 'modality') continue;
    facts.push({ finding: f.id, summary: f.summary, type: f.type ?? null, verdict: (hasVerdicts ? verdict : null) as DevelopmentVerdict, steps: stepsOf(f, labels, published) });
  }
  facts.sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict));
  return { reports, span, facts, summary: developmentSummary(reports.length, span, facts) };
}

/** Whether there is a development to show: reports published at two or more instants, or a fact that changed. */
export function hasDevelopment(dev: StoryDevelopment): boolean {
  return dev.facts.length > 0 || new Set(dev.reports.map((r) => publicationInstant(r.published)).filter((t) => t !== null)).size >= 2;
}

function developmentSummary(reports: number, span: StoryDevelopment['span'], facts: DevelopmentFact[]): string {
  const when = !span
    ? ''
    : whenPublished(span.first) === whenPublished(span.last)
      ? ` of ${whenPublished(span.first)}`
      : ` from ${whenPublished(span.first)} to ${whenPublished(span.last)}`;
  const count = (v: DevelopmentVerdict) => facts.filter((f) => f.verdict === v).length;
  const parts = [
    count('update') && `${plural(count('update'), 'fact')} updated in a later report`,
    count('contradiction') && plural(count('contradiction'), 'contradiction'),
    count('different-tallies') && plural(count('different-tallies'), 'difference in tallies', 'differences in tallies'),
    count(null) && `${plural(count(null), 'fact')} given differently by reports of different times`,
  ].filter(Boolean);
  return `${plural(reports, 'report')}${when}: ${parts.length ? parts.join(', ') : 'no fact changed between them'}`;
}
