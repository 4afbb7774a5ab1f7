import type { Article, Claim, EntityMention, Modality, Quote, Span, TextSpan, Token } from '../model/document.js';
import { textSpan } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';
import { concept, lexicon, stemWith, type Lexicon } from './lexicon.js';
import { lowerSameLength, plainApostrophes } from './lower-case.js';
import { phraseLists, type PhraseLists } from './phrases.js';
import { spanIndex, type SpanIndex } from './span-index.js';
import { tokenWords as sharedTokenWords, wordsOf, type TokenWords } from './token-words.js';
import { wordMemo, wordNumbers } from './word-forms.js';

// Claims: the unit aligned across outlets. One claim per clause of a sentence: clauses split at ";" and
// at contrastive joins (", while", ", whereas", ", but"), since each side usually has its own speaker.

// A dash before a time clause ("— shortly after President Biden joked ...") also starts another claim; other
// dashes add to the same claim ("1,800 — almost triple the figure").
const CLAUSE_BREAK = /;\s|,\s(?:while|whereas|but)\s|,\s(?=and\s)|\s[—–]\s(?=(?:shortly |just |hours |days |weeks |minutes )?(?:after|before|while|when|as|since|even as)\s)/g;
/** ", and" starts a new clause only when what follows has its own verb ("..., and some 1,700 enterprises are operating"). */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b|\b\w{3,}ed\b/;

function clauseSpans(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  let last = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(body)) !== null) {
    if (m[0] === ', ' && !FINITE_VERB.test(body.slice(m.index + 6, m.index + 120).split(/[;.]\s|,\s/)[0] ?? '')) continue;
    if (m.index - last > 20) {
      out.push({ start: sentence.start + last, end: sentence.start + m.index });
      last = m.index + (m[0].startsWith(' ') ? 3 : 2); // past the separator, keeping the joining word
    }
  }
  out.push({ start: sentence.start + last, end: sentence.end });
  return out.filter((c) => /\p{L}/u.test(text.slice(c.start, c.end)));
}

/** A negation after these words belongs to a relative or conditional clause ("if Congress does not act"). */
const SUBORDINATE_BEFORE = /\b(?:if|unless|who|which|whom|whose|because|whether)\b[^,;.]*$/i;

/** After these, an -ed word is an adjective ("the allied partnership"), not the predicate. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'that', "'s", '’s', 'of', 'and', 'most', 'more', 'very', 'well']);

/** "to be arraigned", "being held": participles of a passive infinitive or progressive, not a done act. */
const PASSIVE_INFINITIVE = new Set(['be', 'being']);

const WORD_CACHE_LIMIT = 50_000;

// The cue lists, found together per clause (phraseLists): negation first, then MODALITY_ORDER.
function cuePhrases(lex: Lexicon): PhraseLists {
  // "n't" opens inside its word ("didn't").
  return phraseLists([lex.modality.negation, ...MODALITY_ORDER.map((m) => lex.modality[m])], (cue) => cue.startsWith("n'"));
}

/**
 * Coordinated lists: "trade, education, migration and other areas" -> trade, education, migration.
 * The clause is tokens [first, end); `words` and `lower` are every token's text and lower case.
 */
function listItems(text: string, tokens: Token[], words: TokenWords, first: number, end: number, stopwords: ReadonlySet<string>): TextSpan[] {
  const items: TextSpan[] = [];
  for (let i = first; i < end; i++) {
    const w = words.lower[i]!;
    if (w !== 'and' && w !== 'or') continue;
    // Walk back over "X, Y(,)" items of one or two words.
    const found: TextSpan[] = [];
    let j = i - 1;
    if (j >= first && words.words[j] === ',') j--;
    let commas = 0;
    while (j >= first) {
      const word = tokens[j]!;
      if (word.kind !== 'word') break;
      found.unshift(textSpan(text, word.start, word.end));
      if (j - 1 >= first && words.words[j - 1] === ',') {
        commas++;
        j -= 2;
        continue;
      }
      break;
    }
    if (commas >= 1 && i + 1 < end && tokens[i + 1]!.kind === 'word') {
      const next = tokens[i + 1]!;
      const nextWord = words.lower[i + 1]!;
      if (nextWord !== 'other' && !stopwords.has(nextWord)) found.push(textSpan(text, next.start, next.end));
      for (const f of found) if (!stopwords.has(f.text.toLowerCase())) items.push(f);
    }
  }
  return items;
}

/** /^\p{Ll}/u.test(w), without the regex for an ASCII first letter (the lower-case ASCII letters are a-z). */
function startsLower(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(w);
}

function isPastTense(word: string, lex: Lexicon): boolean {
  const lower = word.toLowerCase();
  if (lex.irregular.has(lower) && !/^(is|are|am|has|does)$/.test(lower)) return lower !== 'children' && lower !== 'people';
  return lower.length > 4 && lower.endsWith('ed');
}

const MODALITY_ORDER: readonly Exclude<Modality, 'done' | 'stated' | 'ongoing'>[] = ['denied', 'alleged', 'ready', 'planned', 'possible'];

/** The first quote (in layer order) whose content overlaps the clause or that encloses it. */
function speakerOf(clause: Span, quotes: readonly Quote[] | undefined, contents: QuoteContents | null): { speaker: string | null; mention: boolean } {
  if (!quotes || !contents) return { speaker: null, mention: false };
  let first = -1;
  for (const k of contents.spans.overlapping(clause)) {
    const q = contents.quoteOf[k]!;
    if (first < 0 || q < first) first = q;
  }
  for (const q of contents.quotes.overlapping(clause)) {
    if (first >= 0 && q >= first) break;
    if (quotes[q]!.start <= clause.start && quotes[q]!.end >= clause.end) first = q;
  }
  if (first < 0) return { speaker: null, mention: false };
  const q = quotes[first]!;
  return { speaker: q.speaker ?? (q.speakerMention ? `mention:${q.speakerMention.text}` : null), mention: true };
}

interface QuoteContents {
  /** Content spans of every quote, and the quote each belongs to. */
  spans: SpanIndex;
  quoteOf: number[];
  quotes: SpanIndex;
}

function quoteContents(quotes: readonly Quote[] | undefined): QuoteContents | null {
  if (!quotes || quotes.length === 0) return null;
  const spans: Span[] = [];
  const quoteOf: number[] = [];
  quotes.forEach((q, i) => {
    for (const c of q.content) {
      spans.push(c);
      quoteOf.push(i);
    }
  });
  return { spans: spanIndex(spans), quoteOf, quotes: spanIndex(quotes) };
}

/** What the claim rules ask of a lower-cased word, found once per word (not once per token), as bits. */
const SKIP = 1; // a stopword that is not an irregular verb form: no keyword, no predicate
const STOPWORD = 2;
const REPORTING = 4; // its stem is a reporting verb ("said")
const PAST_PREDICATE = 8; // past tense, and not an auxiliary ("was", "had")

/** Word facts for one lexicon, kept between articles by word id (word-forms.ts). */
export interface ClaimWords {
  /** The facts (bits) of a lower-cased word, by its id in the word-form table of `generation`. */
  of(generation: number, id: number, lower: string): number;
  /** Its concept, the same way. */
  conceptOf(generation: number, id: number, lower: string): string;
  concept(lower: string): string;
}

export function claimWords(lex: Lexicon): ClaimWords {
  const concepts = new Map<string, string>();
  const conceptOf = (w: string) => {
    let c = concepts.get(w);
    if (c === undefined) {
      c = concept(w);
      if (concepts.size < WORD_CACHE_LIMIT) concepts.set(w, c);
    }
    return c;
  };
  const of = wordNumbers((lower) => {
    const stopword = lex.stopwords.has(lower);
    return (
      (stopword && !lex.irregular.has(lower) ? SKIP : 0) |
      (stopword ? STOPWORD : 0) |
      (lex.reportingVerbs.has(stemWith(lower, lex.irregular)) ? REPORTING : 0) |
      (isPastTense(lower, lex) && !/^(was|were|had|did|been)$/.test(lower) ? PAST_PREDICATE : 0)
    );
  });
  return { concept: conceptOf, conceptOf: wordMemo(conceptOf), of };
}

export function extractClaims(article: Article, lex: Lexicon = lexicon(), cues: PhraseLists = cuePhrases(lex), known: ClaimWords = claimWords(lex)): Claim[] {
  const { text, layers } = article;
  const tokens = layers.tokens ?? [];
  const sentences = layers.sentences ?? [];
  // Cues are found in the lower-cased text, typographic apostrophes straight ("don’t" is "don't").
  const lowerText = plainApostrophes(lowerSameLength(text));
  const entityCounts = new Map<string, number>();
  for (const m of layers.entities ?? []) entityCounts.set(m.entity, (entityCounts.get(m.entity) ?? 0) + 1);
  const maxCount = Math.max(1, ...entityCounts.values());
  const claims: Claim[] = [];
  let tokenIndex = 0;
  const entityLookup = spanIndex(layers.entities);
  const quantityLookup = spanIndex(layers.quantities);
  const timeLookup = spanIndex(layers.times);
  const contents = quoteContents(layers.quotes);
  const tokenWords = layers.tokens ? sharedTokenWords(article) : wordsOf(text, tokens);
  sentences.forEach((sentence, sentenceIndex) => {
    for (const clause of clauseSpans(text, sentence)) {
      while (tokenIndex < tokens.length && tokens[tokenIndex]!.start < clause.start) tokenIndex++;
      // The clause's tokens: [tokenIndex, clauseEnd).
      let clauseEnd = tokenIndex;
      while (clauseEnd < tokens.length && tokens[clauseEnd]!.end <= clause.end) clauseEnd++;
      const mentions: EntityMention[] = entityLookup.inside(clause).map((i) => layers.entities![i]!);
      const keywords = new Set<string>();
      let predicate: TextSpan | null = null;
      let reporting: TextSpan | null = null;
      // A past-tense verb before any named subject ("The judge set ..."): used when none follows a name.
      let fallbackPredicate: TextSpan | null = null;
      const firstMentionEnd = mentions[0]?.end ?? clause.start;
      // Role words attached to a person ("Kyrgyz President") belong to the entity, not to the claim's content.
      const roleWords = new Set<number>();
      for (const m of mentions) {
        if (!m.role) continue;
        const roleStart = text.lastIndexOf(m.role, m.start);
        if (roleStart >= 0 && m.start - roleStart - m.role.length <= 2) {
          for (let k = tokenIndex; k < clauseEnd; k++) if (tokens[k]!.start >= roleStart && tokens[k]!.end <= m.start) roleWords.add(tokens[k]!.start);
        }
      }
      const names = mentions.filter((m) => m.via !== 'pronoun').sort((x, y) => x.start - y.start);
      let mentionIndex = 0;
      let prevWord = '';
      for (let k = tokenIndex; k < clauseEnd; k++) {
        const t = tokens[k]!;
        if (t.kind !== 'word') continue;
        const w = tokenWords.words[k]!;
        const lower = tokenWords.lower[k]!;
        const before = prevWord;
        prevWord = lower;
        const facts = known.of(tokenWords.generation, tokenWords.lowerIds[k]!, lower);
        if (facts & SKIP) continue;
        const stopword = (facts & STOPWORD) !== 0;
        // Words of entity names are matched as entities, not again as keywords (mentions are in text order).
        while (mentionIndex < names.length && names[mentionIndex]!.end <= t.start) mentionIndex++;
        const m = names[mentionIndex];
        const inName = (m !== undefined && m.start <= t.start && t.end <= m.end) || roleWords.has(t.start);
        if (lower.length >= 3 && !stopword && !inName) keywords.add(known.conceptOf(tokenWords.generation, tokenWords.lowerIds[k]!, lower));
        // The predicate is the first past-tense verb after the subject; reporting verbs ("said") only
        // introduce what is claimed, so the verb of the reported content is preferred.
        if (!predicate && startsLower(w)) {
          const afterSubject = t.start >= firstMentionEnd;
          if (facts & REPORTING) {
            if (afterSubject) reporting ??= textSpan(text, t.start, t.end);
          } else if (facts & PAST_PREDICATE && !DETERMINERS.has(before) && !PASSIVE_INFINITIVE.has(before) && !/ly$/.test(before)) {
            if (afterSubject) predicate = textSpan(text, t.start, t.end);
            else fallbackPredicate ??= textSpan(text, t.start, t.end);
          }
        }
      }
      predicate ??= fallbackPredicate ?? reporting;
      const lowerClause = text.slice(clause.start, clause.end).toLowerCase();
      for (const [phrase, canonical] of lex.synonymPhrases) if (lowerClause.includes(phrase)) keywords.add(canonical);
      const cueSpans = cues.find(lowerText, clause.start, clause.end).map((found) => found.map(([a, b]) => textSpan(text, a, b)));
      const negations = cueSpans[0]!;
      // A negation makes the claim negative when it bears on the predicate ("did not sign", "has not been
      // signed"), not when it sits in a relative or conditional clause ("women who did not", "if Congress does not").
      const negates = (c: TextSpan) =>
        !SUBORDINATE_BEFORE.test(text.slice(Math.max(clause.start, c.start - 40), c.start)) &&
        (!predicate || predicate === reporting || (c.end <= predicate.start && predicate.start - c.end <= 16) || (c.start >= predicate.end && c.start - predicate.end <= 2));
      const claimCues: TextSpan[] = [...negations];
      let modality: Modality = 'stated';
      // A modality cue speaks for the claim when it governs the predicate: before it, on it, or just after
      // ("signed ... as Moscow seeks to" is done; "is ready for signing" is ready).
      const governs = (c: TextSpan) => !predicate || predicate === reporting || c.start <= predicate.end + 3;
      for (let k = 0; k < MODALITY_ORDER.length; k++) {
        const found = cueSpans[k + 1]!.filter(governs);
        if (found.length > 0) {
          modality = MODALITY_ORDER[k]!;
          claimCues.push(...found);
          break;
        }
      }
      if (modality === 'stated' && predicate && predicate !== reporting && isPastTense(predicate.text, lex)) modality = 'done';
      if (modality === 'denied') claimCues.push(...negations);
      const { speaker } = speakerOf(clause, layers.quotes, contents);
      // The actor is who does what the predicate says; the speaker of reported speech is the source instead.
      const notSource = mentions.filter((m) => m.entity !== speaker && m.type !== 'LOC');
      const actorMention = notSource.find((m) => m.end <= (predicate?.start ?? clause.end)) ?? notSource[0] ?? null;
      const entityIds = [...new Set(mentions.map((m) => m.standsFor ?? m.entity))];
      const centrality = entityIds.reduce((s, id) => s + (entityCounts.get(id) ?? 0) / maxCount, 0);
      const position = 1 - sentenceIndex / Math.max(1, sentences.length);
      const quantities = quantityLookup.inside(clause);
      const salience = Math.min(1, 0.35 * position + 0.35 * Math.min(1, centrality / 2) + 0.15 * Math.min(1, quantities.length) + 0.15 * Math.min(1, keywords.size / 8));
      claims.push({
        start: clause.start,
        end: clause.end,
        sentence: sentenceIndex,
        actor: actorMention ? textSpan(text, actorMention.start, actorMention.end) : null,
        actorEntity: actorMention?.entity ?? null,
        predicate,
        predicateLemma: predicate ? known.concept(predicate.text.toLowerCase()) : null,
        object: null,
        keywords: [...keywords],
        entities: entityIds,
        quantities,
        times: timeLookup.inside(clause),
        places: [...new Set(mentions.filter((m) => m.type === 'LOC').map((m) => m.entity))],
        source: speaker,
        polarity: negations.some(negates) && modality !== 'denied' ? 'negative' : 'positive',
        modality,
        salience,
        items: listItems(text, tokens, tokenWords, tokenIndex, clauseEnd, lex.stopwords),
        cues: claimCues,
      });
    }
  });
  return claims;
}

export function createClaimStage(lex: Lexicon): Stage {
  const cues = cuePhrases(lex);
  const known = claimWords(lex);
  return {
    name: 'claims',
    // Claims carry the entities, figures, times and quotes inside them: without those layers they would be silently poorer.
    requires: ['tokens', 'sentences', 'entities', 'quantities', 'times', 'quotes'],
    provides: ['claims'],
    run: (article) => ({ claims: extractClaims(article, lex, cues, known) }),
  };
}
