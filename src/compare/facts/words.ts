import { concept, stem } from '../../annotate/lexicon.js';

/**
 * The stem and concept of a word, as the fact readers ask for them. One story's readers share one set made by
 * `storyWordForms`, so that each distinct word is worked out once, not once per mention and per reader.
 */
export interface WordForms {
  stem(word: string): string;
  concept(word: string): string;
}

/** Worked out on every call (a reader used on its own, as in unit tests). */
export const plainForms: WordForms = { stem, concept };

/** Words whose stems (and concepts) the process keeps before it starts afresh. */
const MEMO_WORDS = 100_000;
// Both are pure functions of the word (the lexicon is read once per process): kept for the process, as a server
// compares story after story and news reports share most of their words.
const stems = new Map<string, string>();
const concepts = new Map<string, string>();

/** Stems and concepts remembered for the stories compared (made by compare, passed to the fact readers). */
export function storyWordForms(): WordForms {
  if (stems.size > MEMO_WORDS) stems.clear();
  if (concepts.size > MEMO_WORDS) concepts.clear();
  return {
    stem(word) {
      let s = stems.get(word);
      if (s === undefined) stems.set(word, (s = stem(word)));
      return s;
    },
    concept(word) {
      let c = concepts.get(word);
      if (c === undefined) concepts.set(word, (c = concept(word)));
      return c;
    },
  };
}
