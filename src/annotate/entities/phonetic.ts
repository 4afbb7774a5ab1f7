// Spelling and transliteration keys for names: Japarov / Zhaparov / Dzhaparov, Tokayev / Tokaev,
// Dmitry / Dmitriy / Dmitri all meet on one key.

const RULES: [RegExp, string][] = [
  [/dzh|dj|zh|j/g, 'J'],
  [/kh|ch(?=[aeiouy])|x/g, 'H'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/(?:ck|q|c(?=[aouk])|k)/g, 'k'],
  [/(?:ts|tz)/g, 'c'],
  [/sch|sh|ch/g, 'S'],
  [/([a-z])\1+/g, '$1'],
];

/** Lower-case ASCII form: diacritics removed ("Tokáyev" -> "tokayev"). */
export function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’'`.]/g, '');
}

/** Consonant skeleton after transliteration rules; vowels (and y) after the first letter dropped. */
export function phoneticKey(name: string): string {
  let s = fold(name).replace(/[^a-z]/g, '');
  for (const [re, to] of RULES) s = s.replace(re, to);
  if (s.length === 0) return '';
  return s[0]!.toUpperCase() + s.slice(1).replace(/[aeiouyh]/g, '');
}

/** Levenshtein distance, for near-identical spellings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Two surnames are variants of one: same key, or one edit apart when long enough. */
export function sameSurname(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return true;
  if (phoneticKey(a) === phoneticKey(b) && phoneticKey(a).length >= 3) return true;
  return Math.min(fa.length, fb.length) >= 6 && editDistance(fa, fb) <= 1;
}
