import { createLexicon, loadLexicalResources, RELATED_THRESHOLD, type Lexicon } from './lexical/index.js';

export { RELATED_THRESHOLD };

let shared: Lexicon | null | undefined;

/** The WordNet + vector lexicon, loaded once per process on first use (null when its data is missing). */
export function sharedLexicon(): Lexicon | null {
  if (shared !== undefined) return shared;
  try {
    shared = createLexicon(loadLexicalResources());
  } catch {
    shared = null;
  }
  return shared;
}

/** Word relatedness 0..1 (1 = same word), memoised; antonyms count as unrelated (they are no paraphrase). */
export function relatedness(lex: Lexicon | null): (a: string, b: string) => number {
  const memo = new Map<string, number>();
  return (a, b) => {
    if (a === b) return 1;
    if (!lex) return 0;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let v = memo.get(key);
    if (v === undefined) {
      const r = lex.related(a, b);
      v = r.relation === 'antonym' || r.relation === 'cohyponym' ? 0 : r.score;
      memo.set(key, v);
    }
    return v;
  };
}
