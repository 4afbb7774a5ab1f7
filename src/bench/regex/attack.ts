// Inputs made to make a regular expression backtrack: long runs of characters (and short units) it
// accepts, ending in a character that spoils the match, so a backtracking engine tries every split.

const BASE_UNITS = [
  'a', 'A', 'Aa', '1', '1,', '1.', ' ', '  ', '\n', '\n\n', '\t', '.', ',', '-', '—', "'", '’', '"', '“', '(', ':', '/', '<', '<a', '&', '#', '_', 'é', 'Я', '\u00a0',
  'a ', 'A.', 'a.', 'Aa ', 'aa', '1 ', 'a-', 'a\n', '. ', ', ', '<p>', '&amp;', 'A. ', 'Mr. ',
];

/** Short units to repeat: generic ones plus the literal characters and words of the pattern. */
export function attackUnits(source: string): string[] {
  const units = new Set(BASE_UNITS);
  const literal = source.replace(/\\[pPu]\{[^}]*\}|\\[dDwWsSbBnrtfv]|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}/g, ' ');
  for (const ch of literal.replace(/\\(.)/g, '$1')) if (ch.trim() !== '' && !'()[]{}|?*+^$'.includes(ch)) units.add(ch);
  for (const w of literal.match(/[A-Za-z]{2,}/g) ?? []) {
    units.add(w);
    units.add(`${w} `);
  }
  return [...units].slice(0, 120);
}

/** Runs the regex the way the code does: every match for global/sticky ones, a search otherwise. */
export function runRegex(re: RegExp, s: string): void {
  if (re.global || re.sticky) {
    re.lastIndex = 0;
    s.replace(re, '');
  } else re.exec(s);
}

export interface AttackResult {
  ms: number;
  unit: string;
  /** time(2n)/time(n) for the worst unit: ~2 linear, ~4 quadratic, more is worse. */
  growth: number;
}

function timeOnce(re: RegExp, s: string): number {
  const t0 = performance.now();
  runRegex(re, s);
  return performance.now() - t0;
}

/** The worst time over all attack units at `length` characters. */
export function attack(re: RegExp, length: number): AttackResult {
  let worst: AttackResult = { ms: 0, unit: '', growth: 1 };
  const input = (u: string, n: number) => u.repeat(Math.ceil(n / u.length)) + '\u0001';
  for (const unit of attackUnits(re.source)) {
    const ms = timeOnce(re, input(unit, length));
    if (ms > worst.ms) worst = { ms, unit, growth: 1 };
    // Found a slow one: no need to try the rest.
    if (ms > 250) break;
  }
  if (worst.unit) {
    // Re-measure the worst unit at n and 2n (best of 3) to see how it grows.
    const best = (n: number) => Math.min(...[0, 1, 2].map(() => timeOnce(re, input(worst.unit, n))));
    const a = best(length);
    const b = best(2 * length);
    worst = { ms: Math.max(a, worst.ms), unit: worst.unit, growth: a > 0.05 ? b / a : 1 };
  }
  return worst;
}
