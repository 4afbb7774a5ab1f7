// Tone and framing charts per outlet, drawn with Chart.js into the empty slot that the shared story
// renderer leaves for them (the self-contained report draws the same numbers as SVG).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { StoryComparison } from '../../../src/compare/types.ts';
import { articleLabels } from '../../../src/report/render/labels.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

// Distinct for common colour-vision deficiencies (Okabe–Ito), dark enough on white.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

function canvasIn(slot: HTMLElement, label: string, description: string): HTMLCanvasElement {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const box = document.createElement('div');
  box.className = 'chart-box';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${label}. ${description}`);
  box.append(canvas);
  const caption = document.createElement('figcaption');
  caption.textContent = label;
  figure.append(caption, box);
  slot.append(figure);
  return canvas;
}

export function drawFramingCharts(slot: HTMLElement, c: StoryComparison): () => void {
  const labels = articleLabels(c.articles);
  const outlets = c.framing.map((f) => labels.get(f.article) ?? f.outlet ?? f.article);
  const charts: Chart[] = [];
  const metrics = [
    { label: 'Tone (−1..1)', get: (f: StoryComparison['framing'][number]) => f.tone },
    { label: 'Background sentences', get: (f: StoryComparison['framing'][number]) => f.backgroundShare },
    { label: 'Quoted text', get: (f: StoryComparison['framing'][number]) => f.quoteShare },
    { label: 'Official quotes', get: (f: StoryComparison['framing'][number]) => f.officialQuoteShare },
  ];
  charts.push(
    new Chart(canvasIn(slot, 'Framing signals per outlet', 'The same numbers are in the table below.'), {
      type: 'bar',
      data: {
        labels: metrics.map((m) => m.label),
        datasets: c.framing.map((f, i) => ({ label: outlets[i]!, data: metrics.map((m) => Number(m.get(f).toFixed(3))), backgroundColor: PALETTE[i % PALETTE.length]! })),
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { min: -1, max: 1 } }, plugins: { legend: { position: 'bottom' } } },
    }),
  );
  if (c.framing.some((f) => f.sentenceTone.length > 1)) {
    const steps = 20;
    const xs = Array.from({ length: steps + 1 }, (_, i) => `${(i * 100) / steps}%`);
    charts.push(
      new Chart(canvasIn(slot, 'Tone through each report', 'Sentence tone from the start (0%) to the end (100%) of each report.'), {
        type: 'line',
        data: {
          labels: xs,
          datasets: c.framing.map((f, i) => {
            const n = f.sentenceTone.length;
            const data = xs.map((_, k) => {
              const s = f.sentenceTone[Math.min(n - 1, Math.round((k / steps) * (n - 1)))];
              return s ? Number(s.score.toFixed(3)) : null;
            });
            return { label: outlets[i]!, data, borderColor: PALETTE[i % PALETTE.length]!, backgroundColor: PALETTE[i % PALETTE.length]!, borderDash: i % 2 ? [6, 4] : [], tension: 0.2, pointRadius: 2 };
          }),
        },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { min: -1, max: 1 } }, plugins: { legend: { position: 'bottom' } } },
      }),
    );
  }
  return () => charts.forEach((ch) => ch.destroy());
}
