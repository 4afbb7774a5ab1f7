// A whole story page body from a StoryComparison. Both the self-contained report and the web UI call
// this; each adds its own chart of framing signals.
import type { StoryComparison } from '../../compare/types.js';
import { escapeHtml as h } from './escape.js';
import {
  renderArticles,
  renderDevelopment,
  renderEntityCoverage,
  renderFailures,
  renderFiguresTable,
  renderFindings,
  renderFramingTable,
  renderQuotesTable,
  renderSummary,
  renderTimeline,
} from './sections.js';

export interface StoryRenderOptions {
  /** HTML placed above the framing table (an SVG chart, or an empty element a chart library fills). */
  framingChart?: (c: StoryComparison) => string;
}

export function renderStoryBody(c: StoryComparison, options: StoryRenderOptions = {}): string {
  const framing = c.framing.length
    ? `<section aria-labelledby="px-framing-h"><h2 id="px-framing-h">Framing per outlet</h2>${options.framingChart ? options.framingChart(c) : ''}${renderFramingTable(c)}</section>`
    : '';
  return (
    `<div class="px-story"><p class="px-live px-visually-hidden" aria-live="polite"></p>` +
    renderSummary(c) +
    renderDevelopment(c) +
    `<div class="px-layout"><aside class="px-aside">${renderFindings(c)}</aside><div class="px-main">${renderArticles(c)}</div></div>` +
    renderFiguresTable(c) +
    renderQuotesTable(c) +
    framing +
    renderTimeline(c) +
    renderEntityCoverage(c) +
    renderFailures(c) +
    `<p class="px-generator">${h(c.generator)} · schema ${h(c.schemaVersion)}</p></div>`
  );
}
