import type { Figure } from './figures.js';
import type { QuantityLexicon } from './lexicon.js';
import type { TokenView } from './token-view.js';

/** What a figure counts or measures, as a token range, with its head noun lemma. */
export interface Counted {
  first: number;
  end: number;
  head: string;
  /** 'after' ("1,700 enterprises"), 'of' ("97% of settlements"), 'subject' ("turnover grew 13.6%"), 'inherited'. */
  via: string;
}

const CLAUSE_VERBS = new Set(['said', 'says', 'say', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'include', 'includes', 'included', 'told', 'won’t', "won't", 'can’t', "can't"]);
function isClause(view: TokenView, first: number, end: number): boolean {
  for (let j = first; j < end; j++) if (CLAUSE_VERBS.has(view.lower[j]!) || /n[’']t$/.test(view.lower[j]!)) return true;
  return false;
}
const TALLY_NOUNS = new Set(['vote', 'votes', 'decision', 'decisions', 'ruling', 'rulings', 'victory', 'win', 'loss', 'defeat', 'split', 'margin', 'majority', 'score', 'tally', 'lead', 'vote,']);
const PP_EXTENSION = new Set(['with', 'of']);
const HEAD_BREAK = new Set(['in', 'of', 'with', 'for', 'from', 'on', 'at', 'to', 'across', 'by', 'under', 'over', 'between', 'among']);
const PREFIXES_OF = ['number', 'amount', 'value', 'volume', 'share', 'total', 'level', 'sum', 'proportion', 'percentage', 'majority', 'count'];

/** Singular lower-case lemma of a noun: "companies" -> "company", "enterprises" -> "enterprise". */
export function singular(lex: QuantityLexicon, word: string): string {
  const w = word.toLowerCase();
  const irr = lex.irregularPlurals.get(w);
  if (irr) return irr;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function isPlural(lex: QuantityLexicon, w: string): boolean {
  return lex.irregularPlurals.has(w) || (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w));
}

function isContent(view: TokenView, lex: QuantityLexicon, k: number): boolean {
  const t = view.tokens[k];
  return t !== undefined && t.kind === 'word' && !lex.stopWords.has(view.lower[k]!) && view.lower[k] !== '’s' && view.lower[k] !== "'s";
}

/** Noun phrase starting at token k: content words, stopping after a plural head, plus one "with/of" phrase. */
const LEADING_MODIFIERS = new Set(['other', 'more', 'additional', 'new', 'extra', 'further', 'such']);

function npForward(view: TokenView, lex: QuantityLexicon, k: number, limit: number, plural: boolean): { end: number; headAt: number } | null {
  let j = k;
  let headAt = -1;
  // "four other Central Asian heads of state", "300 more troops"
  if (LEADING_MODIFIERS.has(view.lower[j] ?? '') && isContent(view, lex, j + 1)) j++;
  while (j < limit && j < k + 7 && isContent(view, lex, j)) {
    const w = view.lower[j]!;
    if (j > k && w.endsWith('ing')) break;
    headAt = j;
    j++;
    if (plural && isPlural(lex, w)) break;
  }
  if (headAt < 0) return null;
  if (PP_EXTENSION.has(view.lower[j] ?? '') && j + 1 < limit && isContent(view, lex, j + 1)) {
    let e = j + 1;
    while (e < limit && e < j + 5 && isContent(view, lex, e) && !(e > j + 1 && view.lower[e]!.endsWith('ing'))) e++;
    j = e;
  }
  return { end: j, headAt };
}

/** Subject phrase before the verb at index v, within the clause: "Russian investment in Kyrgyzstan has reached". */
function subjectBefore(view: TokenView, lex: QuantityLexicon, v: number, sentFirst: number): { first: number; end: number; headAt: number } | null {
  let end = v;
  while (end > sentFirst && lex.auxiliaries.has(view.lower[end - 1]!)) end--;
  let first = end;
  while (first > sentFirst && first > end - 10) {
    const w = view.lower[first - 1]!;
    const t = view.tokens[first - 1]!;
    if (t.kind === 'punct' && w !== '-' && w !== '’s') break;
    if (lex.clauseWords.has(w)) break;
    first--;
  }
  while (first < end && (lex.stopWords.has(view.lower[first]!) || view.tokens[first]!.kind !== 'word')) first++;
  // "the number of Russian companies": what is counted follows "of".
  if (PREFIXES_OF.includes(view.lower[first]!) && view.lower[first + 1] === 'of') first += 2;
  // Cut at a participle or a relative clause: "companies operating in Kyrgyzstan" -> "companies".
  let cut = first;
  let headAt = -1;
  while (cut < end) {
    const w = view.lower[cut]!;
    if (cut > first && (w.endsWith('ing') || lex.relativeWords.has(w))) break;
    if (HEAD_BREAK.has(w)) {
      if (headAt < 0) break;
      // keep a prepositional phrase, but the head stays before it
      let e = cut + 1;
      while (e < end && isContent(view, lex, e) && !view.lower[e]!.endsWith('ing')) e++;
      if (e === cut + 1) break;
      cut = e;
      break;
    }
    if (isContent(view, lex, cut)) headAt = cut;
    else break;
    cut++;
  }
  if (headAt < 0) return null;
  return { first, end: cut, headAt };
}

/** The verb a figure depends on ("grew", "reached", "expanded by"), scanning back inside the clause. */
function governingVerb(view: TokenView, lex: QuantityLexicon, first: number, sentFirst: number): number {
  for (let k = first - 1; k >= sentFirst && k >= first - 12; k--) {
    const w = view.lower[k]!;
    if (w === ';' || w === ':' || w === '(' || w === '—' || w === '.') return -1;
    if (lex.increaseVerbs.has(w) || lex.decreaseVerbs.has(w) || lex.levelVerbs.has(w)) {
      if (w === 'up' || w === 'down') continue;
      return k;
    }
  }
  return -1;
}

/**
 * Attaches to each figure of a sentence what it counts. `previous` is the last counted thing before the
 * sentence (for "the figure" and multiples that refer back).
 */
export function attachCounted(view: TokenView, lex: QuantityLexicon, figs: Figure[], sentFirst: number, sentEnd: number, previous: Counted | null): (Counted | null)[] {
  const out: (Counted | null)[] = [];
  let last: Counted | null = previous;
  let lastSubject: Counted | null = null;
  for (let k = 0; k < figs.length; k++) {
    const f = figs[k]!;
    let c: Counted | null = null;
    const nextFig = figs[k + 1];
    const limit = Math.min(sentEnd, nextFig ? nextFig.first : sentEnd);
    if (f.tally) {
      // A tally measures a vote or a game: only the noun right after it ("a 5-4 decision") names it.
      const w = view.lower[f.end] ?? '';
      if (TALLY_NOUNS.has(w)) c = { first: f.end, end: f.end + 1, head: singular(lex, view.words[f.end]!), via: 'after' };
      out.push(c);
      continue;
    }
    if (f.kind !== 'multiple') {
      if (view.lower[f.end] === 'of' && (f.unit === '%' || f.unit === null)) {
        const from = f.end + 1 + (view.lower[f.end + 1] === 'the' ? 1 : 0);
        // "four of Mr. Trump’s trips": the possessor is part of the phrase, the noun after it the head.
        let at = from;
        for (let k = from; k < Math.min(limit, from + 6); k++) {
          const w = view.lower[k]!;
          if (w === '’s' || w === "'s" || w === '’' || w === "'") {
            at = k + 1;
            break;
          }
          if (view.tokens[k]!.kind === 'word' ? view.words[k] === w : w !== '.') break;
        }
        const np = npForward(view, lex, at, limit, true);
        if (np) c = { first: from, end: np.end, head: singular(lex, view.words[np.headAt]!), via: 'of' };
      } else if (f.unit === null || f.unit === 'USD-cent') {
        const np = npForward(view, lex, f.end, limit, f.value !== 1);
        if (np) c = { first: f.end, end: np.end, head: singular(lex, view.words[np.headAt]!), via: 'after' };
      }
    }
    if (!c) {
      const v = governingVerb(view, lex, f.first, sentFirst);
      if (v >= 0) {
        let s = subjectBefore(view, lex, v, sentFirst);
        // "Bush said", "the party won't tax", "didn't include": a clause is no measure.
        if (s && isClause(view, s.first, s.end)) s = null;
        if (s) {
          c = { first: s.first, end: s.end, head: singular(lex, view.words[s.headAt]!), via: 'subject' };
          lastSubject = c;
        } else if (lastSubject && (view.lower[v - 1] === 'and' || view.lower[v - 1] === ',')) c = { ...lastSubject, via: 'inherited' };
      }
    }
    // "one party won't tax", "one union official said": the phrase stops before the verb.
    if (c && c.via !== 'inherited' && isClause(view, c.first, c.end)) {
      let j = c.first;
      while (j < c.end && !CLAUSE_VERBS.has(view.lower[j]!) && !/n[’']t$/.test(view.lower[j]!)) j++;
      let h = j - 1;
      while (h >= c.first && !isContent(view, lex, h)) h--;
      c = h >= c.first ? { ...c, end: h + 1, head: singular(lex, view.words[h]!) } : null;
    }
    // "the figure", "the number", "almost triple": refer back to the last thing counted.
    if ((!c && f.kind === 'multiple') || (c && lex.genericHeads.has(c.head) && c.via === 'subject')) {
      if (last) c = { ...last, via: 'inherited' };
    }
    out.push(c);
    if (c) last = c;
  }
  return out;
}
