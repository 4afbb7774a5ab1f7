import type { Article } from '../../model/document.js';
import { outletName } from '../evidence.js';
import type { StatusFact } from '../facts/index.js';
import { factLexicon } from '../facts/lexicon.js';
import { clauseAffinity, clauseWordWeight } from './dates.js';
import type { Candidate, Detector } from './types.js';

function published(a: Article): number {
  return a.published ? Date.parse(a.published) : NaN;
}

const MIN = 1.0;
/** How close two verbs of one family count as one act (a named close relation counts 0.8). */
const KIN = 0.8;

/**
 * An article's acts without the plans it later reports done itself ("is expected to be indicted" ... "UPDATE:
 * Grimm has already been secretly indicted"): such a plan is not the article's last word on the act.
 */
function outcomesOnly(acts: StatusFact[]): StatusFact[] {
  const overlaps = (a?: Set<string>, b?: Set<string>) => !a?.size || !b?.size || [...a].some((t) => b.has(t));
  return acts.filter(
    (f) =>
      f.status !== 'planned' ||
      !acts.some((g) => g.status === 'done' && g.act === f.act && g.value.start > f.value.end && (!f.subject || !g.subject || f.subject === g.subject) && overlaps(f.theme, g.theme)),
  );
}

/**
 * One act reported done in one article and not done (denied, not yet, planned) in another: "was arrested" /
 * "is yet to be arrested"; "will be sent" / "were sent". The later report's done act is an update.
 */
export const statusDetector: Detector = {
  type: 'negation',
  name: 'status',
  detect({ articles, facts, related }) {
    const acts = new Map(articles.map((a) => [a.id, outcomesOnly((facts.get(a.id) ?? []).filter((f): f is StatusFact => f.kind === 'status'))]));
    const weight = clauseWordWeight(acts.values());
    const events = factLexicon().eventNouns;
    // Acts as numbers and their closeness by pair of numbers, asked of the lexicon once per pair of acts (every
    // act of one article meets every act of every other).
    const actIds = new Map<string, number>();
    for (const fs of acts.values()) for (const f of fs) if (!actIds.has(f.act)) actIds.set(f.act, actIds.size);
    const actNames = [...actIds.keys()];
    // (A table of codes, 0 = not asked yet, when the acts are few enough for one; a map otherwise.)
    const CLOSENESS = [0, 0, 0.8, 1] as const;
    const table = actIds.size <= 4096 ? new Uint8Array(actIds.size * actIds.size) : null;
    const closeness = new Map<number, number>();
    const actScore = (x: number, y: number) => {
      const k = x * actIds.size + y;
      let code = table ? table[k]! : (closeness.get(k) ?? 0);
      // The same act, or a close relation of it ("charged" / "arrests" are not; "detained" / "arrested" are).
      if (code === 0) {
        code = x === y ? 3 : related(actNames[x]!, actNames[y]!) >= 0.85 ? 2 : 1;
        if (table) table[k] = code;
        else closeness.set(k, code);
      }
      return CLOSENESS[code]!;
    };
    const families = factLexicon().actFamily;
    const family = (x: StatusFact, y: StatusFact) => {
      const fx = families.get(x.act);
      if (fx === undefined || fx !== families.get(y.act)) return false;
      const [plan, done] = x.status === 'planned' ? [x, y] : [y, x];
      return plan.status === 'planned' && done.status === 'done' && !(published(done.article) < published(plan.article));
    };
    const out: Candidate[] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const A = acts.get(articles[i]!.id)!;
        const B = acts.get(articles[j]!.id)!;
        const pairs: { x: StatusFact; y: StatusFact; s: number }[] = [];
        const actsB = B.map((y) => actIds.get(y.act)!);
        for (const x of A) for (let k = 0, xa = actIds.get(x.act)!; k < B.length; k++) {
          const y = B[k]!;
          let act = actScore(xa, actsB[k]!);
          // Two verbs of one family ("will embrace a comprehensive plan" / "unveiled the plan"): one act only as a plan
          // and its outcome, told done by a report of the same day or later.
          const kin = act === 0 && family(x, y);
          if (kin) act = KIN;
          if (act === 0 && !kin) continue;
          // Two named subjects that differ, neither named beside the other's act: two acts ("Stone was charged" /
          // "Gates pleaded"). Named beside it, one subject may be a name resolved to the wrong namesake.
          if (x.subject && y.subject && x.subject !== y.subject && !x.entities.has(y.subject) && !y.entities.has(x.subject)) continue;
          // An act denied towards someone the other clause does not name ("hasn't apologized to the young men" / "has
          // apologized for his behavior"): the denial is narrower than the act told done.
          if ([x, y].some((f, k) => f.towards?.size && ![...f.towards].some((w) => (k === 0 ? y : x).around.has(w)))) continue;
          // Acts done to two different things ("the admit card will be released" / "IBPS has released the result").
          if (x.theme?.size && y.theme?.size && ![...x.theme].some((t) => [...y.theme!].some((u) => t === u || related(t, u) >= 0.85))) continue;
          const s = clauseAffinity(x, y, weight) * act;
          const shared = [...x.entities].some((e) => y.entities.has(e));
          // One participant in common is enough for one act ("he is yet to be arrested" / "Kannan was arrested").
          // A blanket denial of the act ("police have made no arrests") speaks of the story's act wherever it is told
          // done ("Christians was taken into custody"), when it is the very act.
          const blanket = x.act === y.act && (x.blanket ? y.status === 'done' : y.blanket && x.status === 'done');
          // An event named by the same noun ("will hold a press conference" / "confirmed at a press conference") is
          // one event when its clauses share a word more.
          const event = x.act === y.act && events.has(x.act);
          // (A pair of one family stands on its clauses alone: no shared participant makes up for them.)
          if (kin) {
            // (Or on half of them when both say what the act is done to, and it is one thing: "will share the list" / "handed over lists".)
            const oneThing = !!x.theme?.size && !!y.theme?.size;
            if (s >= MIN || (oneThing && s >= MIN / 2)) pairs.push({ x, y, s });
          } else if (s >= MIN || ((shared || event) && s >= MIN / 2) || blanket) pairs.push({ x, y, s: Math.max(s, blanket ? MIN / 2 : 0) });
        }
        pairs.sort((p, q) => q.s - p.s);
        // Read from the side of the act not done (denied, not yet, planned): its closest counterpart in the other
        // article reports it done, and no about-as-close counterpart there shares its status.
        const seen = new Set<string>();
        const notDone = new Set<StatusFact>();
        for (const p of pairs) for (const f of [p.x, p.y]) if (f.status !== 'done') notDone.add(f);
        for (const f of notDone) {
          const mine = pairs.filter((p) => p.x === f || p.y === f);
          const best = mine[0];
          if (!best) continue;
          const counterpart = best.x === f ? best.y : best.x;
          if (counterpart.status !== 'done') continue;
          // A past verb after its subject ("Stone appeared") is too often another act of the same actor; it is read
          // only as the later report's outcome of a plan ("will embrace" / "unveiled on Wednesday").
          // The very act told done by a report of the same day or later ("is expected to plead guilty on Wednesday" /
          // "she pleaded guilty") is the plan's outcome too.
          // (A report of unknown date may be the later one: a plan and a done act of one family are read so.)
          const undated = !Number.isFinite(published(counterpart.article)) || !Number.isFinite(published(f.article));
          const oneFamily = families.get(f.act) !== undefined && families.get(f.act) === families.get(counterpart.act);
          const outcome =
            published(counterpart.article) > published(f.article) + 6 * 3600e3 ||
            (published(counterpart.article) >= published(f.article) && counterpart.act === f.act) ||
            (undated && oneFamily);
          if (counterpart.active && !(f.status === 'planned' && outcome)) continue;
          if (mine.some((p) => (p.x === f ? p.y : p.x).status === f.status && p.s >= 0.8 * best.s)) continue;
          const [x, y] = [f, counterpart];
          if (seen.has(`${x.article.id}:${x.act}`)) continue;
          seen.add(`${x.article.id}:${x.act}`);
          const [done, other] = x.status === 'done' ? [x, y] : [y, x];
          const later = published(done.article) > published(other.article) + 6 * 3600e3;
          const type = other.status === 'planned' ? 'modality' : 'negation';
          const td = done.article.text.slice(done.value.start, done.value.end);
          const to = other.article.text.slice(other.value.start, other.value.end);
          out.push({
            type,
            verdict: later ? 'update' : 'contradiction',
            sides: [other, done].map((f) => ({ article: f.article, value: f.value, context: f.context })),
            summary: later
              ? `Update: ${outletName(other.article)} had “${to}”; the later ${outletName(done.article)} reports “${td}”.`
              : `${type === 'modality' ? 'Done or not yet' : 'Done or not'}: ${outletName(other.article)} says “${to}”, ${outletName(done.article)} says “${td}”.`,
            salience: 0.8,
            subject: `act:${x.act}`,
            // Who does or undergoes the act on each side (story entities; null when not named), for the refiners.
            details: { subjects: [other.subject, done.subject], doneFrom: done.active ? 'subject' : done.agentOnly ? 'agent' : 'auxiliary' },
          });
        }
      }
    }
    return out;
  },
};
