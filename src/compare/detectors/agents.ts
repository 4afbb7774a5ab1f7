import { outletName } from '../evidence.js';
import type { StatusFact } from '../facts/index.js';
import { factLexicon } from '../facts/lexicon.js';
import { sentenceSpan } from '../facts/context.js';
import type { Candidate, Detector } from './types.js';

/** Words that end an agent's noun phrase ("by a magistrate at the hospital"). */
const PHRASE_END = /^(at|in|on|for|to|from|with|after|before|during|and|or|who|which|that|while|as|of)$/;

/** How many words before a done act its subject's title may stand ("a constable M Mounika recorded"). */
const SUBJECT_WORDS = 5;

/** The office of whoever did a done act: a title noun of its agent ("recorded by a magistrate") or of its subject ("a constable M Mounika recorded"). */
export function agentOffice(f: StatusFact): { office: string; start: number; end: number } | null {
  if (f.status !== 'done') return null;
  const heads = factLexicon().titleHeads;
  const text = f.article.text;
  const office = (words: RegExpMatchArray[], base: number) => {
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]![0].toLowerCase();
      if (heads.has(w)) return { office: w, start: base + words[k]!.index!, end: base + words[k]!.index! + w.length };
    }
    return null;
  };
  // "was recorded by a magistrate": the agent after "by", to the end of its noun phrase.
  const by = /^\s+by\s+/.exec(text.slice(f.value.end, f.value.end + 8));
  if (by) {
    const base = f.value.end + by[0].length;
    const words: RegExpMatchArray[] = [];
    for (const m of text.slice(base, base + 60).matchAll(/[\p{L}.'’-]+|[,;:!?()"“”]/gu)) {
      if (!/^\p{L}/u.test(m[0]) || PHRASE_END.test(m[0]) || words.length >= 5) break;
      words.push(m);
    }
    return office(words, base);
  }
  if (!f.active) return null;
  // "a constable M Mounika recorded": a title among the few words right before the act, in its clause.
  const sentenceStart = sentenceSpan(f.article, f.value.start).start;
  const actStart = text.lastIndexOf(' ', f.value.end - 1) + 1;
  const lead = text.slice(Math.max(sentenceStart, actStart - 60), actStart);
  const clause = lead.split(/[,;:!?()"“”]/).pop()!;
  const base = actStart - clause.length;
  const words = [...clause.matchAll(/[\p{L}.'’-]+/gu)].slice(-SUBJECT_WORDS);
  return office(words, base);
}

/**
 * One act done by two people of different offices: "Lokeshwari's dying declaration was recorded by a magistrate" /
 * "a constable M Mounika recorded Lokeshwari's statement". The same act done to the same thing (a word of its
 * object in common), each report naming another office for who did it and never naming the other's.
 */
export const agentDetector: Detector = {
  type: 'entity',
  name: 'agents',
  detect({ articles, facts, related }) {
    const done = articles.map((a) =>
      (facts.get(a.id) ?? [])
        .filter((f): f is StatusFact => f.kind === 'status' && f.status === 'done' && !!f.theme?.size)
        .map((f) => ({ f, agent: agentOffice(f) }))
        .filter((x): x is { f: StatusFact; agent: NonNullable<ReturnType<typeof agentOffice>> } => x.agent !== null),
    );
    const out: Candidate[] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const seen = new Set<string>();
        for (const x of done[i]!) for (const y of done[j]!) {
          if (x.f.act !== y.f.act || seen.has(x.f.act)) continue;
          const [ox, oy] = [x.agent.office, y.agent.office];
          // Offices of one person told two ways ("officer" / "sergeant") are no disagreement.
          if (ox === oy || related(ox, oy) >= 0.5) continue;
          if (![...x.f.theme!].some((t) => y.f.theme!.has(t))) continue;
          // A report that names the other's office anywhere may tell both (the constable took it, the magistrate signed).
          const names = (text: string, w: string) => new RegExp(`\\b${w}s?\\b`, 'i').test(text);
          if (names(articles[i]!.text, oy) || names(articles[j]!.text, ox)) continue;
          seen.add(x.f.act);
          const sides = [x, y].map(({ f, agent }) => {
            const value = { start: Math.min(f.value.start, agent.start), end: Math.max(f.value.end, agent.end) };
            return { article: f.article, value, context: f.context };
          });
          const tx = x.f.article.text.slice(sides[0]!.value.start, sides[0]!.value.end);
          const ty = y.f.article.text.slice(sides[1]!.value.start, sides[1]!.value.end);
          out.push({
            type: 'entity',
            verdict: 'contradiction',
            sides,
            summary: `Who did it: ${outletName(x.f.article)} says “${tx}”, ${outletName(y.f.article)} says “${ty}”.`,
            salience: 0.75,
            subject: `agent:${x.f.act}`,
          });
        }
      }
    }
    return out;
  },
};
