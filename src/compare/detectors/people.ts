import { outletName } from '../evidence.js';
import { factLexicon } from '../facts/lexicon.js';
import { contextOf } from '../facts/context.js';

/** Characters around a title quoted when two offices differ. */
const TITLE_CONTEXT = 24;
import type { PersonFact } from '../facts/index.js';
import { sameNameWord } from './names.js';
import type { Candidate, Detector } from './types.js';

function samePerson(x: PersonFact, y: PersonFact): boolean {
  if (x.entity === y.entity) return true;
  const last = (f: PersonFact) => f.names[f.names.length - 1]!;
  return sameNameWord(x.names[0]!, y.names[0]!) && sameNameWord(last(x), last(y));
}

/**
 * Titles that cannot both be right: the same office noun with other ranks ("Battalion Chief" / "Fire
 * Chief"), one not a shortening of the other ("Chief" / "Fire Chief" agree).
 */
export function titlesDiffer(x: Pick<PersonFact, 'words'>, y: Pick<PersonFact, 'words'>): boolean {
  const hx = x.words[x.words.length - 1];
  const hy = y.words[y.words.length - 1];
  // Two top offices of a company ("CEO" / "president") are two claims about which one the person holds.
  const ranks = factLexicon().officerRanks;
  if (hx && hy && hx !== hy && ranks.has(hx) && ranks.has(hy)) return true;
  if (!hx || hx !== hy) return false;
  const mx = x.words.slice(0, -1);
  const my = y.words.slice(0, -1);
  if (mx.length === 0 || my.length === 0) return false;
  // An acronym of the other's words is the same office ("CIA Director" / "Central Intelligence Agency Director").
  const initials = (ws: readonly string[]) => ws.filter((w) => !/^(?:of|the|and|for)$/.test(w)).map((w) => w[0]).join('');
  if ((mx.length === 1 && mx[0]!.replace(/\./g, '') === initials(my)) || (my.length === 1 && my[0]!.replace(/\./g, '') === initials(mx))) return false;
  return !mx.some((w) => my.includes(w)) && !mx.every((w) => my.includes(w)) && !my.every((w) => mx.includes(w));
}

/** Places of origin that differ ("of Passadumkeag" / "Howland's"), neither naming the other. */
function originsDiffer(x: PersonFact, y: PersonFact): boolean {
  const a = x.words.join(' ');
  const b = y.words.join(' ');
  return !a.includes(b) && !b.includes(a);
}

/** The same person given another title or another home town by two articles. */
export const personDetector: Detector = {
  type: 'entity',
  name: 'people',
  detect({ articles, facts }) {
    const all = articles.map((a) => (facts.get(a.id) ?? []).filter((f): f is PersonFact => f.kind === 'person'));
    const out: Candidate[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const seen = new Set<string>();
        for (const x of all[i]!) for (const y of all[j]!) {
          if (x.attribute !== y.attribute || !samePerson(x, y)) continue;
          // One article giving the same attribute elsewhere settles it.
          const agrees = (f: PersonFact, others: readonly PersonFact[]) => others.some((o) => o.attribute === f.attribute && samePerson(f, o) && !(f.attribute === 'title' ? titlesDiffer(f, o) : originsDiffer(f, o)) && (f.attribute !== 'title' || f.words.at(-1) === o.words.at(-1)));
          const differ = x.attribute === 'title' ? titlesDiffer(x, y) : originsDiffer(x, y);
          if (!differ || agrees(x, all[j]!) || agrees(y, all[i]!)) continue;
          const key = `${x.attribute}:${x.entity}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const tx = x.article.text.slice(x.value.start, x.value.end);
          const ty = y.article.text.slice(y.value.start, y.value.end);
          out.push({
            type: 'entity',
            verdict: 'contradiction',
            // Which office is the whole difference: the rest of the sentence says other things.
            sides: [x, y].map((f) => ({ article: f.article, value: f.value, context: x.words.at(-1) === y.words.at(-1) ? f.context : contextOf(f.article, f.value, TITLE_CONTEXT) })),
            summary: `${x.attribute === 'title' ? 'Title' : 'Home town'}: ${outletName(x.article)} says “${tx}”, ${outletName(y.article)} says “${ty}”.`,
            salience: 0.8,
            subject: key,
          });
        }
      }
    }
    return out;
  },
};
