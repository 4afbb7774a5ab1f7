import type { Article, Sentence, Token } from '../../model/document.js';
import { tokenWords, wordsOf, type TokenWords } from '../token-words.js';

/** Token texts and token -> sentence index, computed once per article for every entity step. */
export interface DocView {
  text: string;
  tokens: Token[];
  words: string[];
  /** Each word lower-cased (String.prototype.toLowerCase of that word alone). */
  lower: string[];
  sentences: Sentence[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** First token index of each sentence. */
  sentenceStartToken: Int32Array;
  /** Each word's id in the word-form table of `generation` (word-forms.ts; -1: no ids). */
  wordIds: Int32Array;
  generation: number;
}

export function makeDocView(text: string, tokens: Token[], sentences: Sentence[], shared?: TokenWords): DocView {
  const own = shared ?? wordsOf(text, tokens);
  const words = own.words as string[];
  const lower = own.lower as string[];
  const sentenceOf = new Int32Array(tokens.length);
  const sentenceStartToken = new Int32Array(sentences.length).fill(-1);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < sentences.length - 1 && t.start >= sentences[s]!.end) s++;
    sentenceOf[i] = s;
    if (sentences.length > 0 && sentenceStartToken[s] === -1) sentenceStartToken[s] = i;
  }
  return { text, tokens, words, lower, sentences, sentenceOf, sentenceStartToken, wordIds: own.wordIds, generation: own.generation };
}

export function articleView(article: Article): DocView {
  const tokens = article.layers.tokens ?? [];
  const sentences = article.layers.sentences ?? [];
  return makeDocView(article.text, tokens, sentences, article.layers.tokens && article.layers.sentences ? tokenWords(article) : undefined);
}

export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isAllCaps = (w: string): boolean => /^[\p{Lu}\p{N}.&-]+$/u.test(w) && /\p{Lu}.*\p{Lu}|^\p{Lu}$/u.test(w);
export const isPossessive = (w: string): boolean => w === "'s" || w === '’s' || w === "'" || w === '’';
