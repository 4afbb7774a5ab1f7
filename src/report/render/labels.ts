import type { ArticleOut, ConflictType, Finding, FindingKind, StoryComparison } from '../../compare/types.js';

/** A source as shown in a report: a URL as is, a local path by its file name only (reports are shared; the reader's directories are not). */
export function displaySource(source: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  return source.replace(/^.*[\\/]/, '');
}

/** Outlet name (or source) per article id, made unique when two articles share an outlet. */
export function articleLabels(articles: ArticleOut[]): Map<string, string> {
  const labels = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const a of articles) {
    const base = a.outlet ?? a.title ?? (a.source ? displaySource(a.source) : a.id);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    labels.set(a.id, n === 1 ? base : `${base} (${n})`);
  }
  return labels;
}

export const KIND_LABEL: Record<FindingKind, string> = {
  conflict: 'Conflict',
  partial: 'Partial match',
  exclusive: 'Only in one report',
  agreement: 'Agreement',
};

export const TYPE_LABEL: Record<ConflictType, string> = {
  number: 'number',
  date: 'date',
  speaker: 'who said it',
  negation: 'negation',
  modality: 'done or planned',
  entity: 'who or what',
};

/** One order everywhere (CLI, Markdown, HTML, web): conflicts, partial matches, agreements, exclusives. */
export const KIND_ORDER: FindingKind[] = ['conflict', 'partial', 'agreement', 'exclusive'];

/** Findings in KIND_ORDER; inside a kind, those between reports before those within one report, then by salience. */
export function orderedFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || Number(Boolean(a.withinArticle)) - Number(Boolean(b.withinArticle)) || b.salience - a.salience,
  );
}

/** What a conflict's verdict (CONTRACT.md) means, in a reader's words. */
export const VERDICT_LABEL: Record<string, string> = {
  contradiction: 'contradiction',
  'different-tallies': 'different figures that can both hold',
  update: 'later report updates it',
};

/** The verdict of a finding (CONTRACT.md; absent from results made before it). */
export function verdictOf(f: Finding): string | undefined {
  const v = (f as Finding & { verdict?: unknown }).verdict;
  return typeof v === 'string' ? v : undefined;
}

/** The value each side gives (CONTRACT.md `details.values`), when the comparison says so. */
export function valuesOf(f: Finding): { article: string; value: string; published: string | null }[] {
  const v = f.details?.values;
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is { article: string; value: string; published: string | null } => typeof x?.article === 'string' && typeof x?.value === 'string');
}

/** A kind's name for a count: "1 conflict", "2 conflicts". */
export function countOf(n: number, kind: FindingKind): string {
  const [one, many] = ({ conflict: ['conflict', 'conflicts'], partial: ['partial match', 'partial matches'], exclusive: ['exclusive', 'exclusives'], agreement: ['agreement', 'agreements'] } as const)[kind];
  return `${n} ${n === 1 ? one : many}`;
}

/** The words a finding is about ('value' evidence, or the non-sentence roles of older results) versus the sentence around them. */
export function isValueEvidence(e: { role?: string }): boolean {
  return e.role !== 'claim' && e.role !== 'context';
}

/** Text cut at a word boundary near `max` characters. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** The first title of the story's reports, or else the opening sentence of the first report. */
export function storyTitle(c: StoryComparison): string {
  const t = c.articles.find((a) => a.title)?.title;
  if (t) return t;
  const first = c.articles[0]?.text.trim();
  if (!first) return 'Story comparison';
  const m = first.match(/^.{20,}?[.!?](?=\s|$)/s);
  return clip(m ? m[0] : first, 120);
}
