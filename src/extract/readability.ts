import { Readability } from '@mozilla/readability';
import { parseDocument, type DomNode } from './dom.js';
import { MAX_DEPTH } from './tree.js';

/** Deepest element nesting, walked without recursion (the input may be nested 10,000 levels). */
function nestingDepth(root: DomNode): number {
  let max = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return max;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push([kids[i]!, depth + 1]);
  }
  return max;
}

/** What plain @mozilla/readability gives for a page (textContent), on a linkedom DOM; '' when it finds nothing. */
export function readabilityText(html: string): string {
  try {
    const doc = parseDocument(html);
    // Readability's scoring is quadratic in nesting depth (minutes on hostile pages): no real article is this deep.
    if (doc.documentElement && nestingDepth(doc.documentElement) > MAX_DEPTH) return '';
    return new Readability(doc as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}
