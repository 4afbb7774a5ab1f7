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

interface SurnameForms {
  folded: string;
  key: string;
}

const surnameForms = (name: string): SurnameForms => ({ folded: fold(name), key: phoneticKey(name) });

function sameSurnameForms(a: SurnameForms, b: SurnameForms): boolean {
  if (a.folded === b.folded) return true;
  if (a.key === b.key && a.key.length >= 3) return true;
  return Math.min(a.folded.length, b.folded.length) >= 6 && Math.abs(a.folded.length - b.folded.length) <= 1 && editDistance(a.folded, b.folded) <= 1;
}

/** Two surnames are variants of one: same key, or one edit apart when long enough. */
export function sameSurname(a: string, b: string): boolean {
  return sameSurnameForms(surnameForms(a), surnameForms(b));
}

/** sameSurname with each spelling's forms computed once (for comparing every surname of a story with every other). */
export function createSurnameMatcher(): (a: string, b: string) => boolean {
  const forms = new Map<string, SurnameForms>();
  const of = (name: string) => {
    let f = forms.get(name);
    if (!f) forms.set(name, (f = surnameForms(name)));
    return f;
  };
  return (a, b) => a === b || sameSurnameForms(of(a), of(b));
}
