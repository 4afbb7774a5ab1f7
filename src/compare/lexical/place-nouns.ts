// Is a word a WordNet noun, and does any of its noun senses name a place? "Bible" is a noun of no place
// sense (a book), "Alexandria" and "Thames" are nouns of place senses, "Ferguson" is no WordNet noun.
// A names list uses it to tell a capitalised common word read as a place from a real place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultLexicalDir, parseWordNet, type WordNetTables } from './resources.js';

/** Heads of the place senses: a sense under one of these (by hypernyms) is a place. */
const PLACE_ROOTS = ['location', 'body_of_water', 'geological_formation', 'dry_land', 'structure', 'facility', 'thoroughfare', 'celestial_body'];

/** 'place' when a noun sense of the word is a place, 'thing' when it is a noun of no place sense, null when no noun. */
export type NounKind = 'place' | 'thing' | null;

export function createNounKind(wn: WordNetTables): (word: string) => NounKind {
  const lemmaId = new Map(wn.lemmas.map((l, i) => [l, i]));
  const nounSenses = (word: string): number[] => {
    const l = lemmaId.get(word.toLowerCase().replace(/\s+/g, '_'));
    if (l === undefined) return [];
    return [...wn.lemmaSenses.subarray(wn.lemmaSensesOff[l]!, wn.lemmaSensesOff[l + 1]!)].filter((s) => wn.synPos[s] === 'n');
  };
  // The first (most frequent) noun sense of each root word is the root.
  const roots = new Set(PLACE_ROOTS.map((w) => nounSenses(w)[0]).filter((s): s is number => s !== undefined));
  const placeMemo = new Map<number, boolean>();
  const isPlace = (s: number, seen: Set<number>): boolean => {
    const known = placeMemo.get(s);
    if (known !== undefined) return known;
    if (roots.has(s)) return true;
    if (seen.has(s)) return false;
    seen.add(s);
    let found = false;
    for (let i = wn.synHyperOff[s]!; i < wn.synHyperOff[s + 1]! && !found; i++) found = isPlace(wn.synHyper[i]!, seen);
    placeMemo.set(s, found);
    return found;
  };
  return (word) => {
    const senses = nounSenses(word);
    if (!senses.length) return null;
    return senses.some((s) => isPlace(s, new Set())) ? 'place' : 'thing';
  };
}

let loaded: ((word: string) => NounKind) | null = null;

/** The check over data/lexical/wordnet.json.gz, read once on first use (about 100 ms). */
export function nounKind(word: string): NounKind {
  loaded ??= createNounKind(parseWordNet(gunzipSync(readFileSync(join(defaultLexicalDir(), 'wordnet.json.gz'))).toString('utf8')));
  return loaded(word);
}
