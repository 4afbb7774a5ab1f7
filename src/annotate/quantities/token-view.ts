import type { Article, Sentence, Token } from '../../model/document.js';
import { createWordForms } from '../word-forms.js';

/**
 * A flat view of an article's tokens for the annotators: the token strings, their lower-case forms,
 * and for each token the index of its sentence. Built once per article in linear time.
 */
export interface TokenView {
  text: string;
  tokens: Token[];
  /** Surface form of each token. */
  words: string[];
  /** Lower-case form of each token (as in the lower-cased text). */
  lower: string[];
  /**
   * Each word's own lower case (String.prototype.toLowerCase of the word alone): `lower` itself unless a
   * capital sigma, whose lower case depends on the text around it, is in a word.
   */
  ownLower: string[];
  /** Each token's word and own lower case as ids of the word-form table (see word-forms.ts) of `generation`. */
  wordIds: Int32Array;
  lowerIds: Int32Array;
  generation: number;
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  sentences: Sentence[];
  /** First token index of each sentence (sentStart[s] .. sentEnd[s]-1). */
  sentStart: Int32Array;
  sentEnd: Int32Array;
}

// One view per article, shared by the stages that read it (quotes, times, quantities): keyed by the token
// and sentence layers, which no stage rewrites, and dropped with them.
const views = new WeakMap<Token[], WeakMap<Sentence[], TokenView>>();
// Every view's words have ids in one table of word forms, the same for the same word in every article: the
// stages keep what they work out of a word by id (word-forms.ts).
const forms = createWordForms();

export function tokenView(article: Article): TokenView {
  const tokens = article.layers.tokens;
  const sentences = article.layers.sentences;
  if (!tokens || !sentences) return buildTokenView(article.text, tokens ?? [], sentences ?? [{ start: 0, end: article.text.length, paragraph: 0 }]);
  let bySentences = views.get(tokens);
  if (!bySentences) views.set(tokens, (bySentences = new WeakMap()));
  let view = bySentences.get(sentences);
  // The text is part of the key too: a harness may put one token layer on two texts.
  if (!view || view.text !== article.text) bySentences.set(sentences, (view = buildTokenView(article.text, tokens, sentences)));
  return view;
}

function buildTokenView(text: string, tokens: Token[], sentences: Sentence[]): TokenView {
  const generation = forms.generation;
  const view = buildTokenViewOnce(text, tokens, sentences);
  // The table started again in the middle of the text: its ids are of two tables (once more, on a fresh table).
  return view.generation === generation ? view : buildTokenViewOnce(text, tokens, sentences);
}

function buildTokenViewOnce(text: string, tokens: Token[], sentences: Sentence[]): TokenView {
  const generation = forms.generation;
  const n = tokens.length;
  const wordIds = new Int32Array(n);
  const lowerIds = new Int32Array(n);
  const words = new Array<string>(n);
  const ownLower = new Array<string>(n);
  let lower = ownLower;
  const sentenceOf = new Int32Array(n);
  const sentStart = new Int32Array(sentences.length).fill(n);
  const sentEnd = new Int32Array(sentences.length).fill(n);
  // The lower-cased text, only for a word with a capital sigma (whose lower case there depends on what
  // follows the word); when lower-casing changes the text's length (a dotted capital I), each word's own.
  let lowerText: string | null = null;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const id = forms.idOf(text, t.start, t.end);
    // The article's own strings (sliced together, they sit together in memory: the table's copies are scattered).
    const w = text.slice(t.start, t.end);
    words[i] = w;
    ownLower[i] = w.toLowerCase();
    const sigma = forms.sigma(id);
    wordIds[i] = id;
    lowerIds[i] = forms.lowerId(id);
    if (sigma) {
      lowerText ??= text.toLowerCase();
      if (lowerText.length === text.length) {
        if (lower === ownLower) lower = ownLower.slice(0, i);
        lower[i] = lowerText.slice(t.start, t.end);
      }
    }
    if (lower !== ownLower) lower[i] ??= ownLower[i]!;
    while (s < sentences.length - 1 && t.start >= sentences[s]!.end) s++;
    sentenceOf[i] = s;
  }
  // Token ranges per sentence: sentStart[k] .. sentEnd[k]-1 (empty when a sentence has no tokens).
  let i = 0;
  for (let k = 0; k < sentences.length; k++) {
    while (i < n && sentenceOf[i]! < k) i++;
    sentStart[k] = i;
    let j = i;
    while (j < n && sentenceOf[j] === k) j++;
    sentEnd[k] = j;
    i = j;
  }
  return { text, tokens, words, lower, ownLower, wordIds, lowerIds, generation: forms.generation === generation ? generation : -1, sentenceOf, sentences, sentStart, sentEnd };
}

/** True when token i+1 follows token i with no space between them. */
export function joined(view: TokenView, i: number): boolean {
  const a = view.tokens[i];
  const b = view.tokens[i + 1];
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** True when there is a line break between token i and token i+1 (a paragraph boundary). */
export function breakAfter(view: TokenView, i: number): boolean {
  const a = view.tokens[i];
  const b = view.tokens[i + 1];
  if (!a || !b) return true;
  for (let k = a.end; k < b.start; k++) if (view.text.charCodeAt(k) === 10) return true;
  return false;
}
