// A dependency-free SVG chart of framing signals per outlet, for the self-contained report (the web UI
// draws the same numbers with Chart.js). Presentation attributes only: no inline style, so the
// report's Content-Security-Policy needs no 'unsafe-inline'.
import type { StoryComparison } from '../../compare/types.js';
import { escapeHtml as h } from './escape.js';
import { articleLabels } from './labels.js';

const METRICS = [
  { key: 'tone', label: 'Tone', min: -1, colour: '#5b3a8c' },
  { key: 'backgroundShare', label: 'Background sentences', min: 0, colour: '#1f4fb3' },
  { key: 'quoteShare', label: 'Quoted text', min: 0, colour: '#1e6b34' },
  { key: 'officialQuoteShare', label: 'Official quotes', min: 0, colour: '#8a5a00' },
] as const;

export function renderFramingSvg(c: StoryComparison): string {
  if (!c.framing.length) return '';
  const labels = articleLabels(c.articles);
  const rowH = 18;
  const labelW = 190;
  const barW = 320;
  const groupGap = 14;
  const rows = c.framing.length;
  const groupH = rows * rowH + groupGap + 18;
  const height = METRICS.length * groupH + 10;
  const width = labelW + barW + 70;
  let y = 4;
  let body = '';
  for (const m of METRICS) {
    body += `<text x="0" y="${y + 12}" font-weight="bold" font-size="13" fill="#1a1a1a">${h(m.label)}${m.min < 0 ? ' (−1 negative … +1 positive)' : ' (share)'}</text>`;
    y += 18;
    const zero = m.min < 0 ? labelW + barW / 2 : labelW;
    for (const f of c.framing) {
      const v = Number((f as unknown as Record<string, number>)[m.key]) || 0;
      const clamped = Math.max(m.min, Math.min(1, v));
      const scale = m.min < 0 ? barW / 2 : barW;
      const x = clamped >= 0 ? zero : zero + clamped * scale;
      const w = Math.max(1, Math.abs(clamped) * scale);
      const name = labels.get(f.article) ?? f.outlet ?? f.article;
      body += `<text x="${labelW - 6}" y="${y + 13}" text-anchor="end" font-size="12" fill="#1a1a1a">${h(name.length > 28 ? name.slice(0, 27) + '…' : name)}</text>`;
      body += `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${m.colour}"><title>${h(name)}: ${v.toFixed(2)}</title></rect>`;
      body += `<text x="${labelW + barW + 6}" y="${y + 13}" font-size="12" fill="#1a1a1a">${m.min < 0 ? v.toFixed(2) : Math.round(v * 100) + '%'}</text>`;
      y += rowH;
    }
    body += `<line x1="${zero}" x2="${zero}" y1="${y - rows * rowH}" y2="${y}" stroke="#444" stroke-width="1"/>`;
    y += groupGap;
  }
  return `<svg class="px-chart" role="img" aria-label="Framing signals per outlet" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${body}</svg>`;
}
