import type { Evidence, Finding, StoryComparison } from '../compare/types.js';
import { printable } from '../model/printable.js';
import { developmentLabel, hasDevelopment, storyDevelopment, whenPublished } from './render/development.js';
import { KIND_ORDER, VERDICT_LABEL, articleLabels, displaySource, isValueEvidence, orderedFindings, verdictOf } from './render/labels.js';

const KIND_TITLE = { conflict: 'Conflicts', partial: 'Partial agreements', agreement: 'Agreements', exclusive: 'Only in one report' } as const;

function outletOf(c: StoryComparison, id: string): string {
  return articleLabels(c.articles).get(id) ?? id;
}

function quoteEvidence(c: StoryComparison, e: Evidence): string {
  return `${outletOf(c, e.article)} [${e.start}–${e.end}]: “${e.text}”`;
}

/**
 * Words from the reports as one safe Markdown line: line breaks become spaces (a title with a newline
 * must not end a table row or start a heading), control, escape and bidi-control characters become
 * visible escapes (a Markdown file is often read in a terminal or pasted into a page), and Markdown's
 * own punctuation is backslash-escaped, `&` included so that `&#x1b;` or `&#x202e;` is not decoded.
 */
function escapeMd(s: string): string {
  return printable(s.replace(/\s+/g, ' ')).replace(/([\\`*_[\]<>|&~])/g, '\\$1');
}

export function renderMarkdown(c: StoryComparison): string {
  const lines: string[] = ['# Parallax comparison', ''];
  lines.push('| Outlet | Title | Published | Source |', '| --- | --- | --- | --- |');
  for (const a of c.articles) lines.push(`| ${escapeMd(a.outlet ?? '')} | ${escapeMd(a.title ?? '')} | ${escapeMd(a.published ?? 'unknown')} | ${escapeMd(displaySource(a.source))} |`);
  lines.push('', '## Summary', '');
  for (const s of c.summary) lines.push(`- ${escapeMd(s.text)}`);
  const dev = storyDevelopment(c);
  if (hasDevelopment(dev)) {
    const when = (p: string | null) => (p ? whenPublished(p) : 'date unknown');
    lines.push('', '## How the story developed', '', escapeMd(dev.summary), '');
    for (const r of dev.reports) lines.push(`- ${escapeMd(when(r.published))}: ${escapeMd(r.outlet)}`);
    for (const f of dev.facts) {
      lines.push('', `- ${escapeMd(f.summary)} _(${developmentLabel(f.verdict)})_`);
      for (const st of f.steps) lines.push(`  - ${escapeMd(when(st.published))}, ${escapeMd(st.outlet)}: “${escapeMd(st.value)}”`);
    }
  }
  const ordered = orderedFindings(c.findings);
  for (const kind of KIND_ORDER) {
    const list = ordered.filter((f: Finding) => f.kind === kind);
    if (!list.length) continue;
    lines.push('', `## ${KIND_TITLE[kind]} (${list.length})`, '');
    for (const f of list) {
      const v = verdictOf(f);
      const verdict = f.kind === 'conflict' && v && VERDICT_LABEL[v] ? ` _(${VERDICT_LABEL[v]})_` : '';
      lines.push(`- ${f.type ? `**${escapeMd(f.type)}:** ` : ''}${escapeMd(f.summary)}${verdict}${f.withinArticle ? ' _(within one report)_' : ''}`);
      const shown = f.kind === 'conflict' && f.evidence.some(isValueEvidence) ? f.evidence.filter(isValueEvidence) : f.evidence;
      for (const e of shown) lines.push(`  - ${escapeMd(quoteEvidence(c, e))}`);
    }
  }
  if (c.figures.length) {
    lines.push('', '## Figures', '', '| Measure | ' + c.articles.map((a) => escapeMd(outletOf(c, a.id))).join(' | ') + ' |', '| --- |' + c.articles.map(() => ' --- |').join(''));
    for (const row of c.figures) {
      const cells = c.articles.map((a) => row.cells.filter((x) => x.article === a.id).map((x) => `${escapeMd(x.text)}${x.speaker ? ` (${escapeMd(x.speaker)})` : ''}`).join('; '));
      lines.push(`| ${escapeMd(row.measure)}${row.conflict ? ' ⚠' : ''} | ${cells.join(' | ')} |`);
    }
  }
  if (c.quoteTable.length) {
    lines.push('', '## Quotes', '');
    for (const row of c.quoteTable) {
      lines.push(`- **${escapeMd(row.speaker)}**`);
      for (const [article, qs] of Object.entries(row.byArticle)) for (const q of qs) lines.push(`  - ${escapeMd(outletOf(c, article))}${q.direct ? '' : ' (reported)'}: “${escapeMd(q.text)}”${q.via ? ` via ${escapeMd(q.via)}` : ''}`);
    }
  }
  lines.push('', '## Framing', '', '| Outlet | Tone | Background share | Quotes by officials | Who is quoted | Evaluative terms |', '| --- | --- | --- | --- | --- | --- |');
  for (const f of c.framing) {
    const quoted = Object.entries(f.quoted).map(([k, v]) => `${k} ×${v}`).join(', ');
    lines.push(`| ${escapeMd(f.outlet ?? f.article)} | ${f.tone.toFixed(2)} | ${(f.backgroundShare * 100).toFixed(0)}% | ${(f.officialQuoteShare * 100).toFixed(0)}% | ${escapeMd(quoted)} | ${escapeMd(f.evaluativeTerms.slice(0, 8).map((t) => t.text).join(', '))} |`);
  }
  const removed = c.articles.flatMap((a) => a.removed.map((r) => ({ a, r })));
  if (removed.length) {
    lines.push('', '## Removed before comparison', '');
    for (const { a, r } of removed) lines.push(`- ${escapeMd(a.outlet ?? a.id)} (${escapeMd(r.reason)}): “${escapeMd(r.text.replace(/\s+/g, ' ').slice(0, 160))}${r.text.length > 160 ? '…' : ''}”`);
  }
  return lines.join('\n') + '\n';
}
