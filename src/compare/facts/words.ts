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

/** Stems and concepts remembered for one story's comparison (made by compare, passed to the fact readers). */
export function storyWordForms(): WordForms {
  const stems = new Map<string, string>();
  const concepts = new Map<string, string>();
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
