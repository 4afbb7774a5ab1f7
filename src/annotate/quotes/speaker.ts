import type { EntityMention, Quote } from '../../model/document.js';
import type { TokenView } from '../quantities/token-view.js';
import type { QuoteLexicon } from './lexicon.js';

/** A token range [first, end). */
export interface TokRange {
  first: number;
  end: number;
}

function isCapitalized(w: string): boolean {
  const c = w.codePointAt(0);
  return c !== undefined && String.fromCodePoint(c) !== String.fromCodePoint(c).toLowerCase();
}

/** Auxiliaries and copulas: a noun phrase read left to right ends before them ("Libya | is the biggest ..."). */
const VERB_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'does', 'did', 'do', 'may', 'might', 'must', 'says', 'said',
  // Negated auxiliaries, with either apostrophe: "the statement didn't clarify" is no noun phrase.
  ...['is', 'was', 'are', 'were', 'do', 'does', 'did', 'has', 'have', 'had', 'could', 'would', 'should'].flatMap((a) => [`${a}n't`, `${a}n’t`]),
  "won't", 'won’t', "can't", 'can’t', 'cannot']);

const PREPOSITIONS = new Set(['by', 'of', 'in', 'at', 'on', 'to', 'for', 'with', 'from', 'about', 'into', 'over', 'than', 'like', 'upon', 'toward', 'towards', 'without', 'through']);

const QUANTIFIER_PRONOUNS = new Set(['many', 'some', 'others', 'most', 'few', 'several', 'both', 'all', 'none', 'another', 'each', 'either', 'neither', 'one', 'everyone', 'nobody', 'somebody', 'someone', 'anyone', 'everybody']);

/** Words that head no speaker phrase: adverbs and prepositions a sentence may open with. */
const NO_HEADS = new Set(['perhaps', 'maybe', 'despite', 'together', 'instead', 'however', 'even', 'just', 'still', 'also', 'only', 'not', 'never', 'around', 'among', 'amid', 'against', 'clear', 'too', 'again']);

/** Words in -ly that are not adverbs ("a rally said", "the family said"). */
export const LY_NOUNS = new Set(['family', 'rally', 'ally', 'assembly', 'supply', 'reply', 'bully', 'belly', 'daily', 'weekly', 'monthly', 'quarterly', 'lily', 'anomaly', 'monopoly', 'homily', 'jelly', 'folly', 'tally', 'melancholy', 'gully', 'only', 'early', 'fly', 'holy', 'july', 'italy']);

/** A word in -ly that may be an adverb (the nouns in -ly are not; "only" and "early" are, inside a noun phrase). */
function adverbLike(l: string): boolean {
  return l.endsWith('ly') && (!LY_NOUNS.has(l) || l === 'only' || l === 'early');
}

const POSSESSIVE = new Set(['’s', "'s", '’', "'"]);
const MAX_LOWER = 4;

/** A capital letter standing for a name ("J" of "Donald J. Trump"). */
const isInitial = (w: string): boolean => w.length === 1 && w >= 'A' && w <= 'Z';

/**
 * The noun phrase that ends at token k (the speaker left of a cue): a pronoun, a name with its titles
 * ("Kyrgyz President Sadyr Japarov", "Stein spokeswoman Melezia Figueroa"), or a common noun phrase
 * ("the ministry", "a Kremlin readout of the meeting", "another source"). Null when token k cannot end one.
 */
export function npEndingAt(view: TokenView, lex: QuoteLexicon, k: number, sentFirst: number): TokRange | null {
  const t = view.tokens[k];
  if (!t || k < sentFirst) return null;
  const lw = view.lower[k]!;
  if (t.kind !== 'word') return null;
  if (lex.personPronouns.has(lw)) return lw === 'who' ? null : { first: k, end: k + 1 };
  // A preposition, an adverb or a verb ends no noun phrase ("hinted at Donald Trump by | mentioning",
  // "Perhaps | recognizing", "some judges are | eager").
  if (PREPOSITIONS.has(lw) || NO_HEADS.has(lw) || (VERB_WORDS.has(lw) && view.words[k] === lw)) return null;
  // "Many speculated", "Some argue", "Others said": a quantifier standing alone is the speaker.
  if (QUANTIFIER_PRONOUNS.has(lw)) return { first: k, end: k + 1 };
  if (lex.clauseBoundaries.has(lw) || lex.npDeterminers.has(lw) || lex.npLinkers.has(lw) || lex.adverbsBeforeCue.has(lw)) return null;
  if (!isCapitalized(view.words[k]!) && (adverbLike(lw) || lw.endsWith('ed'))) return null;
  let first = k;
  let lower = isCapitalized(view.words[k]!) ? 0 : 1;
  while (first - 1 >= sentFirst && k - first < 9) {
    const p = first - 1;
    const tp = view.tokens[p]!;
    const w = view.words[p]!;
    const l = view.lower[p]!;
    if (tp.kind === 'word') {
      // A verb before the phrase ends it ("said | parents", "His aides say | ...").
      if (lex.clauseBoundaries.has(l) || lex.personPronouns.has(l) || (VERB_WORDS.has(l) && w === l) || (PREPOSITIONS.has(l) && !lex.npLinkers.has(l))) break;
      if (POSSESSIVE.has(l) || lex.npLinkers.has(l) || lex.npDeterminers.has(l)) {
        first = p;
        if (lex.npDeterminers.has(l)) break; // a determiner starts the phrase
        continue;
      }
      if (isCapitalized(w)) {
        first = p;
        continue;
      }
      if (lex.adverbsBeforeCue.has(l) || adverbLike(l) || l.endsWith('ed') || l.endsWith('ing')) break;
      if (++lower > MAX_LOWER) break;
      first = p;
      continue;
    }
    // An abbreviation's or an initial's point ("Sen.", "Donald J. Trump").
    if ((w === '.' && p > sentFirst && (lex.abbreviations.has(view.lower[p - 1]!) || isInitial(view.words[p - 1]!))) || w === '-' || w === '&' || POSSESSIVE.has(w)) {
      first = p;
      continue;
    }
    break;
  }
  // Drop linkers left dangling at the start ("of", "’s", "-").
  while (first < k && (lex.npLinkers.has(view.lower[first]!) || view.tokens[first]!.kind !== 'word')) first++;
  return { first, end: k + 1 };
}

/** The noun phrase that starts at token k (a speaker after "according to" or an inverted "said X"). */
export function npStartingAt(view: TokenView, lex: QuoteLexicon, k: number, limit: number, maxLower: number = MAX_LOWER): TokRange | null {
  const t = view.tokens[k];
  if (!t || k >= limit || t.kind !== 'word') return null;
  const l0 = view.lower[k]!;
  if (lex.personPronouns.has(l0)) return l0 === 'who' ? null : { first: k, end: k + 1 };
  if (lex.clauseBoundaries.has(l0)) return null;
  let end = k;
  let lower = 0;
  while (end < limit && end - k < 10) {
    const tp = view.tokens[end]!;
    const w = view.words[end]!;
    const l = view.lower[end]!;
    if (tp.kind === 'word') {
      if (end > k && (lex.clauseBoundaries.has(l) || lex.personPronouns.has(l) || VERB_WORDS.has(l))) break;
      if (lex.npDeterminers.has(l) || lex.npLinkers.has(l) || POSSESSIVE.has(l) || isCapitalized(w)) {
        end++;
        continue;
      }
      // "-ing" right after a determiner or linker is a noun ("of the meeting"), elsewhere a verb.
      const afterDet = end > k && (lex.npDeterminers.has(view.lower[end - 1]!) || lex.npLinkers.has(view.lower[end - 1]!));
      if (adverbLike(l) || (l.endsWith('ing') && !afterDet) || (l.endsWith('ed') && end > k && !afterDet)) break;
      if (++lower > maxLower) break;
      end++;
      continue;
    }
    if ((w === '.' && (lex.abbreviations.has(l === '.' ? view.lower[end - 1]! : l) || isInitial(view.words[end - 1]!))) || w === '-' || w === '&' || POSSESSIVE.has(w)) {
      end++;
      continue;
    }
    break;
  }
  while (end > k && (lex.npLinkers.has(view.lower[end - 1]!) || lex.npDeterminers.has(view.lower[end - 1]!) || view.tokens[end - 1]!.kind !== 'word')) end--;
  return end > k ? { first: k, end } : null;
}

/** Person, organisation or document, from the entity type when there is one, else from the head noun. */
/** The head word of a speaker phrase: the last word before a linker ("a Kremlin readout of the meeting" -> "readout"). */
export function headOf(view: TokenView, r: TokRange): number {
  for (let k = r.first + 1; k < r.end; k++) {
    if (view.lower[k] === 'of' || view.lower[k] === 'for' || view.lower[k] === 'at') return k - 1;
  }
  return r.end - 1;
}

export function speakerKindOf(view: TokenView, lex: QuoteLexicon, r: TokRange, mention: EntityMention | null): Quote['speakerKind'] {
  const h = headOf(view, r);
  const head = view.lower[h] ?? '';
  if (lex.documentNouns.has(head)) return 'document';
  if (mention) {
    if (mention.type === 'PER') return 'person';
    if (mention.type === 'ORG') return 'organisation';
  }
  if (lex.organisationNouns.has(head)) return 'organisation';
  if (head === 'he' || head === 'she' || head === 'i' || head === 'we' || head === 'you') return 'person';
  const w = view.words[h] ?? '';
  if (isCapitalized(w) && (r.end - r.first <= 4)) return mention ? 'unknown' : 'person';
  return 'unknown';
}

/**
 * The entity mention that best covers a speaker phrase: the one overlapping its head word (from `headStart`
 * on), so "Kyrgyzstan’s presidential administration" is not the country and "Stein spokeswoman Melezia
 * Figueroa" is Figueroa.
 */
export function mentionFor(mentions: readonly EntityMention[], start: number, end: number, headStart: number = start): EntityMention | null {
  let best: EntityMention | null = null;
  // Mentions are sorted by start; a binary search keeps this linear overall.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < mentions.length && mentions[i]!.start < end; i++) {
    const m = mentions[i]!;
    // The mention of the head word itself ("Sen. Susan Collins of Maine" is Collins, not Maine).
    if (headStart > start && m.start <= headStart && headStart < m.end) return m;
    if (m.end > Math.max(start, headStart) && (!best || m.end >= best.end)) best = m;
  }
  return best;
}
