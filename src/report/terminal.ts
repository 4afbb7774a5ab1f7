import type { Finding, StoryComparison } from '../compare/types.js';
import { printableDeep } from '../model/printable.js';
import { developmentLabel, hasDevelopment, storyDevelopment, whenPublished } from './render/development.js';
import { KIND_ORDER, VERDICT_LABEL, articleLabels, isValueEvidence, orderedFindings, verdictOf } from './render/labels.js';

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
  const labels = articleLabels(c.articles);
  const outlet = (id: string) => labels.get(id) ?? id;
  const out: string[] = [];
  const n = c.articles.length;
  out.push(paint('bold', `Parallax: ${n} report${n === 1 ? '' : 's'} compared`));
  // Columns: outlet, date, title (padded on the plain text, so colour codes do not shift them).
  // A longer outlet name is cut (with "…") so that the date column still lines up.
  const nameW = Math.min(36, Math.max(...c.articles.map((a) => outlet(a.id).length)));
  const cell = (name: string) => (name.length > nameW ? `${name.slice(0, nameW - 1)}…` : name.padEnd(nameW));
  const dateW = Math.max(...c.articles.map((a) => (a.published ?? 'date unknown').length));
  for (const a of c.articles) {
    const note = a.extraction.confidence < 0.6 ? paint('yellow', ' (could not read the whole article)') : '';
    const copy = a.copyOf ? paint('dim', ` copy of ${outlet(a.copyOf)}`) : '';
    out.push(`  ${paint('cyan', cell(outlet(a.id)))}  ${paint('dim', (a.published ?? 'date unknown').padEnd(dateW))}  ${a.title ?? ''}${copy}${note}`.trimEnd());
  }
  out.push(paint('dim', '  (the numbers after each outlet below are character offsets into its cleaned text: "text" in --json)'));
  out.push('');
  for (const s of c.summary) out.push(`• ${s.text}`);
  const TITLES = { conflict: ['Conflicts', 'red'], partial: ['Partial agreements', 'yellow'], agreement: ['Agreements', 'green'], exclusive: ['', 'magenta'] } as const;
  const section = (title: string, code: keyof typeof CODES, list: Finding[]) => {
    if (!list.length) return;
    out.push('', paint(code, paint('bold', `${title} (${list.length})`)));
    for (const f of list) {
      const v = verdictOf(f);
      const verdict = f.kind === 'conflict' && v && VERDICT_LABEL[v] ? paint('dim', ` (${VERDICT_LABEL[v]})`) : '';
      out.push(`  ${paint(code, '■')} ${f.type ? paint('bold', `[${f.type}] `) : ''}${f.summary}${verdict}${f.withinArticle ? paint('dim', ' (within one report)') : ''}`);
      // A conflict shows the differing words; the sentences around them are in --json and the HTML report.
      const shown = f.kind === 'conflict' && f.evidence.some(isValueEvidence) ? f.evidence.filter(isValueEvidence) : f.evidence;
      for (const e of shown) out.push(paint('dim', `      ${outlet(e.article)} ${e.start}-${e.end}: `) + `“${e.text.replace(/\s+/g, ' ')}”`);
    }
  };
  const dev = storyDevelopment(c);
  if (hasDevelopment(dev)) {
    // What each outlet reported when: the reports in publication order, then each fact that changed.
    out.push('', paint('bold', 'How the story developed'), `  ${dev.summary}`);
    const when = (p: string | null) => (p ? whenPublished(p) : 'date unknown');
    const whenW = Math.max(...dev.reports.map((r) => when(r.published).length));
    for (const r of dev.reports) out.push(`  ${paint('dim', when(r.published).padEnd(whenW))}  ${paint('cyan', r.outlet)}`);
    for (const f of dev.facts) {
      const code = f.verdict === 'update' ? 'blue' : 'red';
      out.push(`  ${paint(code, '■')} ${f.summary}${paint('dim', ` (${developmentLabel(f.verdict)})`)}`);
      for (const st of f.steps) out.push(`      ${paint('dim', when(st.published).padEnd(whenW))}  ${outlet(st.article)}: “${st.value.replace(/\s+/g, ' ')}”`);
    }
  }
  const ordered = orderedFindings(c.findings);
  for (const kind of KIND_ORDER) {
    const [title, code] = TITLES[kind];
    if (kind !== 'exclusive') section(title, code, ordered.filter((f) => f.kind === kind));
    else for (const a of c.articles) section(`Only in ${outlet(a.id)}`, code, ordered.filter((f) => f.kind === 'exclusive' && f.articles[0] === a.id));
  }
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
    out.push(`  ${paint('cyan', outlet(f.article))}: tone ${f.tone >= 0 ? '+' : ''}${f.tone.toFixed(2)}, background ${(f.backgroundShare * 100).toFixed(0)}% of sentences, quotes ${quoted}; evaluative: ${f.evaluativeTerms.slice(0, 6).map((t) => t.text).join(', ') || 'none'}`);
  }
  const removed = c.articles.flatMap((a) => a.removed.map((r) => ({ a, r })));
  if (removed.length) {
    out.push('', paint('bold', 'Removed before comparison'));
    for (const { a, r } of removed) {
      const text = r.text.replace(/\s+/g, ' ');
      out.push(`  ${outlet(a.id)} (${r.reason}): ${options.showRemoved ? text : `“${text.slice(0, 80)}${text.length > 80 ? '…' : ''}”`}`);
    }
  }
  return out.join('\n') + '\n';
}
