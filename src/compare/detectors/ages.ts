import { outletName } from '../evidence.js';
import type { AgeFact } from '../facts/index.js';
import { sameNameWord } from './names.js';
import type { Candidate, Detector } from './types.js';

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'the', 'smt', 'shri']);

function firstName(f: AgeFact): string | null {
  return f.names.find((w) => !TITLES.has(w)) ?? null;
}

/**
 * One person: the same first name (allowing spelling variants), or the same kin role where neither gives
 * a name that tells them apart. Different roles (wife, daughter) are different people.
 */
export function samePerson(x: AgeFact, y: AgeFact): boolean {
  if (x.role && y.role && x.role !== y.role) return false;
  const a = firstName(x);
  const b = firstName(y);
  // Without names on both sides, a role ("the son") may be another person in another incident.
  return !!a && !!b && sameNameWord(a, b);
}

/** How far apart two reports' ages of one person may be (a year's slip, a birthday between them). */
const CLOSE_AGE = 3;

/** Words of two sentences that are the same or close (synonyms, derivations: "shouted" / "yells", "handbag" / "bag"). */
function sharedActs(x: ReadonlySet<string>, y: ReadonlySet<string>, related: (a: string, b: string) => number): number {
  let n = 0;
  for (const w of x) if (y.has(w) || [...y].some((v) => related(w, v) >= 0.75)) n++;
  return n;
}

/** Ages of one person that differ across articles: "Ajay Pathak (42)" / "Ajay Pathak (45)". */
export const ageDetector: Detector = {
  type: 'number',
  name: 'ages',
  detect({ articles, facts, related }) {
    const ages = articles.flatMap((a) => (facts.get(a.id) ?? []).filter((f): f is AgeFact => f.kind === 'age'));
    // People across the story: ages linked by name or role (union-find), each group read as one person.
    const parent = ages.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (let i = 0; i < ages.length; i++) {
      for (let j = i + 1; j < ages.length; j++) {
        const x = ages[i]!;
        const y = ages[j]!;
        // Within one article, only the same name links (two "a 30-year-old man" may be two men).
        if (x.article === y.article ? firstName(x) !== null && firstName(x) === firstName(y) : samePerson(x, y)) parent[find(i)] = find(j);
      }
    }
    // A person described, not named ("Homeless woman, 42, yells ... strikes ... with her bag") is the person of another
    // report whose age is close and whose sentence tells the same acts ("Ayana Logan, 43, allegedly shouted as she swung a handbag").
    ages.forEach((x, i) => {
      if (x.names.length || !x.role || x.entity) return;
      let best = -1;
      let bestShared = 0;
      ages.forEach((y, j) => {
        if (y.article === x.article || Math.abs(y.age - x.age) > CLOSE_AGE || (y.role && y.role !== x.role)) return;
        const n = sharedActs(x.around, y.around, related);
        if (n > bestShared) (best = j), (bestShared = n);
      });
      if (best >= 0 && bestShared >= 2) parent[find(i)] = find(best);
    });
    const groups = new Map<number, AgeFact[]>();
    ages.forEach((f, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(f));
    const out: Candidate[] = [];
    for (const g of groups.values()) {
      const values = new Set(g.map((f) => f.age));
      const arts = new Set(g.map((f) => f.article.id));
      if (values.size < 2 || arts.size < 2) continue;
      // Only articles that differ from another article: a value all articles share is not the conflict.
      const byArticle = new Map<string, AgeFact[]>();
      for (const f of g) (byArticle.get(f.article.id) ?? byArticle.set(f.article.id, []).get(f.article.id)!).push(f);
      const who0 = g.find((f) => f.names.length)?.names.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') ?? `the ${g.find((f) => f.role)?.role ?? 'person'}`;
      const who = who0;
      // One finding per pair of articles that give different ages: each names exactly the outlets that differ.
      const lists = [...byArticle.values()];
      for (let p = 0; p < lists.length; p++) {
        for (let q = p + 1; q < lists.length; q++) {
          const fa = lists[p]!;
          const fb = lists[q]!;
          const va = new Set(fa.map((f) => f.age));
          const vb = new Set(fb.map((f) => f.age));
          if ([...va].some((v) => vb.has(v))) continue;
          out.push({
            type: 'number',
            verdict: 'contradiction',
            sides: [...fa, ...fb].map((f) => ({ article: f.article, value: f.value, context: f.context })),
            summary: `Age of ${who}: ${outletName(fa[0]!.article)} gives ${[...va].join(' and ')}, ${outletName(fb[0]!.article)} gives ${[...vb].join(' and ')}.`,
            salience: 0.85,
            subject: `age of ${who}`,
            details: { measure: `age of ${who}` },
          });
        }
      }
    }
    return out;
  },
};
