import type { Finding, StoryComparison } from '../compare/types.js';
import { printableDeep } from '../model/printable.js';

export interface TerminalOptions {
  colour: boolean;
  /** Show what cleaning removed. */
  showRemoved?: boolean;
  width?: number;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;

export function renderTerminal(comparison: StoryComparison, options: TerminalOptions): string {
  // The reports' own words must not reach the terminal as escape sequences; only `paint` writes those.
  const c = printableDeep(comparison);
  const paint = (code: keyof typeof CODES, s: string) => (options.colour ? `\x1b[${CODES[code]}m${s}\x1b[0m` : s);
  const outlet = (id: string) => c.articles.find((a) => a.id === id)?.outlet ?? id;
  const out: string[] = [];
  out.push(paint('bold', `Parallax: ${c.articles.length} reports compared`));
  for (const a of c.articles) {
    const note = a.extraction.confidence < 0.6 ? paint('yellow', ' (could not read the whole article)') : '';
    out.push(`  ${paint('cyan', a.outlet ?? a.id)}  ${a.title ?? ''}  ${paint('dim', a.published ?? 'date unknown')}${a.copyOf ? paint('dim', ` copy of ${outlet(a.copyOf)}`) : ''}${note}`);
  }
  out.push('');
  for (const s of c.summary) out.push(`• ${s.text}`);
  const section = (title: string, code: keyof typeof CODES, list: Finding[]) => {
    if (!list.length) return;
    out.push('', paint(code, paint('bold', `${title} (${list.length})`)));
    for (const f of list) {
      out.push(`  ${paint(code, '■')} ${f.type ? paint('bold', `[${f.type}] `) : ''}${f.summary}${f.withinArticle ? paint('dim', ' (within one report)') : ''}`);
      for (const e of f.evidence) {
        if (f.kind === 'conflict' && e.role === 'claim') continue;
        out.push(paint('dim', `      ${outlet(e.article)} ${e.start}-${e.end}: `) + `“${e.text.replace(/\s+/g, ' ')}”`);
      }
    }
  };
  section('Conflicts', 'red', c.findings.filter((f) => f.kind === 'conflict'));
  section('Partial agreements', 'yellow', c.findings.filter((f) => f.kind === 'partial'));
  section('Agreements', 'green', c.findings.filter((f) => f.kind === 'agreement'));
  for (const a of c.articles) section(`Only in ${a.outlet ?? a.id}`, 'magenta', c.findings.filter((f) => f.kind === 'exclusive' && f.articles[0] === a.id));
  if (c.figures.length) {
    out.push('', paint('bold', 'Figures'));
    for (const row of c.figures.slice(0, 20)) {
      const cells = row.cells.map((x) => `${outlet(x.article)}: ${x.text}${x.speaker ? ` (${x.speaker})` : ''}`).join(' | ');
      out.push(`  ${row.conflict ? paint('red', '≠') : ' '} ${row.measure}: ${cells}`);
    }
  }
  if (c.quoteTable.length) {
    out.push('', paint('bold', 'Quotes'));
    for (const row of c.quoteTable) {
      for (const [article, qs] of Object.entries(row.byArticle)) {
        for (const q of qs) out.push(`  ${paint('cyan', row.speaker)} in ${outlet(article)}${q.direct ? '' : ' (reported)'}: “${q.text.replace(/\s+/g, ' ')}”`);
      }
    }
  }
  out.push('', paint('bold', 'Framing'));
  for (const f of c.framing) {
    const quoted = Object.entries(f.quoted).map(([k, v]) => `${k} ×${v}`).join(', ') || 'nobody';
    out.push(`  ${paint('cyan', f.outlet ?? f.article)}: tone ${f.tone >= 0 ? '+' : ''}${f.tone.toFixed(2)}, background ${(f.backgroundShare * 100).toFixed(0)}% of sentences, quotes ${quoted}; evaluative: ${f.evaluativeTerms.slice(0, 6).map((t) => t.text).join(', ') || 'none'}`);
  }
  const removed = c.articles.flatMap((a) => a.removed.map((r) => ({ a, r })));
  if (removed.length) {
    out.push('', paint('bold', 'Removed before comparison'));
    for (const { a, r } of removed) {
      const text = r.text.replace(/\s+/g, ' ');
      out.push(`  ${a.outlet ?? a.id} (${r.reason}): ${options.showRemoved ? text : `“${text.slice(0, 80)}${text.length > 80 ? '…' : ''}”`}`);
    }
  }
  return out.join('\n') + '\n';
}
