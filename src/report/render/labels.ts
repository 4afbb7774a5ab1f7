import type { ArticleOut, ConflictType, Finding, FindingKind, StoryComparison } from '../../compare/types.js';

/** Outlet name (or source) per article id, made unique when two articles share an outlet. */
export function articleLabels(articles: ArticleOut[]): Map<string, string> {
  const labels = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const a of articles) {
    const base = a.outlet ?? a.title ?? a.source ?? a.id;
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

const KIND_ORDER: FindingKind[] = ['conflict', 'partial', 'exclusive', 'agreement'];

/** Conflicts first, then partial matches, exclusives, agreements; by salience inside each kind. */
export function orderedFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.salience - a.salience);
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
