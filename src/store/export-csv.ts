// CSV of a story comparison: one row per piece of evidence of each finding, then one row per figure
// cell, in one table with a `record` column. RFC 4180 quoting; cells that a spreadsheet would run as a
// formula (=, +, -, @ first) get a leading apostrophe.
import type { StoryComparison } from '../compare/types.js';

export const CSV_COLUMNS = ['record', 'id', 'kind', 'type', 'summary', 'article', 'outlet', 'start', 'end', 'text', 'measure', 'value', 'low', 'high', 'unit', 'hedge', 'conflict'] as const;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function comparisonCsv(c: StoryComparison): string {
  const outletOf = new Map(c.articles.map((a) => [a.id, a.outlet]));
  const rows: unknown[][] = [];
  for (const f of c.findings) {
    for (const e of f.evidence) {
      rows.push(['finding', f.id, f.kind, f.type ?? '', f.summary, e.article, outletOf.get(e.article) ?? '', e.start, e.end, e.text, '', '', '', '', '', '', f.kind === 'conflict']);
    }
  }
  c.figures.forEach((row, i) => {
    for (const cell of row.cells) {
      rows.push(['figure', `figure-${i + 1}`, '', '', '', cell.article, outletOf.get(cell.article) ?? '', cell.start, cell.end, cell.text, row.measure, cell.value, cell.low, cell.high, cell.unit, cell.hedge, row.conflict]);
    }
  });
  return [CSV_COLUMNS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
