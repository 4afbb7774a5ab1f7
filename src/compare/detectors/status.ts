import type { Article } from '../../model/document.js';
import { outletName } from '../evidence.js';
import type { StatusFact } from '../facts/index.js';
import { clauseAffinity } from './dates.js';
import type { Candidate, Detector } from './types.js';

function published(a: Article): number {
  return a.published ? Date.parse(a.published) : NaN;
}

const MIN = 1.0;

/**
 * One act reported done in one article and not done (denied, not yet, planned) in another: "was arrested" /
 * "is yet to be arrested"; "will be sent" / "were sent". The later report's done act is an update.
 */
export const statusDetector: Detector = {
  type: 'negation',
  name: 'status',
  detect({ articles, facts }) {
    const acts = new Map(articles.map((a) => [a.id, (facts.get(a.id) ?? []).filter((f): f is StatusFact => f.kind === 'status')]));
    const df = new Map<string, number>();
    let n = 0;
    for (const fs of acts.values()) for (const f of fs) {
      n++;
      for (const w of f.around) df.set(w, (df.get(w) ?? 0) + 1);
    }
    const weight = (w: string) => Math.max(0, Math.log((n + 1) / (df.get(w) ?? 1)) / Math.log(n + 1));
    const out: Candidate[] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const A = acts.get(articles[i]!.id)!;
        const B = acts.get(articles[j]!.id)!;
        const pairs: { x: StatusFact; y: StatusFact; s: number }[] = [];
        for (const x of A) for (const y of B) {
          if (x.act !== y.act) continue;
          const s = clauseAffinity(x, y, weight);
          if (s >= MIN) pairs.push({ x, y, s });
        }
        pairs.sort((p, q) => q.s - p.s);
        // Each act mention is read against its closest counterpart in the other article (both directions).
        const bestOf = new Map<StatusFact, { x: StatusFact; y: StatusFact; s: number }>();
        for (const p of pairs) {
          if (!bestOf.has(p.x)) bestOf.set(p.x, p);
          if (!bestOf.has(p.y)) bestOf.set(p.y, p);
        }
        const chosen = new Set([...bestOf.values()]);
        const seen = new Set<string>();
        for (const { x, y } of [...chosen].sort((p, q) => q.s - p.s)) {
          if (x.status === y.status || seen.has(x.act)) continue;
          if (x.status !== 'done' && y.status !== 'done') continue;
          // The counterparts' own best matches must not agree with them.
          const counterpart = (f: StatusFact) => {
            const p = bestOf.get(f)!;
            return p.x === f ? p.y : p.x;
          };
          if (counterpart(x) !== y && counterpart(x).status === x.status) continue;
          if (counterpart(y) !== x && counterpart(y).status === y.status) continue;
          seen.add(x.act);
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
          });
        }
      }
    }
    return out;
  },
};
