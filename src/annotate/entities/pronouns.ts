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
  // One pass over the tokens, with the mentions (sorted by start) merged in.
  const out: WorkMention[] = [];
  // Own keys only ('constructor' is no pronoun).
  const pronouns = new Set(Object.keys(gaz.words.pronouns));
  let next = 0;
  let sentence = -1;
  let subjectPrev: WorkMention | undefined; // first non-MISC mention of the previous sentence, if a person
  let firstHere: WorkMention | undefined; // first non-MISC mention of this sentence
  let firstPersonHere: WorkMention | undefined;
  const note = (m: WorkMention) => {
    if (m.type !== 'MISC' && !firstHere) firstHere = m;
    if (m.type === 'PER' && !firstPersonHere) firstPersonHere = m;
  };
  for (let i = 0; i < view.words.length; i++) {
    const s = view.sentenceOf[i]!;
    if (s !== sentence) {
      subjectPrev = s === sentence + 1 && firstHere?.type === 'PER' ? firstHere : undefined;
      sentence = s;
      firstHere = undefined;
      firstPersonHere = undefined;
    }
    const t = view.tokens[i]!;
    while (next < mentions.length && mentions[next]!.start < t.end) note(mentions[next++]!);
    if (!pronouns.has(view.lower[i]!)) continue;
    const opening = view.sentenceStartToken[s] === i;
    const antecedent = (!opening ? firstPersonHere : undefined) ?? subjectPrev;
    if (!antecedent) continue;
    const m: WorkMention = { start: t.start, end: t.end, tokStart: i, tokEnd: i + 1, type: 'PER', entity: antecedent.entity, via: 'pronoun' };
    out.push(m);
    note(m);
  }
  return out;
}
