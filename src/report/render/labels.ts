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

export function storyTitle(c: StoryComparison): string {
  const t = c.articles.find((a) => a.title)?.title;
  return t ?? (c.articles.length ? `${c.articles.length} reports compared` : 'Story comparison');
}
