import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';

/** The organisation-gazetteer key of a word: its Snowball stem, ё folded (Latin words lower-cased as they are). */
export function orgNameKey(word: string): string {
  const w = foldRu(word);
  return /[а-я]/.test(w) ? stemRu(w) : w;
}
