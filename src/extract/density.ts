// The main extractor: text-density scoring of page blocks. Paragraph-like blocks give points to their
// ancestors (more for long text with commas, less for links); the best-scoring container, with the
// siblings that look like more of the same, is the article. Furniture (prune.ts) is taken out first.

import { CONTENT_NAME, furniture } from './prune.js';
import { computeStats, linkDensity, type ElStats, type StatsView } from './stats.js';
import { elements, type El } from './tree.js';
import { serialize, titleKey } from './serialize.js';

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

export function extractByDensity(root: El, titles: string[] = []): DensityResult {
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
  // Take the furniture out (one filter per parent, not a splice per element: pages can have thousands).
  const dropped = new Set(removed);
  const parents = new Set(removed.map((el) => el.parent!));
  for (const p of parents) p.children = p.children.filter((c) => typeof c === 'string' || !dropped.has(c));
  // Recompute lengths without the furniture, so link density and scores see only what stays.
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

  const final = new Map<El, number>();
  for (const [el, raw] of scores) final.set(el, (raw + classWeight(el)) * (1 - linkDensity(clean.get(el)!)));
  const ranked = [...final.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return { paragraphs: [], notes: ['no text blocks'], coverage: 0, hinted: false };
  let [top, best] = ranked[0]!;
  const notes: string[] = [];
  top = promote(top, best, ranked, final, body, notes);
  best = Math.max(best, final.get(top) ?? 0);

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
      const s = final.get(sib) ?? classWeight(sib) * (1 - ld);
      if (s >= threshold) parts.push(sib);
      else if (sib.tag === 'p' && st.text > 80 && ld < 0.25) parts.push(sib);
    }
  } else parts.push(top);
  addChunks(top, parts, body, clean, notes);
  const order = new Map<El, number>();
  let i = 0;
  for (const el of elements(body)) order.set(el, i++);
  parts.sort((a, b) => order.get(a)! - order.get(b)!);

  const titleKeys = titles.map(titleKey).filter((k) => k.length > 0);
  const paragraphs = parts.flatMap((el) => serialize(el, clean, titleKeys));
  const got = parts.reduce((n, el) => n + clean.get(el)!.text, 0);
  notes.unshift(`container <${top.tag}${top.attrs.class ? ` class="${top.attrs.class.slice(0, 40)}"` : ''}>`);
  return { paragraphs, notes, coverage: unitText > 0 ? Math.min(1, got / unitText) : 0, hinted: classWeight(top) >= 40 };
}

/**
 * Readability's two corrections of the best block: when several of the next-best blocks sit under one
 * ancestor, the article is that ancestor; and a parent that scores higher than its best child is taken.
 */
function promote(top: El, best: number, ranked: [El, number][], final: Map<El, number>, body: El, notes: string[]): El {
  // Blocks inside the best one or around it are the same block: only separate ones count.
  const alternatives = ranked
    .slice(1, 6)
    .filter(([el, s]) => s >= best * 0.75 && !contains(el, top) && !contains(top, el))
    .map(([el]) => el);
  if (alternatives.length >= 2) {
    for (let a = top.parent; a && a !== body; a = a.parent) {
      let inside = 0;
      for (const alt of alternatives) if (contains(a, alt)) inside++;
      if (inside >= 2) {
        notes.push('promoted to the common ancestor of the best blocks');
        return a;
      }
    }
  }
  let last = best;
  for (let a = top.parent; a && a !== body; a = a.parent) {
    const s = final.get(a);
    if (s === undefined) continue;
    if (s < best / 3) break;
    if (s > last) {
      notes.push('promoted to a better-scoring parent');
      return a;
    }
    last = s;
  }
  return top;
}

/** Article bodies split into chunks (ads between them) repeat the chunk's class: take every such chunk. */
function addChunks(top: El, parts: El[], body: El, stats: StatsView, notes: string[]): void {
  const cls = top.attrs.class;
  if (!cls) return;
  const topText = stats.get(top)!.text;
  const taken = new Set(parts);
  let added = 0;
  const stack: El[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    // Inside a part already taken: nothing more to find there.
    if (taken.has(el)) continue;
    if (el.tag === top.tag && el.attrs.class === cls && !contains(el, top)) {
      const st = stats.get(el)!;
      if (st.text >= Math.min(200, topText * 0.1) && linkDensity(st) <= 0.33) {
        parts.push(el);
        taken.add(el);
        added++;
        continue;
      }
    }
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
  if (added) notes.push(`${added} more chunk(s) of the same kind`);
}

function contains(a: El, b: El): boolean {
  for (let x: El | null = b; x; x = x.parent) if (x === a) return true;
  return false;
}

function findBody(root: El): El {
  for (const el of elements(root)) if (el.tag === 'body') return el;
  return root;
}

export type { ElStats };
