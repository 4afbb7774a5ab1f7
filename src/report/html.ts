// The self-contained HTML report: one file, inline CSS and script, no external requests. A
// Content-Security-Policy meta allows only this page's own script and style, by hash, so text from an
// article can never run even if escaping had a hole.
import { createHash } from 'node:crypto';
import type { StoryComparison } from '../compare/types.js';
import { escapeHtml } from './render/escape.js';
import { renderFramingSvg } from './render/framing-svg.js';
import { attachInteractions } from './render/interact.js';
import { articleLabels, storyTitle } from './render/labels.js';
import { renderStoryBody } from './render/story.js';
import { STORY_CSS } from './render/styles.js';

const PAGE_CSS = `body{margin:0;background:#fff}.px-page{max-width:1400px;margin:0 auto;padding:1rem}.px-page>header h1{font-size:1.6rem;margin:.25rem 0}.px-page>header p{margin:0;color:#4a4a4a}`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The inline script of the report (exported so tests can check the CSP hash). */
export function reportScript(): string {
  return `(${attachInteractions.toString()})(document.getElementById('px-root'));`;
}

export function renderHtmlReport(comparison: StoryComparison): string {
  const script = reportScript();
  const css = STORY_CSS + PAGE_CSS;
  const csp = `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(css)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = storyTitle(comparison);
  const labels = articleLabels(comparison.articles);
  const outlets = comparison.articles.map((a) => labels.get(a.id)!).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Parallax</title>
<style>${css}</style>
</head>
<body>
<div class="px-page" id="px-root">
<header><p>Parallax report · ${comparison.articles.length} report${comparison.articles.length === 1 ? '' : 's'}: ${escapeHtml(outlets)}</p><h1>${escapeHtml(title)}</h1></header>
<main>${renderStoryBody(comparison, { framingChart: renderFramingSvg })}</main>
</div>
<script>${script}</script>
</body>
</html>
`;
}
