// Highlights finding evidence inside an article's text. The text is cut at every span boundary; each
// piece is escaped and wrapped in a <mark> naming the findings that cover it, so overlapping spans
// work and the text itself is never parsed as HTML.
import type { Finding, FindingKind } from '../../compare/types.js';
import { escapeAttr, escapeHtml, safeToken } from './escape.js';
import { isValueEvidence } from './labels.js';

export interface MarkSpan {
  start: number;
  end: number;
  finding: string;
  kind: FindingKind;
  /** The words the finding is about (a value, a date), as opposed to the sentence around them. */
  key?: boolean;
}

/** Which colour wins where spans of several kinds overlap. */
const KIND_RANK: Record<FindingKind, number> = { conflict: 4, partial: 3, exclusive: 2, agreement: 1 };

/** The evidence spans of the findings that fall inside one article (invalid spans are dropped). */
export function marksForArticle(findings: Finding[], articleId: string, textLength: number): MarkSpan[] {
  const out: MarkSpan[] = [];
  for (const f of findings) {
    const mine = f.evidence.filter(
      (e) => e.article === articleId && Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end <= textLength && e.start < e.end,
    );
    // 'value' evidence (and the older non-sentence roles) names the words in question and is painted;
    // the sentence around them ('context', 'claim') is only underlined, so a page is not all colour.
    for (const e of mine) out.push({ start: e.start, end: e.end, finding: f.id, kind: f.kind, key: isValueEvidence(e) });
  }
  return out;
}

/** The article text as HTML with <mark> elements around the evidence spans. */
export function renderHighlightedText(text: string, marks: MarkSpan[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = escapeHtml(text.slice(a, b));
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    let kind: FindingKind = covering[0]!.kind;
    for (const m of covering) if (KIND_RANK[m.kind] > KIND_RANK[kind]) kind = m.kind;
    const ids = [...new Set(covering.map((m) => safeToken(m.finding)))].join(' ');
    const keys = [...new Set(covering.filter((m) => m.key).map((m) => safeToken(m.finding)))].join(' ');
    // Painted where the words of some finding are; else only the sentence of a finding: a light underline.
    let strong: FindingKind | null = null;
    for (const m of covering) if (m.key && (!strong || KIND_RANK[m.kind] > KIND_RANK[strong])) strong = m.kind;
    if (strong) kind = strong;
    html += `<mark class="px-mark px-${kind} ${strong ? 'px-value' : 'px-context'}" data-f="${escapeAttr(ids)}"${keys ? ` data-k="${escapeAttr(keys)}"` : ''}>${piece}</mark>`;
  }
  return html;
}
