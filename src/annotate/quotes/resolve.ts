import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import type { EntityMention, Quote } from '../../model/document.js';

/**
 * Who a quote's speaker is, for a reader: pronouns and relative pronouns resolved to the named speaker
 * ("he" -> Vladimir Putin, "Sanders, who said" -> Sanders), and the speakers no reader should see named:
 * a place ("Kentucky"), a quantifier ("Many", "46 percent"), a clause ("were", "the complaint against"),
 * or a pronoun the article gives no name for.
 */
export type SpeakerProblem = 'place' | 'quantifier' | 'clause' | 'pronoun';

const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'we', 'they', 'you', 'it', 'who', 'which', 'that', 'whom', 'this', 'these', 'those', 'one', 'me', 'us', 'them']);
const QUANTIFIERS = new Set(['many', 'some', 'others', 'other', 'another', 'one', 'most', 'few', 'several', 'both', 'all', 'none', 'each', 'either', 'neither', 'least', 'more', 'much', 'any', 'half', 'percent', 'per', 'cent', 'majority', 'minority', 'dozens', 'hundreds', 'thousands', 'millions', 'even', 'everyone', 'everybody', 'someone', 'somebody', 'anyone', 'nobody', 'no']);
/** Words no speaker phrase ends with, or holds: verbs and auxiliaries, prepositions, conjunctions. */
const CLAUSE_WORDS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'not', 'rejects', 'says', 'said']);
const ENDS_NO_PHRASE = new Set(['against', 'of', 'by', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'about', 'the', 'a', 'an', 'and', 'or', 'but', 'sometimes', 'also', 'than', 'as', 'that', 'if', 'when', 'while']);

/** Last words that make a phrase a time, not a speaker ("a week ago", "last year", "the same time"). */
const TIME_HEADS = new Set(['time', 'times', 'year', 'years', 'week', 'weeks', 'month', 'months', 'day', 'days', 'ago', 'today', 'yesterday', 'tonight', 'night', 'morning', 'evening', 'afternoon', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'elsewhere', 'here', 'there', 'over', 'such', 'despite', 'needless', 'nevertheless']);
/** Verbs in the past or present that can stand inside a clause read as a speaker ("Trump went on to pull"). */
const VERB_FORMS = new Set(['went', 'took', 'began', 'came', 'gave', 'made', 'grabs', 'faces', 'includes', 'follows', 'hope', 'hopes', 'see', 'reduce', 'resist', 'announce', 'preserve', 'deflect', 'pull', 'took', 'get', 'gets', 'got', 'make', 'makes', 'take', 'takes', 'want', 'wants', 'need', 'needs', 'seems', 'seem', 'plans', 'tried', 'tries']);
/** Single lower-case words that name who speaks without a determiner ("police said", "officials said"). */
const BARE_SPEAKERS = new Set(['police', 'people', 'staff', 'management', 'security', 'military', 'government', 'congress', 'parliament', 'media', 'press', 'everyone', 'nobody']);

const NOUNS_LIKE_ADJECTIVES = new Set(['official', 'rival', 'general', 'criminal', 'editorial', 'individual', 'tribunal', 'hospital', 'professional', 'critic', 'executive', 'representative', 'detective', 'relative', 'conservative', 'liberal', 'radical', 'principal', 'journal', 'cardinal', 'original', 'capital', 'arsenal', 'animal', 'manual', 'periodical', 'mechanic', 'clinic', 'republic', 'public', 'objective', 'initiative', 'native', 'operative', 'collective', 'directive', 'national', 'international', 'municipal', 'marshal', 'admiral', 'council', 'mogul', 'festival', 'proposal', 'approval', 'referral', 'survival', 'arrival', 'withdrawal', 'appeal', 'deal', 'chief']);

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}’'-]+/u).filter((w) => w.length > 0);
}

/** What is wrong with a speaker phrase as written (before resolution), or null. */
export function speakerPhraseProblem(mention: string): SpeakerProblem | null {
  const ws = words(mention);
  if (ws.length === 0) return 'clause';
  const last = ws[ws.length - 1]!;
  if (ws.length === 1 && PRONOUNS.has(last)) return 'pronoun';
  if (QUANTIFIERS.has(last) || /^\d/.test(last) || (ws.length <= 2 && QUANTIFIERS.has(ws[0]!) && (ws.length === 1 || QUANTIFIERS.has(last)))) return 'quantifier';
  if (ws.some((w) => CLAUSE_WORDS.has(w) || VERB_FORMS.has(w) || w === 'to') || ENDS_NO_PHRASE.has(last) || TIME_HEADS.has(last)) return 'clause';
  if (/--|—|–/.test(mention) || /[’']s?$/.test(mention.trim())) return 'clause';
  // One lower-case word with no determiner: a plural or a collective ("officials", "police"), else a verb or
  // an odd noun ("reduce", "took", "election").
  // Cut before its noun: "a report by a nonpartisan congressional".
  if (ws.length > 1 && /(?:al|ic|ive|ous|ful)$/.test(last) && !NOUNS_LIKE_ADJECTIVES.has(last)) return 'clause';
  const t = mention.trim();
  if (ws.length === 1 && t === t.toLowerCase() && !last.endsWith('s') && !BARE_SPEAKERS.has(last)) return 'clause';
  return null;
}

/** The entity a mention stands for (metonymy first). */
const entityOf = (m: EntityMention): string => m.standsFor ?? m.entity;

/** The last mention ending at or before `offset` (mentions sorted by start). */
function lastBefore(mentions: readonly EntityMention[], offset: number, accept: (m: EntityMention) => boolean): EntityMention | null {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end <= offset && accept(m)) return m;
  }
  return null;
}

/**
 * Resolves pronoun speakers in place and returns, per quote, what is still wrong with its speaker (null when
 * nothing). "he"/"she": the last person named before it within `window` characters, preferring the speaker
 * of the previous quote; "who"/"which": the name right before it (", who"); a place is never a speaker.
 */
/** A title as written in a speaker phrase and the forms it takes in front of a name ("the senator" = "Sen."). */
const TITLE_FORMS: Record<string, string[]> = {
  senator: ['senator', 'sen.', 'sen'],
  governor: ['governor', 'gov.', 'gov'],
  congressman: ['congressman', 'rep.', 'rep', 'representative'],
  congresswoman: ['congresswoman', 'rep.', 'rep', 'representative'],
  lawmaker: ['rep.', 'rep', 'sen.', 'sen', 'senator', 'representative', 'congressman', 'congresswoman'],
  president: ['president'],
  minister: ['minister'],
  mayor: ['mayor'],
  secretary: ['secretary', 'sec.'],
  chancellor: ['chancellor'],
  speaker: ['speaker'],
  judge: ['judge', 'justice'],
  general: ['general', 'gen.'],
  attorney: ['attorney'],
};

/** "the senator", "The Democratic senator", "the former governor": the title word, when the phrase is one. */
function titleOf(mention: string): string | null {
  const m = /^the\s+(?:(?:former|then|new|[A-Z][\w.-]*)\s+){0,2}(\p{L}+)$/iu.exec(mention.trim());
  const t = m?.[1]?.toLowerCase();
  return t && TITLE_FORMS[t] ? t : null;
}

const TRIM_AT = new Set(['in', 'on', 'at', 'last', 'this', 'nevertheless', 'also', 'however', 'during', 'after', 'before', 'earlier', 'later', 'yesterday', 'today', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'began', 'went']);

/**
 * "Perry in the new ad", "Obama last year", "Mr. LePage nevertheless": a speaker phrase that runs past the name
 * into an adjunct is cut before it (the offset where the name ends), or null when there is nothing to cut.
 */
export function nameBeforeAdjunct(text: string, start: number, end: number): number | null {
  const re = /[\p{L}\p{N}’'.-]+/gu;
  const s = text.slice(start, end);
  let sawName = false;
  let lastEnd = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const w = m[0];
    if (sawName && TRIM_AT.has(w.toLowerCase()) && w === w.toLowerCase()) return start + lastEnd;
    if (/^\p{Lu}/u.test(w)) sawName = true;
    lastEnd = m.index + w.length;
  }
  return null;
}

let states: Set<string> | null = null;
/** US states (data/gazetteers/us-states.json): the tagger reads "Kentucky reported" as an organisation. */
function stateNames(): Set<string> {
  if (!states) states = new Set((JSON.parse(readFileSync(join(repoRoot(), 'data', 'gazetteers', 'us-states.json'), 'utf8')) as { states: string[] }).states.map((x) => x.toLowerCase()));
  return states;
}

export function resolveSpeakers(text: string, quotes: Quote[], mentions: readonly EntityMention[], entities: readonly { id: string; type: string }[] = [], window = 1200): (SpeakerProblem | null)[] {
  const typeOf = new Map<string, string>();
  for (const e of entities) typeOf.set(e.id, e.type);
  const roleOf = new Map<string, string>();
  for (const e of entities as readonly { id: string; role?: string }[]) if (e.role) roleOf.set(e.id, e.role.toLowerCase());
  for (const m of mentions) if (!typeOf.has(m.entity)) typeOf.set(m.entity, m.type);
  const named = (m: EntityMention) => m.via !== 'pronoun';
  let previousPerson: { entity: string; end: number } | null = null;
  const out: (SpeakerProblem | null)[] = [];
  for (const q of quotes) {
    const sm = q.speakerMention;
    let problem: SpeakerProblem | null = null;
    if (sm && !q.speaker) {
      const cut = nameBeforeAdjunct(text, sm.start, sm.end);
      if (cut !== null) {
        const trimmed = { start: sm.start, end: cut, text: text.slice(sm.start, cut) };
        q.speakerMention = trimmed;
        const m = lastBefore(mentions, cut + 1, (x) => x.end === cut && x.start >= sm.start);
        if (m) q.speaker = entityOf(m);
      }
    }
    if (q.speakerMention) {
      const sm = q.speakerMention;
      const lw = sm.text.trim().toLowerCase();
      if (!q.speaker && RELATIVE.has(lw)) {
        // ", who said": the name before the comma.
        const m = lastBefore(mentions, sm.start, named);
        if (m && /^[\s,]*$/.test(text.slice(m.end, sm.start)) && sm.start - m.end <= 3) q.speaker = entityOf(m);
      } else if (!q.speaker && titleOf(sm.text)) {
        // "The senator said": the last person named with that title ("Sen. Susan Collins").
        const forms = TITLE_FORMS[titleOf(sm.text)!]!;
        const hasTitle = (x: EntityMention) => {
          const role = (x.role ?? roleOf.get(x.entity) ?? '').toLowerCase();
          return role !== '' && forms.some((f) => role.split(/\s+/).includes(f));
        };
        const m = lastBefore(mentions, sm.start, (x) => named(x) && x.type === 'PER' && hasTitle(x) && sm.start - x.end <= window * 2);
        if (m) q.speaker = entityOf(m);
      } else if (!q.speaker && PERSONAL.has(lw)) {
        const m = lastBefore(mentions, sm.start, (x) => named(x) && x.type === 'PER' && sm.start - x.end <= window);
        // The previous quote's speaker, when no other person was named since.
        if (previousPerson && sm.start - previousPerson.end <= window && (!m || m.end <= previousPerson.end || m.entity === previousPerson.entity)) q.speaker = previousPerson.entity;
        else if (m) q.speaker = entityOf(m);
      }
      if (stateNames().has(lw.replace(/^the\s+/, '').replace(/[’']s?$/, ''))) {
        problem = 'place';
      } else if (q.speaker) {
        const t = typeOf.get(q.speaker);
        // A bare place ("Kentucky said"); "Kyrgyzstan’s presidential administration" has an organisation head.
        if (t === 'LOC' && q.speakerKind !== 'organisation' && q.speakerKind !== 'document' && !/^(?:mr|mrs|ms|dr|sen|rep|gov)\b/i.test(sm.text)) problem = 'place';
      } else {
        problem = speakerPhraseProblem(sm.text);
      }
      if (q.speaker && !problem && typeOf.get(q.speaker) === 'PER') {
        previousPerson = { entity: q.speaker, end: q.end };
        if (q.speakerKind === 'unknown') q.speakerKind = 'person';
      }
    }
    out.push(problem);
  }
  return out;
}
