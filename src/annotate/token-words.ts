import type { Article, Token } from '../model/document.js';
import { tokenView } from './quantities/token-view.js';

/** Each token's text, and its lower case as String.prototype.toLowerCase gives it for that token alone. */
export interface TokenWords {
  readonly words: readonly string[];
  readonly lower: readonly string[];
  /** Each word's and each lower case's id in the word-form table of `generation` (word-forms.ts; -1: no ids). */
  readonly wordIds: Int32Array;
  readonly lowerIds: Int32Array;
  readonly generation: number;
}

/** The words of an article's tokens, sliced and lower-cased once (tone and claims read every token). */
export function wordsOf(text: string, tokens: readonly Token[]): TokenWords {
  const words = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) words[i] = text.slice(tokens[i]!.start, tokens[i]!.end);
  return { words, lower: lowerEach(words), wordIds: new Int32Array(tokens.length), lowerIds: new Int32Array(tokens.length), generation: -1 };
}

function lowerEach(words: readonly string[]): string[] {
  const lower = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) lower[i] = words[i]!.toLowerCase();
  return lower;
}

/**
 * The article's token words: the shared token view's words and their own lower case (the same string
 * objects in entities, tone and claims, and for the same word in every article: see word-forms.ts).
 */
export function tokenWords(article: Article): TokenWords {
  const view = tokenView(article);
  return { words: view.words, lower: view.ownLower, wordIds: view.wordIds, lowerIds: view.lowerIds, generation: view.generation };
}
