import type { Article, Sentence, Token } from '../../model/document.js';

/**
 * A flat view of an article's tokens for the annotators: the token strings, their lower-case forms,
 * and for each token the index of its sentence. Built once per article in linear time.
 */
export interface TokenView {
  text: string;
  tokens: Token[];
  /** Surface form of each token. */
  words: string[];
  /** Lower-case form of each token. */
  lower: string[];
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
  const n = tokens.length;
  const words = new Array<string>(n);
  const lower = new Array<string>(n);
  const sentenceOf = new Int32Array(n);
  const sentStart = new Int32Array(sentences.length).fill(n);
  const sentEnd = new Int32Array(sentences.length).fill(n);
  // Lower-casing the whole text once is much cheaper than per token, when it keeps every offset.
  const lowerText = text.toLowerCase();
  const sameOffsets = lowerText.length === text.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const w = text.slice(t.start, t.end);
    words[i] = w;
    lower[i] = sameOffsets ? lowerText.slice(t.start, t.end) : w.toLowerCase();
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
  return { text, tokens, words, lower, sentenceOf, sentences, sentStart, sentEnd };
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
