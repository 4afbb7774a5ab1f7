// Scorers of the boilerplate task (FORMATS.md): the Zyte article-extraction-benchmark metric, to the
// letter of its evaluate.py, and trafilatura-style with/without snippets.

/** Tokens as Python's `re.findall(r'\w+', text)` finds them (Unicode letters, numbers, underscore). */
export function zyteTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** 4-token shingles as a multiset; a text of fewer than 4 tokens gives one shorter shingle (none if empty). */
function shingles(tokens: string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export interface DocCounts {
  /** tp, fp, fn divided by their sum, so that every document weighs the same. */
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function zyteDocument(gold: string, predicted: string): DocCounts {
  const gt = zyteTokens(gold);
  const pt = zyteTokens(predicted);
  const g = shingles(gt);
  const p = shingles(pt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...g.keys(), ...p.keys()])) {
    const a = g.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  const exact = gt.length === pt.length && gt.every((t, i) => t === pt[i]);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp: 0, fp: 0, fn: 0, exact };
}

export interface BoilerplateMetrics {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  n: number;
}

/** Averages per-document precision (documents with tp+fp > 0) and recall (tp+fn > 0); F1 from the averages. */
export function zyteAggregate(docs: DocCounts[]): BoilerplateMetrics {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const d of docs) {
    const perfect = d.fp === 0 && d.fn === 0;
    if (d.tp + d.fp > 0 || perfect) ps.push(perfect ? 1 : d.tp / (d.tp + d.fp));
    if (d.tp + d.fn > 0 || perfect) rs.push(perfect ? 1 : d.tp / (d.tp + d.fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = docs.length ? docs.filter((d) => d.exact).length / docs.length : 0;
  return { f1, precision, recall, accuracy, n: docs.length };
}

/** Python's str.split() whitespace, folded to one space and trimmed. */
export function foldSpace(s: string): string {
  return s.replace(PY_SPACE, ' ').replace(/^ | $/g, '');
}

// Python's whitespace (str.isspace), which differs from JavaScript's \s (no U+FEFF, adds U+001C-U+001F, U+0085).
const PY_SPACE = /[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export function snippetDocument(output: string, withSnippets: string[], withoutSnippets: string[]): SnippetCounts {
  const text = foldSpace(output);
  const c: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of withSnippets) {
    if (text.includes(foldSpace(s))) c.tp++;
    else c.fn++;
  }
  for (const s of withoutSnippets) {
    if (text.includes(foldSpace(s))) c.fp++;
    else c.tn++;
  }
  return c;
}

export function snippetAggregate(docs: SnippetCounts[]): BoilerplateMetrics {
  const t = docs.reduce((a, d) => ({ tp: a.tp + d.tp, fn: a.fn + d.fn, fp: a.fp + d.fp, tn: a.tn + d.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  const precision = t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 0 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const all = t.tp + t.fn + t.fp + t.tn;
  return { f1, precision, recall, accuracy: all ? (t.tp + t.tn) / all : 0, n: docs.length };
}
