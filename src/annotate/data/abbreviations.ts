// Words that end with a dot without ending a sentence (lower-case, without the dot).
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'rep', 'reps', 'sen', 'sens', 'adm', 'cmdr', 'supt', 'atty', 'gens', 'gov', 'pres', 'rev', 'hon',
  'st', 'mt', 'ft', 'jr', 'sr', 'co', 'corp', 'inc', 'ltd', 'bros', 'no', 'nos', 'vs', 'v', 'etc', 'approx', 'est', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'fig', 'al', 'ave', 'blvd', 'rd',
  'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'i.e', 'e.g',
]);
