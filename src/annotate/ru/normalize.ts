// Russian text normalisation for matching (never for the text itself, which stays as written).

/** Lower case, ё -> е, stress marks dropped: the form two spellings of one word share. */
export function foldRu(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\u0301/g, '');
}

/** Every kind of quotation mark (« » „ “ ” " ‹ ›) as '"'. */
export function foldQuotes(s: string): string {
  return s.replace(/[«»„“”‟‹›"]/g, '"');
}

/** Spaces that may sit inside a number: space, NBSP, thin space, narrow NBSP, figure space. */
export const NUMBER_SPACE = '[ \\u00a0\\u2009\\u202f\\u2007]';

/**
 * A Russian-written number as a value: "1 700" (any of the spaces above), "4,1" (decimal comma),
 * "1.700.000" is rare and read as thousands when every group has three digits. NaN when not a number.
 */
export function parseRuNumber(s: string): number {
  const t = s.replace(/[ \u00a0\u2009\u202f\u2007]/g, '');
  if (/^\d+(?:,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d+\.\d+$/.test(t)) return Number(t);
  return Number.NaN;
}
