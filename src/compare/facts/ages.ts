import type { Article, EntityMention } from '../../model/document.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt } from './context.js';
import { sortedMentions } from './events.js';
import { factLexicon } from './lexicon.js';
import type { AgeFact } from './types.js';
import { plainForms, type WordForms } from './words.js';
import { conceptsOf } from './figures.js';

/** The capitalised words (up to four) that end a stretch of text: the name before "(42)". Word by word, no backtracking. */
function nameBefore(before: string): string {
  const words = before.trimEnd().split(/\s+/).slice(-4);
  const name: string[] = [];
  for (let k = words.length - 1; k >= 0 && /^\p{Lu}[\p{L}'’.-]*$/u.test(words[k]!); k--) name.unshift(words[k]!);
  return name.join(' ');
}

function roleOf(words: string): string | null {
  const lex = factLexicon();
  for (const w of words.toLowerCase().match(/\p{L}+/gu) ?? []) if (lex.kinRoles.has(w)) return lex.sameRole.get(w) ?? w;
  return null;
}

function nameWords(s: string): string[] {
  return (s.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 1);
}

/**
 * Ages an article gives, with the person they belong to: "Ajay Pathak (42)", "Harris, 30, of Flatbush",
 * "a 38-year-old Coon Rapids man", "14-year-old Bhagwad", "aged 39".
 */
export function ageFacts(article: Article, toStory: (id: string) => string, forms: WordForms = plainForms): AgeFact[] {
  const text = article.text;
  const mentions = sortedMentions(article);
  const endingAt = (pos: number): EntityMention | undefined => mentionsIn(mentions, { start: pos - 120, end: pos }).find((m) => m.type === 'PER' && pos - m.end <= 2);
  const startingAt = (pos: number): EntityMention | undefined => mentionsIn(mentions, { start: pos, end: pos + 120 }).find((m) => m.type === 'PER' && m.start - pos <= 2);
  const out: AgeFact[] = [];
  // What the person did or underwent: the words after the age to the sentence's end (at most 160 characters), and a few before.
  const actAround = (value: { start: number; end: number }) => {
    const sentence = article.layers.sentences?.[sentenceAt(article, value.start)] ?? { start: 0, end: text.length };
    return new Set(conceptsOf(text.slice(Math.max(sentence.start, value.start - 60), Math.min(sentence.end, value.end + 160)), forms));
  };
  const push = (age: number, value: { start: number; end: number }, person: EntityMention | undefined, nameText: string, roleText: string, described?: string) => {
    if (!(age > 0 && age < 120)) return;
    const names = person ? nameWords(text.slice(person.start, person.end)) : nameWords(nameText);
    const role = described ?? roleOf(roleText);
    if (names.length === 0 && !role) return;
    out.push({
      kind: 'age',
      article,
      value,
      context: contextOf(article, value, FACT_CONTEXT),
      sentence: sentenceAt(article, value.start),
      age,
      names,
      entity: person ? toStory(person.entity) : null,
      role,
      around: actAround(value),
    });
  };
  // "Name (42)", "Name, 42," and "Name, aged 42".
  for (const m of text.matchAll(/(\(\s*(\d{1,3})\s*\))|(,\s*(?:aged\s+)?(\d{1,2})\s*,)/g)) {
    const age = Number(m[2] ?? m[4]);
    const digits = m.index + m[0].indexOf(m[2] ?? m[4]!);
    const value = { start: digits, end: digits + (m[2] ?? m[4])!.length };
    const person = endingAt(m.index);
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const name = person ? '' : nameBefore(before);
    if (!person && !name) {
      // "Homeless woman, 42, yells ...": a person described, not named (read by what the sentence says they did).
      const described = /(?:^|[\s(])([\p{L}]+)\s*$/u.exec(before)?.[1]?.toLowerCase();
      if (described && factLexicon().describedPeople.has(described) && m[4]) push(age, value, undefined, '', '', described);
      continue;
    }
    const lead = text.slice(Math.max(0, (person?.start ?? m.index - name.length) - 20), person?.start ?? m.index - name.length);
    push(age, value, person, name, lead.split(/\s+/).slice(-2).join(' '));
  }
  // "a 38-year-old man", "14-year-old Bhagwad", "the 10-year-old missing son of ...".
  for (const m of text.matchAll(/\b(\d{1,3})[-\s]years?[-\s]old\b/gi)) {
    const value = { start: m.index, end: m.index + m[1]!.length };
    const after = m.index + m[0].length;
    const person = startingAt(after + 1);
    const next = text.slice(after, after + 40).split(/[,.;:()]/)[0] ?? '';
    // Only a resolved person names the subject here: capitalised words after the age are as often adjectives ("Jewish", "Coon Rapids man").
    const name = '';
    push(Number(m[1]), value, person, name, next.split(/\s+/).slice(0, 4).join(' '));
  }
  return out;
}
