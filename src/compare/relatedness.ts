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

const memos = new WeakMap<Lexicon, Map<string, Map<string, number>>>();
/** Words whose relatedness rows the memo keeps before it starts afresh. */
const MEMO_WORDS = 50_000;

/** Word relatedness 0..1 (1 = same word), memoised; antonyms count as unrelated (they are no paraphrase). */
export function relatedness(lex: Lexicon | null): (a: string, b: string) => number {
  // first word -> second word -> relatedness, both orders, kept per lexicon for the process (a server compares
  // story after story); callers loop over the second word for one first word, so the first word's row is kept at hand.
  let memo = lex ? memos.get(lex) : undefined;
  if (!memo || memo.size > MEMO_WORDS) {
    memo = new Map<string, Map<string, number>>();
    if (lex) memos.set(lex, memo);
  }
  const rowOf = (w: string) => {
    let row = memo.get(w);
    if (!row) memo!.set(w, (row = new Map()));
    return row;
  };
  let lastWord: string | null = null;
  let lastRow = new Map<string, number>();
  return (a, b) => {
    if (a === b) return 1;
    if (!lex) return 0;
    if (a !== lastWord) {
      lastRow = rowOf(a);
      lastWord = a;
    }
    let v = lastRow.get(b);
    if (v === undefined) {
      const r = lex.related(a, b);
      v = r.relation === 'antonym' || r.relation === 'cohyponym' ? 0 : r.score;
      lastRow.set(b, v);
      rowOf(b).set(a, v);
    }
    return v;
  };
}
