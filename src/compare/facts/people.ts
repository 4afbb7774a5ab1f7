import type { Article } from '../../model/document.js';
import { contextOf, FACT_CONTEXT, sentenceAt } from './context.js';
import { sortedMentions } from './events.js';
import { factLexicon } from './lexicon.js';
import type { PersonFact } from './types.js';

const TITLE_WORD = /^(?:\p{Lu}[\p{L}.'’-]*|of|the)$/u;

/**
 * Titles written before a person's name ("Battalion Chief Steve Martin", "Columbus Fire Chief Steve Martin")
 * and places of origin after it ("Blaine Marston of Passadumkeag", "Howland's Blaine Marston").
 */
export function personFacts(article: Article, toStory: (id: string) => string): PersonFact[] {
  const text = article.text;
  const heads = factLexicon().titleHeads;
  const mentions = sortedMentions(article);
  // Places; a one-word organisation right after "of" is as often a small town the tagger did not know.
  const places = mentions.filter((m) => m.type === 'LOC' || (m.type === 'ORG' && !/\s/.test(text.slice(m.start, m.end).trim())));
  // The first place starting, and the first ending, at each offset (looked up per name, not scanned).
  const placeStarting = new Map<number, (typeof places)[number]>();
  const placeEnding = new Map<number, (typeof places)[number]>();
  for (const p of places) {
    if (!placeStarting.has(p.start)) placeStarting.set(p.start, p);
    if (!placeEnding.has(p.end)) placeEnding.set(p.end, p);
  }
  const out: PersonFact[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER' || m.via !== 'tagger') continue;
    const name = text.slice(m.start, m.end);
    const names = name.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
    if (names.length < 2) continue;
    const entity = toStory(m.entity);
    // Title: the capitalised words right before the name, ending in a title noun.
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    const words = before.replace(/\s+$/, '').split(/\s+/);
    const title: string[] = [];
    for (let k = words.length - 1; k >= 0 && title.length < 5; k--) {
      const w = words[k]!;
      // A title head may be lower case right before the name ("the company's president Dan Cathy").
      const lowerHead = k === words.length - 1 && heads.has(w);
      if ((!TITLE_WORD.test(w) && !lowerHead) || /[.,;:]$/.test(w) && k < words.length - 1) break;
      title.unshift(w);
    }
    while (title.length && /^(of|the)$/.test(title[0]!)) title.shift();
    // "former US President Donald Trump": the lower-case "former" before the title is part of it (it agrees with
    // "Former President Donald Trump").
    if (title.length && /^(?:former|ex-)$/i.test(words[words.length - 1 - title.length] ?? '')) title.unshift(words[words.length - 1 - title.length]!);
    if (title.length && heads.has(title[title.length - 1]!.toLowerCase())) {
      const t = title.join(' ');
      const start = m.start - (before.length - before.lastIndexOf(t));
      const value = { start, end: m.end };
      const key = `t:${entity}:${t}`;
      if (!seen.has(key)) {
        seen.add(key);
        // Place names inside the title ("Columbus Fire Chief") say where, not which office.
        const placeWords = new Set(places.filter((p) => p.type === 'LOC' && p.start >= start && p.end <= m.start).flatMap((p) => text.slice(p.start, p.end).toLowerCase().split(/\s+/)));
        out.push({ kind: 'person', attribute: 'title', article, value, context: contextOf(article, value, FACT_CONTEXT), sentence: sentenceAt(article, m.start), entity, names, words: title.map((w) => w.toLowerCase()).filter((w) => !placeWords.has(w)) });
      }
    }
    // Origin: "NAME of PLACE" or "PLACE's NAME".
    const after = /^,?\s+of\s+/.exec(text.slice(m.end, m.end + 6));
    // (A place ending right before "'s" and the spaces up to the name.)
    let q = m.start;
    while (q > 0 && /\s/.test(text[q - 1]!)) q--;
    const origin = after ? placeStarting.get(m.end + after[0].length) : q < m.start && q >= 2 && /^['’]s$/.test(text.slice(q - 2, q)) ? placeEnding.get(q - 2) : undefined;
    if (origin) {
      const value = origin.start > m.start ? { start: m.start, end: origin.end } : { start: origin.start, end: m.end };
      out.push({ kind: 'person', attribute: 'origin', article, value, context: contextOf(article, value, FACT_CONTEXT), sentence: sentenceAt(article, m.start), entity, names, words: text.slice(origin.start, origin.end).toLowerCase().split(/\s+/) });
    }
  }
  return out;
}
