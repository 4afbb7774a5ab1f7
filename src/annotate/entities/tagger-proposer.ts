import type { EntityType } from '../../model/document.js';
import { ABBREVIATIONS } from '../data/abbreviations.js';
import type { Candidate } from './candidate.js';
import { isPossessive, type DocView } from './doc-view.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { ruleSpans } from './rule-spans.js';
import { spansOf } from './tagger/conll.js';
import type { Tagger } from './tagger/tagger.js';

/** Sentences as token ranges. */
export function sentenceRanges(view: DocView): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = view.words.length;
  const starts = [...view.sentenceStartToken].filter((s) => s >= 0);
  if (starts.length === 0 && n > 0) return [{ start: 0, end: n }];
  if (starts[0] !== 0 && n > 0) starts.unshift(0);
  for (let k = 0; k < starts.length; k++) out.push({ start: starts[k]!, end: k + 1 < starts.length ? starts[k + 1]! : n });
  return out.filter((s) => s.end > s.start);
}

const isAbbreviation = (w: string) => /^\p{Lu}$/u.test(w) || ABBREVIATIONS.has(w.toLowerCase());

/** The tagger sees words as CoNLL wrote them: straight quotes. */
const asConll = (w: string) => (hasCurlyQuote(w) ? w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"') : w);

/** /[’‘“”]/.test(w), by code unit (the tagger asks it of every word). */
function hasCurlyQuote(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return true;
  }
  return false;
}

const TYPE_OF_KIND: Record<GazetteerEntry['kind'], EntityType> = {
  country: 'LOC',
  capital: 'LOC',
  region: 'LOC',
  adjective: 'MISC',
  organisation: 'ORG',
  acronym: 'ORG',
};

/**
 * Tagger spans first, refined by the gazetteers and rules: a listed name gets the gazetteer's type
 * and entry; "Moscow-led" becomes the place inside it; rule candidates (listed names, titled names,
 * acronyms, bare capitalised words that may be surnames) fill the gaps the tagger left.
 */
export function taggerProposer(tagger: Tagger) {
  return (view: DocView, gaz: Gazetteer): Candidate[] => {
    // Tagger words: tokens as CoNLL writes them, with the dot of an abbreviation kept on its word
    // ("Mr.", "F.", "Gen."); twStart/twEnd map each back to tokens.
    const tw: string[] = [];
    // Each tagger word's id in the word-form table, -1 where the tagger's word is not the token's.
    const twIds = new Int32Array(view.words.length);
    const twStart: number[] = [];
    const twEnd: number[] = [];
    const toTw = new Int32Array(view.words.length);
    for (let i = 0; i < view.words.length; i++) {
      const last = tw.length - 1;
      if (view.words[i] === '.' && last >= 0 && twEnd[last] === i && view.tokens[i]!.start === view.tokens[i - 1]!.end && isAbbreviation(view.words[i - 1]!)) {
        tw[last] += '.';
        twIds[last] = -1;
        twEnd[last] = i + 1;
        toTw[i] = last;
        continue;
      }
      const w = view.words[i]!;
      const conll = asConll(w);
      twIds[tw.length] = conll === w ? view.wordIds[i]! : -1;
      tw.push(conll);
      twStart.push(i);
      twEnd.push(i + 1);
      toTw[i] = tw.length - 1;
    }
    const sentences = sentenceRanges(view).map((r) => ({ start: toTw[r.start]!, end: toTw[r.end - 1]! + 1 }));
    const tags = tagger.tagDocument(tw, sentences, { ids: twIds, generation: view.generation });
    const rules = ruleSpans(view, gaz);
    const out: Candidate[] = [];
    const metonymicAt = new Map<number, Candidate>();
    for (const r of rules) if (r.metonymic) metonymicAt.set(r.tokStart, r);
    for (const s of sentences) {
      for (const sp of spansOf(tags, s.start, s.end)) {
        // Leading/trailing punctuation never belongs to a name.
        let a = twStart[sp.start]!;
        let b = twEnd[sp.end - 1]!;
        while (a < b && view.tokens[a]!.kind === 'punct') a++;
        while (b > a && view.tokens[b - 1]!.kind === 'punct' && view.words[b - 1] !== '.') b--;
        // Titles are roles, not part of a person's name ("Mr. Mattis" -> role "Mr.", name "Mattis").
        if (sp.type === 'PER') {
          for (;;) {
            const w = view.words[a]!;
            const dot = view.words[a + 1] === '.' ? 1 : 0;
            if (a + 1 + dot < b && (gaz.isTitle(w) || (dot && gaz.isTitle(w + '.'))) && /^\p{Lu}/u.test(w)) a += 1 + dot;
            else break;
          }
        }
        if (a >= b) continue;
        // "Moscow-led ...": the place inside the hyphen word, then the rest of the name.
        const inner = metonymicAt.get(a);
        if (inner) {
          out.push(inner);
          a++;
          if (a >= b) continue;
        }
        // "Collective Security Treaty Organization’s Security Council": two names.
        for (let k = a + 1; k < b - 1; k++) {
          if (isPossessive(view.words[k]!)) {
            out.push(fromTagger(view, gaz, a, k, sp.type as EntityType));
            a = k + 1;
          }
        }
        out.push(fromTagger(view, gaz, a, b, sp.type as EntityType));
      }
    }
    // Rule candidates where the tagger found nothing; a listed name that covers tagger spans wins.
    const owner = new Int32Array(view.words.length).fill(-1);
    out.forEach((c, i) => owner.fill(i, c.tokStart, c.tokEnd));
    const removed = new Set<number>();
    const added: Candidate[] = [];
    for (const r of rules) {
      const over = new Set<number>();
      for (let k = r.tokStart; k < r.tokEnd; k++) if (owner[k]! >= 0) over.add(owner[k]!);
      if (over.size === 0) {
        // A hyphen-word place ("Moscow-led") shares its token with no tagger name.
        added.push(r);
        continue;
      }
      const inside = [...over].every((i) => r.start <= out[i]!.start && out[i]!.end <= r.end);
      const shorter = [...over].some((i) => out[i]!.end - out[i]!.start < r.end - r.start);
      if (r.gaz && inside && shorter) {
        for (const i of over) removed.add(i);
        added.push(r);
      }
    }
    const merged = out.filter((_, i) => !removed.has(i)).concat(added);
    return merged.sort((x, y) => x.start - y.start);
  };
}

/** A tagger span, typed by the gazetteer when the name is listed there. */
function fromTagger(view: DocView, gaz: Gazetteer, a: number, b: number, type: EntityType): Candidate {
  const c: Candidate = { start: view.tokens[a]!.start, end: view.tokens[b - 1]!.end, tokStart: a, tokEnd: b, type, via: 'tagger' };
  const name = view.text.slice(c.start, c.end);
  const entry = gaz.lookup(name);
  if (entry) {
    c.gaz = entry;
    c.type = TYPE_OF_KIND[entry.kind];
  } else if (gaz.words.regionAdjectives.includes(name)) c.type = 'MISC';
  return c;
}
