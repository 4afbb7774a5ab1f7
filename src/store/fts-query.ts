// Turns what a user types into a safe FTS5 query: words and "quoted phrases" must all match,
// OR between two terms offers either, -word excludes. Nothing the user types is FTS5 syntax, so a
// stray quote, parenthesis or column name cannot make the query fail.

interface Term {
  text: string;
  negated: boolean;
  prefix: boolean;
}

function tokens(input: string): { terms: Term[]; ors: boolean[] } {
  const terms: Term[] = [];
  // ors[i] is true when term i is joined to term i-1 by OR.
  const ors: boolean[] = [];
  let pendingOr = false;
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    if (m[3] !== undefined && m[3] === 'OR') {
      pendingOr = terms.length > 0;
      continue;
    }
    let text: string;
    let negated = false;
    let prefix = false;
    if (m[2] !== undefined) {
      text = m[2];
      negated = m[1] === '-';
    } else {
      text = m[3]!;
      if (text.startsWith('-') && text.length > 1) {
        negated = true;
        text = text.slice(1);
      }
      if (text.endsWith('*') && text.length > 1) {
        prefix = true;
        text = text.replace(/\*+$/, '');
      }
    }
    // Only letters and digits reach the index (unicode61 tokenizer); a term without any matches nothing.
    if (!/[\p{L}\p{N}]/u.test(text)) {
      pendingOr = false;
      continue;
    }
    terms.push({ text, negated, prefix });
    ors.push(pendingOr && !negated);
    pendingOr = false;
  }
  return { terms, ors };
}

const quote = (s: string) => '"' + s.replace(/"/g, '""') + '"';

/** The FTS5 MATCH expression for a user query, or null when it has no term to look for. */
export function toFts5Query(input: string): string | null {
  const { terms, ors } = tokens(input);
  const groups: string[][] = [];
  const negatives: string[] = [];
  terms.forEach((t, i) => {
    const phrase = quote(t.text) + (t.prefix ? '*' : '');
    if (t.negated) negatives.push(phrase);
    else if (ors[i] && groups.length > 0) groups[groups.length - 1]!.push(phrase);
    else groups.push([phrase]);
  });
  if (groups.length === 0) return null;
  let q = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ');
  for (const n of negatives) q = `(${q}) NOT ${n}`;
  return q;
}
