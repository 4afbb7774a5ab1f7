import type { Token } from '../model/document.js';

/** Each token's text, and its lower case as String.prototype.toLowerCase gives it for that token alone. */
export interface TokenWords {
  readonly words: readonly string[];
  readonly lower: readonly string[];
}

/** The words of an article's tokens, sliced and lower-cased once (tone and claims read every token). */
export function wordsOf(text: string, tokens: readonly Token[]): TokenWords {
  const words = new Array<string>(tokens.length);
  const lower = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const w = text.slice(tokens[i]!.start, tokens[i]!.end);
    words[i] = w;
    lower[i] = w.toLowerCase();
  }
  return { words, lower };
}
