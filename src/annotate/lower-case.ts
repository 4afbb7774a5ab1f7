/**
 * Lower case that keeps every string index where it was, so offsets found in the result index the input.
 * String.prototype.toLowerCase turns "İ" (U+0130) into two code units ("i̇"), which shifts every later
 * offset; it is the only unconditional lower-casing that changes length, so it becomes a plain "i".
 */
export function lowerSameLength(s: string): string {
  return (s.includes('\u0130') ? s.replace(/\u0130/g, 'i') : s).toLowerCase();
}

/**
 * Typographic apostrophes (’ ‘ ʼ) as the plain one, same length: how the word lists write "don't" and
 * "Kyrgyzstan's". The one place that says which marks are apostrophes.
 */
export function plainApostrophes(s: string): string {
  return /[\u2018\u2019\u02bc]/.test(s) ? s.replace(/[\u2018\u2019\u02bc]/g, "'") : s;
}
