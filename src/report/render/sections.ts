// The parts of a story page as HTML strings, shared by the self-contained report and the web UI.
import type { ArticleOut, Finding, StoryComparison } from '../../compare/types.js';
import { escapeAttr, escapeHtml as h, safeToken } from './escape.js';
import { marksForArticle, renderHighlightedText } from './highlight.js';
import { KIND_LABEL, KIND_ORDER, TYPE_LABEL, VERDICT_LABEL, articleLabels, clip, countOf, isValueEvidence, orderedFindings, valuesOf, verdictOf } from './labels.js';
import { timeInWords, timeSortKey } from './dates.js';
import { developmentLabel, hasDevelopment, storyDevelopment, whenPublished, type StoryDevelopment } from './development.js';

type Labels = Map<string, string>;

export function renderLegend(): string {
  const item = (kind: string, label: string) => `<li><mark class="px-mark px-${kind}">${h(label)}</mark></li>`;
  return `<ul class="px-legend" aria-label="Highlight colours">${item('conflict', 'conflict')}${item('partial', 'partial match')}${item('exclusive', 'only in one report')}${item('agreement', 'agreement')}</ul>`;
}

export function renderSummary(c: StoryComparison): string {
  if (!c.summary.length) return '';
  const items = c.summary
    .map((s) => {
      const ids = s.findings.map(safeToken).join(' ');
      return `<li>${h(s.text)}${ids ? ` <button type="button" class="px-link" data-f="${escapeAttr(ids)}">show evidence</button>` : ''}</li>`;
    })
    .join('');
  return `<section class="px-summary" aria-labelledby="px-summary-h"><h2 id="px-summary-h">Summary</h2><ul>${items}</ul></section>`;
}

function renderFinding(f: Finding, labels: Labels): string {
  const kind = KIND_LABEL[f.kind] + (f.kind === 'conflict' && f.type ? ` (${TYPE_LABEL[f.type]})` : '');
  const v = verdictOf(f);
  const verdict = f.kind === 'conflict' && v && VERDICT_LABEL[v] ? ` <span class="px-verdict">${h(VERDICT_LABEL[v])}</span>` : '';
  // The differing words first and plain; the sentence around them after, lightly.
  const ev = [...f.evidence]
    .sort((a, b) => Number(isValueEvidence(b)) - Number(isValueEvidence(a)))
    .map((e) => `<li><span class="px-outlet">${h(labels.get(e.article) ?? e.article)}</span>: <q class="${isValueEvidence(e) ? 'px-ev-value' : 'px-ev-context'}">${h(clip(e.text, 160))}</q></li>`)
    .join('');
  return (
    `<li class="px-finding-item"><button type="button" class="px-finding px-${f.kind}" data-f="${escapeAttr(safeToken(f.id))}" aria-describedby="px-fe-${escapeAttr(safeToken(f.id))}">` +
    `<span class="px-badge px-${f.kind}">${h(kind)}</span>${verdict} <span class="px-finding-summary">${h(f.summary)}</span></button>` +
    `<ul class="px-evidence" id="px-fe-${escapeAttr(safeToken(f.id))}">${ev}</ul></li>`
  );
}

export function renderFindings(c: StoryComparison): string {
  const labels = articleLabels(c.articles);
  const list = orderedFindings(c.findings);
  const counts = { conflict: 0, partial: 0, exclusive: 0, agreement: 0 };
  for (const f of list) counts[f.kind]++;
  const count = `<p class="px-counts">${KIND_ORDER.map((k) => countOf(counts[k], k)).join(', ')}. Choose a finding to bring its words into view in every report.</p>`;
  const items = list.length ? `<ol class="px-findings">${list.map((f) => renderFinding(f, labels)).join('')}</ol>` : '<p>No findings.</p>';
  return `<section class="px-findings-section" aria-labelledby="px-findings-h"><h2 id="px-findings-h">Findings</h2>${count}${items}</section>`;
}

function renderArticle(a: ArticleOut, c: StoryComparison, label: string): string {
  const marks = marksForArticle(c.findings, a.id, a.text.length);
  const meta = [a.published ? `published ${h(a.published)}` : 'no publication date', a.dateline?.place ? `dateline ${h(a.dateline.place)}` : '']
    .filter(Boolean)
    .join(' · ');
  const link = a.url && /^https?:\/\//i.test(a.url) ? ` <a href="${escapeAttr(a.url)}" rel="noopener noreferrer">source</a>` : '';
  const removed = a.removed.length
    ? `<details class="px-removed"><summary>Removed by cleaning (${a.removed.length})</summary><ul>${a.removed
        .map((r) => `<li><span class="px-reason">${h(r.reason)}</span>: ${h(r.text.length > 400 ? r.text.slice(0, 400) + '…' : r.text)}</li>`)
        .join('')}</ul></details>`
    : '';
  return (
    `<article class="px-article" data-article="${escapeAttr(a.id)}" aria-labelledby="px-a-${escapeAttr(safeToken(a.id))}">` +
    `<header><h3 id="px-a-${escapeAttr(safeToken(a.id))}">${h(label)}</h3>${a.title ? `<p class="px-title">${h(a.title)}</p>` : ''}<p class="px-meta">${meta}${link}</p></header>` +
    `<div class="px-text" tabindex="0" aria-label="Text of ${escapeAttr(label)}">${renderHighlightedText(a.text, marks)}</div>${removed}</article>`
  );
}

export function renderArticles(c: StoryComparison): string {
  const labels = articleLabels(c.articles);
  return `<section class="px-articles-section" aria-labelledby="px-articles-h"><h2 id="px-articles-h">The reports side by side</h2>${renderLegend()}<div class="px-articles">${c.articles
    .map((a) => renderArticle(a, c, labels.get(a.id)!))
    .join('')}</div></section>`;
}

function fmtNumber(v: number): string {
  return Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v);
}

export function renderFiguresTable(c: StoryComparison): string {
  if (!c.figures.length) return '';
  const labels = articleLabels(c.articles);
  const head = `<tr><th scope="col">Measure</th>${c.articles.map((a) => `<th scope="col">${h(labels.get(a.id))}</th>`).join('')}</tr>`;
  const rows = c.figures
    .map((row) => {
      const cells = c.articles
        .map((a) => {
          const mine = row.cells.filter((x) => x.article === a.id);
          if (!mine.length) return '<td class="px-none">—</td>';
          return `<td>${mine
            .map(
              (x) =>
                `<span class="px-fig"><q>${h(x.text)}</q> <span class="px-val">${h(fmtNumber(x.value))}${x.unit ? ' ' + h(x.unit) : ''}${x.low !== x.high ? ` (${h(fmtNumber(x.low))}–${h(fmtNumber(x.high))})` : ''}</span>${x.speaker ? ` <span class="px-speaker">per ${h(x.speaker)}</span>` : ''}</span>`,
            )
            .join('<br>')}</td>`;
        })
        .join('');
      return `<tr class="${row.conflict ? 'px-row-conflict' : ''}"><th scope="row">${h(row.measure)}${row.conflict ? ' <span class="px-badge px-conflict">differ</span>' : ''}</th>${cells}</tr>`;
    })
    .join('');
  return `<section aria-labelledby="px-figures-h"><h2 id="px-figures-h">Figures</h2><div class="px-table-wrap"><table class="px-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div></section>`;
}

export function renderQuotesTable(c: StoryComparison): string {
  if (!c.quoteTable.length) return '';
  const labels = articleLabels(c.articles);
  const head = `<tr><th scope="col">Speaker</th>${c.articles.map((a) => `<th scope="col">${h(labels.get(a.id))}</th>`).join('')}</tr>`;
  const rows = c.quoteTable
    .map((row) => {
      const cells = c.articles
        .map((a) => {
          const qs = row.byArticle[a.id] ?? [];
          if (!qs.length) return '<td class="px-none">—</td>';
          return `<td><ul class="px-quotes">${qs
            .map((q) => `<li><q>${h(q.text)}</q>${q.direct ? '' : ' <span class="px-tag">reported</span>'}${q.via ? ` <span class="px-tag">via ${h(q.via)}</span>` : ''}</li>`)
            .join('')}</ul></td>`;
        })
        .join('');
      return `<tr><th scope="row">${h(row.speaker)}</th>${cells}</tr>`;
    })
    .join('');
  return `<section aria-labelledby="px-quotes-h"><h2 id="px-quotes-h">Who is quoted</h2><div class="px-table-wrap"><table class="px-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div></section>`;
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—';
}

/** Framing per outlet as a table; the report adds an SVG chart, the web UI a Chart.js chart. */
export function renderFramingTable(c: StoryComparison): string {
  if (!c.framing.length) return '';
  const labels = articleLabels(c.articles);
  const rows = c.framing
    .map((f) => {
      const quoted = Object.entries(f.quoted)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${h(k)} (${v})`)
        .join(', ');
      const terms = [...new Set(f.evaluativeTerms.map((t) => t.text.toLowerCase()))].slice(0, 8).map(h).join(', ');
      return `<tr><th scope="row">${h(labels.get(f.article) ?? f.outlet ?? f.article)}</th><td>${f.tone.toFixed(2)}</td><td>${pct(f.backgroundShare)}</td><td>${pct(f.quoteShare)}</td><td>${pct(f.officialQuoteShare)}</td><td>${f.figures}</td><td>${quoted || '—'}</td><td>${terms || '—'}</td></tr>`;
    })
    .join('');
  return `<div class="px-table-wrap"><table class="px-table"><thead><tr><th scope="col">Outlet</th><th scope="col">Tone (−1..1)</th><th scope="col">Background</th><th scope="col">Quoted text</th><th scope="col">Official quotes</th><th scope="col">Figures</th><th scope="col">Who is quoted</th><th scope="col">Evaluative terms</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function renderTimeline(c: StoryComparison): string {
  if (!c.timeline.length) return '';
  const labels = articleLabels(c.articles);
  // Plain words, not TimeML codes; dated entries in calendar order, the undated after them.
  const items = [...c.timeline]
    .sort((a, b) => timeSortKey(a.value).localeCompare(timeSortKey(b.value)) || a.label.localeCompare(b.label))
    .map((t) => {
      const words = timeInWords(t.value);
      const said = words && words.toLowerCase() !== t.label.toLowerCase() ? ` <span class="px-tvalue">${h(words)}</span>` : '';
      return `<li><span class="px-time">${h(t.label)}</span>${said}<ul>${t.evidence
        .map((e) => `<li><span class="px-outlet">${h(labels.get(e.article) ?? e.article)}</span>: <q>${h(e.text)}</q></li>`)
        .join('')}</ul></li>`;
    })
    .join('');
  return `<section aria-labelledby="px-timeline-h"><h2 id="px-timeline-h">Times the reports mention</h2><ol class="px-timeline">${items}</ol></section>`;
}

/**
 * How the story developed (development.ts): the reports in publication order, then for each fact the
 * reports give differently what each outlet reported when, named by its verdict (updated in a later
 * report, or a contradiction between reports of different times). Empty when fewer than two reports are
 * dated at different instants and no fact changed.
 */
export function renderDevelopment(c: StoryComparison, dev: StoryDevelopment = storyDevelopment(c)): string {
  if (!hasDevelopment(dev)) return '';
  const when = (published: string | null) =>
    `<time class="px-when"${published ? ` datetime="${escapeAttr(published)}"` : ''}>${h(published ? whenPublished(published) : 'date unknown')}</time>`;
  const reports = dev.reports.map((r) => `<li>${when(r.published)} <span class="px-outlet">${h(r.outlet)}</span></li>`).join('');
  const rows = dev.facts
    .map((f) => {
      const list = f.steps.map((st) => `<li>${when(st.published)} <span class="px-outlet">${h(st.outlet)}</span>: <span class="px-val">${h(st.value)}</span></li>`).join('');
      return `<li class="px-fact px-dev-${escapeAttr(f.verdict ?? 'none')}"><button type="button" class="px-link" data-f="${escapeAttr(safeToken(f.finding))}">${h(f.summary)}</button> <span class="px-verdict">${h(developmentLabel(f.verdict))}</span><ol class="px-steps">${list}</ol></li>`;
    })
    .join('');
  return (
    `<section class="px-development" aria-labelledby="px-development-h"><h2 id="px-development-h">How the story developed</h2>` +
    `<p class="px-note px-dev-summary">${h(dev.summary)}.</p>` +
    `<ol class="px-reports" aria-label="Reports in the order they were published">${reports}</ol>` +
    (rows ? `<p class="px-note">What each outlet reported, and when, for the facts the reports give differently.</p><ol class="px-facts">${rows}</ol>` : '') +
    `</section>`
  );
}

export function renderEntityCoverage(c: StoryComparison, limit = 25): string {
  if (!c.entities.length) return '';
  const labels = articleLabels(c.articles);
  const total = (e: StoryComparison['entities'][number]) => Object.values(e.coverage).reduce((s, n) => s + n, 0);
  const list = [...c.entities].sort((a, b) => total(b) - total(a)).slice(0, limit);
  const head = `<tr><th scope="col">Entity</th><th scope="col">Type</th>${c.articles.map((a) => `<th scope="col">${h(labels.get(a.id))}</th>`).join('')}</tr>`;
  const rows = list
    .map(
      (e) =>
        `<tr><th scope="row">${h(e.name)}</th><td>${h(e.type)}</td>${c.articles.map((a) => `<td>${e.coverage[a.id] ?? 0}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<section aria-labelledby="px-entities-h"><h2 id="px-entities-h">Who and what each report names</h2><div class="px-table-wrap"><table class="px-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div></section>`;
}

export function renderFailures(c: StoryComparison): string {
  if (!c.failures.length) return '';
  return `<section class="px-failures"><h2>Inputs that could not be read</h2><ul>${c.failures.map((f) => `<li>${h(f.subject)}: ${h(f.message)}</li>`).join('')}</ul></section>`;
}
