// Article container -> paragraphs. Block elements end a paragraph; headings, list items, block quotes and
// preformatted text are paragraphs of their own; link lists and link-only lines inside the article
// (related links, tag rows) are left out.

import { linkDensity, type ElStats, type StatsView } from './stats.js';
import { textOf, type El, type Node } from './tree.js';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'ul', 'ol', 'pre',
  'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'header', 'footer', 'figure', 'hr', 'address', 'center', 'caption', 'tbody', 'thead',
]);

function linkBlock(el: El, st: ElStats): boolean {
  const ld = linkDensity(st);
  if (el.tag === 'ul' || el.tag === 'ol') return ld > 0.5;
  if (el.tag === 'p' || el.tag === 'li' || el.tag === 'div' || el.tag === 'section' || el.tag === 'dd' || el.tag === 'td') {
    return ld > 0.75 && st.text < 300;
  }
  return false;
}

/** Letters and digits only, lower-case: to compare a heading with the page title. */
export function titleKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The article's own title repeated as its first heading is not body text. */
function isTitleHeading(el: El, titleKeys: string[]): boolean {
  if (!/^h[1-3]$/.test(el.tag) || titleKeys.length === 0) return false;
  const k = titleKey(textOf(el));
  return k.length > 0 && titleKeys.some((t) => t === k || (k.length >= 15 && t.includes(k)) || (t.length >= 15 && k.includes(t)));
}

/**
 * A hover card or link cluster inside running text (a name that opens a box of headlines). An element
 * with a link of its own as a direct child is the name itself: we go inside and drop only the box.
 */
function linkCluster(el: El, st: ElStats): boolean {
  if (BLOCK.has(el.tag) || el.tag === 'a' || st.anchors < 2 || st.text < 40 || linkDensity(st) < 0.95) return false;
  return !el.children.some((c) => typeof c !== 'string' && c.tag === 'a');
}

export function serialize(root: El, stats: StatsView, titleKeys: string[] = []): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buf = '';
  };
  const stack: (Node | { exit: El })[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      buf += n;
      continue;
    }
    if ('exit' in n) {
      if (BLOCK.has(n.exit.tag)) flush();
      continue;
    }
    if (n.tag === 'br') {
      flush();
      continue;
    }
    const st = stats.get(n);
    if (st && n !== root && (linkBlock(n, st) || linkCluster(n, st) || isTitleHeading(n, titleKeys))) continue;
    if (BLOCK.has(n.tag)) flush();
    else if (n.tag === 'img' || n.tag === 'wbr') continue;
    stack.push({ exit: n });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  flush();
  return out;
}
