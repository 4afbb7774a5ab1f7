// Article container -> paragraphs. Block elements end a paragraph; headings, list items, block quotes and
// preformatted text are paragraphs of their own; link lists and link-only lines inside the article
// (related links, tag rows) are left out.

import { linkDensity, type ElStats } from './stats.js';
import type { El, Node } from './tree.js';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'ul', 'ol', 'pre',
  'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'header', 'footer', 'figure', 'hr', 'address', 'center', 'caption', 'tbody', 'thead',
]);

function linkBlock(el: El, st: ElStats): boolean {
  const ld = linkDensity(st);
  if (el.tag === 'ul' || el.tag === 'ol') return ld > 0.5;
  if (el.tag === 'p' || el.tag === 'li' || el.tag === 'div' || el.tag === 'section' || el.tag === 'dd' || el.tag === 'td') {
    return ld > 0.6 && st.text < 300;
  }
  return false;
}

export function serialize(root: El, stats: Map<El, ElStats>): string[] {
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
    if (st && n !== root && linkBlock(n, st)) continue;
    if (BLOCK.has(n.tag)) flush();
    else if (n.tag === 'img' || n.tag === 'wbr') continue;
    stack.push({ exit: n });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  flush();
  return out;
}
