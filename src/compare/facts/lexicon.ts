import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import { concept, stem } from '../../annotate/lexicon.js';

/** What the fact layer reads from data/lexicons/compare-facts.json (see data/lexicons/README.md). */
export interface FactLexicon {
  /** Vague counts, longest first: phrase -> [low, high]. */
  vagueCounts: [string, readonly [number, number]][];
  kinRoles: ReadonlySet<string>;
  /** Nouns that describe an unnamed person given an age ("Homeless woman, 42,"). */
  describedPeople: ReadonlySet<string>;
  /** Role noun -> canonical role ("boy" -> "son"). */
  sameRole: ReadonlyMap<string, string>;
  /** Unit -> dimension ("ft" -> "length"). */
  dimensions: ReadonlyMap<string, string>;
  /** Unit -> its size in the dimension's base unit ("mi" -> 1609.344 metres). */
  unitFactors: ReadonlyMap<string, number>;
  statusCues: Readonly<Record<'negated' | 'planned' | 'progress', readonly string[]>>;
  /** The negated and planned cues split into words, by their first word, in list order (negated first). */
  statusCuesByFirst: ReadonlyMap<string, readonly (readonly [string[], 'negated' | 'planned'])[]>;
  /** Last words of titles ("chief", "minister"). */
  titleHeads: ReadonlySet<string>;
  /** Heads of a company's top offices ("ceo", "president"): two of them given to one person are two claims. */
  officerRanks: ReadonlySet<string>;
  /** Nouns of events that are planned and then held ("march", "game"), as concepts. */
  eventNouns: ReadonlySet<string>;
  /** Nouns of telling ("statement", "press release"), lower case: a day given to one dates the telling, not the act told. */
  statementNouns: readonly string[];
  /** Verbs of a lasting state ("remain"), as stems: a day given to one dates a state, not an act. */
  stateVerbs: ReadonlySet<string>;
  /** Verbs (and adverbs) too light to name an act ("made no arrests" names "arrest", not "make"), as stems. */
  lightVerbs: ReadonlySet<string>;
  /**
   * Act concept -> family number: verbs that name one act in other words when a plan is followed by its outcome
   * ("will embrace a plan" / "unveiled the plan"). Keyed by the concept of each inflected form.
   */
  actFamily: ReadonlyMap<string, number>;
  /** Nouns that name a figure given after a linking word ("the death toll at 31"). */
  measureNouns: readonly string[];
  /** Verbs by which a source gives a figure without reported speech ("put the toll at"), stemmed. */
  figureSourceVerbs: ReadonlySet<string>;
}

let cached: FactLexicon | undefined;

export function factLexicon(): FactLexicon {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'lexicons', 'compare-facts.json'), 'utf8')) as {
    vagueCounts: Record<string, [number, number]>;
    kinRoles: string[];
    describedPeople?: string[];
    sameRole: string[][];
    dimensions: Record<string, string[]>;
    unitFactors?: Record<string, number | string>;
    statusCues: FactLexicon['statusCues'];
    titleHeads: string[];
    officerRanks?: string[];
    eventNouns: string[];
    statementNouns?: string[];
    stateVerbs?: string[];
    lightVerbs?: string[];
    measureNouns?: string[];
    figureSourceVerbs?: string[];
    actFamilies?: { families: string[][] };
  };
  const sameRole = new Map<string, string>();
  for (const g of raw.sameRole) for (const w of g) sameRole.set(w, g[0]!);
  const dimensions = new Map<string, string>();
  for (const [d, units] of Object.entries(raw.dimensions)) for (const u of units) dimensions.set(u, d);
  cached = {
    vagueCounts: Object.entries(raw.vagueCounts).sort((a, b) => b[0].length - a[0].length),
    kinRoles: new Set(raw.kinRoles),
    describedPeople: new Set(raw.describedPeople ?? []),
    sameRole,
    dimensions,
    unitFactors: new Map(Object.entries(raw.unitFactors ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number')),
    statusCues: raw.statusCues,
    statusCuesByFirst: cuesByFirst(raw.statusCues),
    titleHeads: new Set(raw.titleHeads),
    officerRanks: new Set(raw.officerRanks ?? []),
    eventNouns: new Set(raw.eventNouns.map((w) => concept(w))),
    statementNouns: raw.statementNouns ?? [],
    stateVerbs: new Set((raw.stateVerbs ?? []).map((w) => stem(w))),
    lightVerbs: new Set(raw.lightVerbs ?? []),
    measureNouns: raw.measureNouns ?? [],
    figureSourceVerbs: new Set((raw.figureSourceVerbs ?? []).map((w) => stem(w))),
    actFamily: actFamilies(raw.actFamilies?.families ?? []),
  };
  return cached;
}

function cuesByFirst(cues: FactLexicon['statusCues']): Map<string, [string[], 'negated' | 'planned'][]> {
  const out = new Map<string, [string[], 'negated' | 'planned'][]>();
  const list: [string[], 'negated' | 'planned'][] = [...cues.negated.map((c): [string[], 'negated'] => [c.split(' '), 'negated']), ...cues.planned.map((c): [string[], 'planned'] => [c.split(' '), 'planned'])];
  for (const c of list) (out.get(c[0][0]!) ?? out.set(c[0][0]!, []).get(c[0][0]!)!).push(c);
  return out;
}

/** The concepts of a verb's forms ("embrace", "embraced", "embraces", "embracing"), as acts are read from any of them. */
function inflections(w: string): string[] {
  const base = w.endsWith('e') ? w.slice(0, -1) : w;
  return [w, `${w}s`, w.endsWith('e') ? `${w}d` : `${w}ed`, `${base}ing`];
}

function actFamilies(families: string[][]): Map<string, number> {
  const out = new Map<string, number>();
  families.forEach((family, i) => {
    // (A form whose concept is another word's, "propose" -> "plan", names a wider act than the family's.)
    for (const w of family) for (const form of inflections(w)) if (concept(form).startsWith(w.slice(0, 4))) out.set(concept(form), i);
  });
  return out;
}
