import type { Article, Token } from '../model/document.js';
import { tokenView, type TokenView } from './quantities/token-view.js';

/** Each token's text, and its lower case as String.prototype.toLowerCase gives it for that token alone. */
export interface TokenWords {
  readonly words: readonly string[];
  readonly lower: readonly string[];
}

/** The words of an article's tokens, sliced and lower-cased once (tone and claims read every token). */
export function wordsOf(text: string, tokens: readonly Token[]): TokenWords {
  const words = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) words[i] = text.slice(tokens[i]!.start, tokens[i]!.end);
  return { words, lower: lowerEach(words) };
}

function lowerEach(words: readonly string[]): string[] {
  const lower = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) lower[i] = words[i]!.toLowerCase();
  return lower;
}

// One per article, shared by the stages that read every token (entities, tone, claims): the same string
// objects in every stage, so that each word's hash is computed once however many tables look it up.
// Keyed by the article's shared token view (itself keyed by the token and sentence layers).
const shared = new WeakMap<TokenView, TokenWords>();

/** The article's token words: the shared token view's words and their lower case, built once per article. */
export function tokenWords(article: Article): TokenWords {
  const view = tokenView(article);
  let found = shared.get(view);
  if (!found) shared.set(view, (found = { words: view.words, lower: lowerEach(view.words) }));
  return found;
}
