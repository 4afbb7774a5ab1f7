import type { DocView } from './doc-view.js';
import type { Gazetteer } from './gazetteer.js';
import type { WorkMention } from './resolve-article.js';

/**
 * Clear third-person pronouns only: a "He"/"She"/"His" opening a sentence refers to the person who is
 * the subject (first mention) of the previous sentence; a pronoun inside a sentence ("..., he said")
 * to the first person of its own sentence, or else of the previous one. Nothing when that first
 * mention is not a person.
 */
export function resolvePronouns(view: DocView, gaz: Gazetteer, mentions: WorkMention[]): WorkMention[] {
  const out: WorkMention[] = [];
  // Only the earliest person and the earliest non-MISC mention of each sentence are ever asked for: keep
  // just those (sorting a growing list on every add was quadratic on a long sentence full of names).
  const firstPerson = new Map<number, WorkMention>();
  const firstNamed = new Map<number, WorkMention>();
  const add = (m: WorkMention) => {
    const s = view.sentenceOf[m.tokStart]!;
    const earliest = (map: Map<number, WorkMention>) => {
      const cur = map.get(s);
      if (!cur || m.start < cur.start) map.set(s, m);
    };
    if (m.type === 'PER') earliest(firstPerson);
    if (m.type !== 'MISC') earliest(firstNamed);
  };
  for (const m of mentions) add(m);
  const subject = (s: number): WorkMention | undefined => {
    const first = firstNamed.get(s);
    return first && first.type === 'PER' ? first : undefined;
  };
  for (let i = 0; i < view.words.length; i++) {
    const w = view.words[i]!;
    if (!(w.toLowerCase() in gaz.words.pronouns)) continue;
    const s = view.sentenceOf[i]!;
    const opening = view.sentenceStartToken[s] === i;
    let antecedent: WorkMention | undefined;
    if (!opening) {
      const first = firstPerson.get(s);
      antecedent = first && first.start < view.tokens[i]!.start ? first : undefined;
    }
    if (!antecedent && s > 0) antecedent = subject(s - 1);
    if (!antecedent) continue;
    const t = view.tokens[i]!;
    const m: WorkMention = { start: t.start, end: t.end, tokStart: i, tokEnd: i + 1, type: 'PER', entity: antecedent.entity, via: 'pronoun' };
    out.push(m);
    add(m);
  }
  return out;
}
