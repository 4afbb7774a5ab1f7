// Plain text of an HTML fragment (a feed item's content): paragraphs separated by blank lines.
import { parseHTML } from 'linkedom';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'figure', 'figcaption', 'table', 'tr', 'pre', 'hr']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);

export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: any): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.textContent ?? '');
      else if (c.nodeType === 1) {
        const tag = String(c.tagName).toLowerCase();
        if (SKIP.has(tag)) continue;
        if (BLOCK.has(tag)) parts.push('\n\n');
        walk(c);
        if (BLOCK.has(tag)) parts.push('\n\n');
      }
    }
  };
  walk(document.body);
  return parts
    .join('')
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}
