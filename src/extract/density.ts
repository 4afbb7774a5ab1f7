// The main extractor: text-density scoring of page blocks. Paragraph-like blocks give points to their
// ancestors (more for long text with commas, less for links); the best-scoring container, with the
// siblings that look like more of the same, is the article. Furniture (prune.ts) is taken out first.

import { CONTENT_NAME, furniture } from './prune.js';
import { computeStats, linkDensity, type ElStats } from './stats.js';
import { elements, type El } from './tree.js';
import { serialize } from './serialize.js';

export interface DensityResult {
  paragraphs: string[];
  /** Why the container was chosen, for the extraction notes. */
  notes: string[];
  /** Text of the chosen part / paragraph text of the whole page (0..1). */
  coverage: number;
  hinted: boolean;
}

const UNIT_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'span', 'font', 'center', 'blockquote']);

function classWeight(el: El): number {
  const n = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
  let w = 0;
  if (CONTENT_NAME.test(n)) w += 40;
  else if (/(?:^|[\s_-])(?:article|content|entry|post|story|text|body|main)(?=$|[\s_\-\d])/i.test(n)) w += 15;
  if (el.attrs.itemprop && /articlebody/i.test(el.attrs.itemprop)) w += 60;
  if (el.tag === 'article') w += 10;
  return w;
}

export function extractByDensity(root: El): DensityResult {
  const stats = computeStats(root);
  const body = findBody(root);
  const pageText = stats.get(body)!.text;
  // Top-down, so nothing inside dropped furniture is looked at again.
  const removed: El[] = [];
  const stack: El[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== body && furniture(el, stats.get(el)!, pageText)) {
      removed.push(el);
      continue;
    }
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
  // Recompute lengths without the furniture, so link density and scores see only what stays.
  for (const el of removed) {
    const idx = el.parent!.children.indexOf(el);
    if (idx >= 0) el.parent!.children.splice(idx, 1);
  }
  const clean = computeStats(body);

  const scores = new Map<El, number>();
  let unitText = 0;
  for (const el of elements(body)) {
    const st = clean.get(el)!;
    const isUnit = UNIT_TAGS.has(el.tag) || (st.own >= 25 && CONTAINER_TAGS.has(el.tag));
    if (!isUnit) continue;
    const len = UNIT_TAGS.has(el.tag) ? st.text : st.own;
    if (len < 25) continue;
    unitText += len;
    const points = (1 + st.commas + Math.min(Math.floor(len / 100), 3)) * (1 - Math.min(1, linkDensity(st)));
    let level = 0;
    for (let a = el === body ? null : el.parent; a && level < 5; a = a.parent, level++) {
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, (scores.get(a) ?? 0) + points / div);
      if (a === body) break;
    }
    if (!UNIT_TAGS.has(el.tag)) scores.set(el, (scores.get(el) ?? 0) + points);
  }

  let top: El | null = null;
  let best = 0;
  for (const [el, raw] of scores) {
    const st = clean.get(el)!;
    const s = (raw + classWeight(el)) * (1 - linkDensity(st));
    if (s > best) {
      best = s;
      top = el;
    }
  }
  const notes: string[] = [];
  if (!top) return { paragraphs: [], notes: ['no text blocks'], coverage: 0, hinted: false };

  // Siblings that look like more of the article (readability's rule): well scored, or plain prose.
  const parts: El[] = [];
  const parent = top.parent;
  const threshold = Math.max(10, best * 0.2);
  if (parent && top !== body) {
    for (const sib of parent.children) {
      if (typeof sib === 'string') continue;
      if (sib === top) {
        parts.push(sib);
        continue;
      }
      const st = clean.get(sib)!;
      const ld = linkDensity(st);
      const s = ((scores.get(sib) ?? 0) + classWeight(sib)) * (1 - ld);
      if (s >= threshold) parts.push(sib);
      else if (sib.tag === 'p' && st.text > 80 && ld < 0.25) parts.push(sib);
    }
  } else parts.push(top);

  const paragraphs = parts.flatMap((el) => serialize(el, clean));
  const got = parts.reduce((n, el) => n + clean.get(el)!.text, 0);
  notes.push(`container <${top.tag}${top.attrs.class ? ` class="${top.attrs.class.slice(0, 40)}"` : ''}>`);
  return { paragraphs, notes, coverage: unitText > 0 ? Math.min(1, got / unitText) : 0, hinted: classWeight(top) >= 40 };
}

function findBody(root: El): El {
  for (const el of elements(root)) if (el.tag === 'body') return el;
  return root;
}

export type { ElStats };
