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
  const bySentence = new Map<number, WorkMention[]>();
  const add = (m: WorkMention) => {
    const s = view.sentenceOf[m.tokStart]!;
    const list = bySentence.get(s) ?? [];
    list.push(m);
    list.sort((a, b) => a.start - b.start);
    bySentence.set(s, list);
  };
  for (const m of mentions) add(m);
  const subject = (s: number): WorkMention | undefined => {
    const first = (bySentence.get(s) ?? []).find((m) => m.type !== 'MISC');
    return first && first.type === 'PER' ? first : undefined;
  };
  for (let i = 0; i < view.words.length; i++) {
    const w = view.words[i]!;
    if (!(w.toLowerCase() in gaz.words.pronouns)) continue;
    const s = view.sentenceOf[i]!;
    const opening = view.sentenceStartToken[s] === i;
    let antecedent: WorkMention | undefined;
    if (!opening) {
      antecedent = (bySentence.get(s) ?? []).find((m) => m.type === 'PER' && m.start < view.tokens[i]!.start);
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
