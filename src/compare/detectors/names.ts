import type { Article, EntityMention, Span } from '../../model/document.js';
import { sharedResources } from '../../resources.js';
import { lexicon } from '../../annotate/lexicon.js';
import { outletName } from '../evidence.js';
import { contextOf, sentenceSpan } from '../facts/context.js';
import type { Candidate, Detector } from './types.js';

/** Optimal string alignment distance (edits with adjacent transpositions), for spelling variants of names. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > 3) return 99;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[n]![m]!;
}

/** Two spellings of one name word ("Vasundhara" / "Vasundahra", "Bhagwat" / "Bhagwad", "Sneh" / "Sneha"). */
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 3 || b.length < 3 || a[0] !== b[0]) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

const nameWords = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/\s+/).filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w));

/** Content words of the sentence around a mention (lower case, not stopwords, not the name itself). */
function sentenceWords(a: Article, m: Span, name: readonly string[]): Set<string> {
  const s = sentenceSpan(a, m.start);
  const stop = lexicon().stopwords;
  return new Set((a.text.slice(s.start, s.end).toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !stop.has(w) && !name.includes(w)));
}

/** A name's finding quotes the few words around it: what else its sentence says is no part of the difference. */
const NAME_CONTEXT = 48;

interface NamedPerson {
  id: string;
  words: string[];
  mentions: EntityMention[];
}

/** The people an article names in full (first and last name), by story entity. */
function fullNames(a: Article, storyEntity: (a: Article, id: string) => string): Map<string, NamedPerson> {
  const out = new Map<string, NamedPerson>();
  for (const m of a.layers.entities ?? []) {
    if (m.type !== 'PER' || m.via !== 'tagger') continue;
    const words = nameWords(a.text.slice(m.start, m.end));
    if (words.length !== 2) continue;
    const id = storyEntity(a, m.entity);
    const p = out.get(id) ?? { id, words, mentions: [] };
    p.mentions.push(m);
    out.set(id, p);
  }
  return out;
}

/**
 * The same surname under two first names that begin alike ("Loretta Sanchez" / "Linda Sánchez"): a mix-up of two
 * namesakes. First names with other initials are more often relatives (a wife, a son) than a mistake.
 */
function confusableFirstNames(fx: string, fy: string, lx: string, ly: string): boolean {
  return sameNameWord(lx, ly) && lx.length >= 3 && fx.length >= 3 && fy.length >= 3 && fx[0] === fy[0] && !sameGivenName(fx, fy);
}

/** The groups of data/gazetteers/given-names.json each name form belongs to (loaded with the resources). */
const givenNameForms = () => sharedResources().givenNames;

/** One given name in two forms: a spelling variant, a short form ("Chris" / "Christopher") or a familiar form ("Jim" / "James"). */
export function sameGivenName(a: string, b: string): boolean {
  if (sameNameWord(a, b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  const forms = givenNameForms();
  const ga = forms.get(a);
  const gb = forms.get(b);
  return !!ga && !!gb && [...ga].some((g) => gb.has(g));
}

/**
 * One person given two surnames: the same first name, surnames alike in their start but too far apart to be one
 * spelling ("Ravi Shekhar" / "Ravi Shankar"), each report naming only one of them, in sentences that tell the same
 * thing (two shared content words: "Ekta ... who run an NGO").
 */
export const nameDetector: Detector = {
  type: 'entity',
  name: 'names',
  detect({ articles, storyEntity }) {
    if (!storyEntity) return [];
    const people = articles.map((a) => fullNames(a, storyEntity));
    // The words of each text, read only for the articles a candidate pair reaches.
    const words: (Set<string> | undefined)[] = [];
    const textWords = (i: number) => (words[i] ??= new Set(nameWords(articles[i]!.text.replace(/[^\p{L}\s'’-]/gu, ' '))));
    const out: Candidate[] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        for (const x of people[i]!.values()) for (const y of people[j]!.values()) {
          if (x.id === y.id || people[j]!.has(x.id) || people[i]!.has(y.id)) continue;
          const [fx, lx] = x.words as [string, string];
          const [fy, ly] = y.words as [string, string];
          const otherSurname = fx === fy && fx.length >= 3 && lx !== ly && !sameNameWord(lx, ly) && lx.slice(0, 2) === ly.slice(0, 2) && editDistance(lx, ly) <= 3;
          const otherFirstName = confusableFirstNames(fx, fy, lx, ly);
          if (!otherSurname && !otherFirstName) continue;
          // Each report names only its own: a report naming both speaks of two people.
          const [ox, oy] = otherSurname ? [lx, ly] : [fx, fy];
          if (textWords(i).has(oy) || textWords(j).has(ox)) continue;
          const mx = x.mentions[0]!;
          const my = y.mentions[0]!;
          const wx = new Set(x.mentions.flatMap((m) => [...sentenceWords(articles[i]!, m, x.words)]));
          const wy = new Set(y.mentions.flatMap((m) => [...sentenceWords(articles[j]!, m, y.words)]));
          if ([...wx].filter((w) => wy.has(w)).length < 2) continue;
          const tx = articles[i]!.text.slice(mx.start, mx.end);
          const ty = articles[j]!.text.slice(my.start, my.end);
          out.push({
            type: 'entity',
            verdict: 'contradiction',
            sides: [
              { article: articles[i]!, value: { start: mx.start, end: mx.end }, context: contextOf(articles[i]!, mx, NAME_CONTEXT) },
              { article: articles[j]!, value: { start: my.start, end: my.end }, context: contextOf(articles[j]!, my, NAME_CONTEXT) },
            ],
            summary: `Name: ${outletName(articles[i]!)} says “${tx}”, ${outletName(articles[j]!)} says “${ty}”.`,
            salience: 0.7,
            subject: `name:${x.id}`,
          });
        }
      }
    }
    return out;
  },
};
