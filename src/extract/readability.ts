import { Readability } from '@mozilla/readability';
import { parseDocument } from './dom.js';

/** What plain @mozilla/readability gives for a page (textContent), on a linkedom DOM; '' when it finds nothing. */
export function readabilityText(html: string): string {
  try {
    const doc = parseDocument(html);
    return new Readability(doc as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}
