import type { Article, EntityMention } from '../../model/document.js';
import { lexicon } from '../../annotate/lexicon.js';
import { plainForms, type WordForms } from './words.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt, sentenceSpan } from './context.js';
import { conceptsOf } from './figures.js';
import { factLexicon } from './lexicon.js';
import { sortedMentions } from './events.js';
import type { StatusFact } from './types.js';
import { detectLanguage } from '../../lang/detect.js';
import { ruStatusFacts } from './status-ru.js';

/** Acts whose concept is "accuse" but which name a formal step ("charged", "indicted"), not a claim. */
const ACCUSE_ACTS = new Set(['charge', 'indict']);

/** Words a cue's scope passes over on its way to the act ("not yet been arrested", "will also share"). */
const PASS_OVER = new Set(['be', 'been', 'being', 'have', 'has', 'had', 'yet', 'ever', 'even', 'also', 'still', 'to', 'immediately', 'actually', 'formally', 'officially', 'now', 'then', 'later', 'soon', 'again', 'further', 'both', 'either', 'just', 'already']);

/** Auxiliaries between a negated noun phrase and its verb ("no charges have been filed"). */
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had']);

/** Cue words followed by these are fixed phrases, not a negation or a plan ("no doubt", "not only", "not guilty"). */
const IDIOMS = new Set(['doubt', 'only', 'just', 'matter', 'least', 'guilty', 'wonder', 'surprise', 'surprisingly', 'longer than', 'less', 'more', 'sooner']);

/** Determiner cues negate the noun phrase after them ("no arrests", "without injuries", "none were arrested"). */
const NOUN_CUES = new Set(['no', 'none', 'without', 'ahead of', 'prepares for', 'preparing for']);

/** Words before a negation that make it a hypothesis, advice or part of a charge rather than a status. */
const HEDGED_NEGATION = new Set(['would', 'could', 'might', 'should', 'may', 'must', 'better', 'of', 'for', 'if']);

/** Words that may lead an event noun ("a press conference", "the emergency meeting"). */
const EVENT_LEAD = /^(a|an|the|his|her|its|their|news|press|public|joint|special|emergency)$/;

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'who']);

const NOT_ADVERBS = new Set(['apply', 'supply', 'reply', 'rally', 'family', 'assembly', 'comply', 'multiply', 'italy', 'belly', 'bully', 'tally', 'ugly', 'holy', 'only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'likely', 'elderly']);

/** An adverb in -ly ("previously", "secretly"); not the verbs and nouns that end so ("apply", "rally"). */
function adverb(w: string): boolean {
  return w.length >= 5 && w.endsWith('ly') && !NOT_ADVERBS.has(w);
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A simple past form ("pleaded", "unveiled", "flew"): a regular -ed form or a listed irregular one. */
function pastForm(w: string, forms: WordForms): boolean {
  return (w.endsWith('ed') && forms.stem(w) !== w) || lexicon().irregular.has(w);
}

/** A past participle, regular or not ("arrested", "sent", "taken"); not plurals or gerunds. */
function participle(w: string, forms: WordForms): boolean {
  return forms.stem(w) !== w && !w.endsWith('s') && !w.endsWith('ing');
}

/**
 * The subject right before a verb at `at`: a person, organisation or place named there ("Jackson pleaded",
 * "Australia deployed"), a subject pronoun ("he unveiled") or a kin or title noun ("his wife pleaded"), with at
 * most one adverb between ("he later announced"). Null when the word before is anything else (a noun we cannot
 * tell from an adjective's head).
 */
function subjectBefore(article: Article, namesEndingAt: ReadonlyMap<number, EntityMention>, at: number): string | null {
  const lead = /(\S+)\s+(?:(\p{Ll}+ly|also|then|later|finally)\s+)?$/u.exec(article.text.slice(Math.max(0, at - 40), at));
  if (!lead) return null;
  const word = lead[1]!;
  if (SUBJECT_PRONOUNS.has(word.toLowerCase())) return word.toLowerCase();
  // "His wife later pleaded", "the governor signed": a kin or title noun names a person too.
  const lex = factLexicon();
  if (/^\p{Ll}+$/u.test(word) && (lex.kinRoles.has(word) || lex.titleHeads.has(word))) return word;
  const end = at - lead[0].length + word.length;
  const m = namesEndingAt.get(end);
  return m ? m.entity : null;
}

/**
 * The first (by start) person, organisation or place named in the article that ends at each offset, made once
 * per article: a past verb's subject is looked up at every such verb.
 */
function namesByEnd(article: Article): Map<number, EntityMention> {
  const out = new Map<number, EntityMention>();
  for (const e of sortedMentions(article)) if ((e.type === 'PER' || e.type === 'ORG' || e.type === 'LOC') && !out.has(e.end)) out.set(e.end, e);
  return out;
}

/** The article's words (letters and apostrophes), each with its lower case ('’' read as "'"). */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const re = /\p{L}[\p{L}'’]*/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lower = m[0].toLowerCase();
    words.push({ text: m[0], lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** Clause punctuation between two words ('.;:!?,"“”()—–'), read once for every gap: 1 after word k when its gap has some. */
function clauseBreaks(text: string, words: readonly Word[]): Uint8Array {
  const out = new Uint8Array(words.length);
  for (let k = 0; k + 1 < words.length; k++) {
    for (let c = words[k]!.end; c < words[k + 1]!.start; c++) {
      if (CLAUSE_PUNCTUATION.includes(text[c]!)) {
        out[k] = 1;
        break;
      }
    }
  }
  return out;
}
const CLAUSE_PUNCTUATION = '.;:!?,"“”()—–';

/** Whether a lower-case word (of four letters or more, no stop word) can name an act, kept for the process: a pure function of the word. */
const actWords = new Map<string, boolean>();
const MEMO_WORDS = 100_000;

/** Whether a word starts with a capital letter (the common ASCII case without a Unicode class test). */
function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Words around a span inside its sentence: `left` words before, `right` after. */
function window(article: Article, at: Word, left: number, right: number): string {
  const s = { start: sentenceSpan(article, at.start).start, end: sentenceSpan(article, at.end).end };
  const before = article.text.slice(s.start, at.start).split(/\s+/).slice(-left).join(' ');
  const after = article.text.slice(at.end, Math.max(at.end, s.end)).split(/\s+/).slice(0, right).join(' ');
  return `${before} ${after}`;
}

function entitiesNear(article: Article, at: number, toStory: (id: string) => string): Set<string> {
  const out = new Set<string>();
  for (const m of mentionsIn(sortedMentions(article), sentenceSpan(article, at))) if (m.type === 'PER' || m.type === 'ORG') out.add(toStory(m.entity));
  return out;
}

/**
 * Acts with a status, each read from the scope of its cue:
 * - negated: the verb after "not", "never", "yet to", "failed to" ("did not respond"), or the noun phrase after
 *   "no", "none", "without" and the participle it takes ("no formal charges have been filed", "none were
 *   arrested or detained");
 * - planned: the verb after "will", "expected to", "plans to" ("will be sent"), the noun after "ahead of";
 * - done: a participle after its auxiliary ("was arrested"), a participle with its agent ("sent by the
 *   Pentagon"), or a past verb right after its subject ("Jackson pleaded guilty").
 */
export function statusFacts(article: Article, toStory: (id: string) => string, forms: WordForms = plainForms): StatusFact[] {
  // Russian acts are read by their own cues (status-ru.ts).
  if (detectLanguage(article.text, article.language).language === 'ru') return ruStatusFacts(article, toStory);
  const text = article.text;
  const cues = factLexicon().statusCues;
  // Verbs too light to name an act ("made no arrests" names "arrest", not "make").
  const LIGHT = factLexicon().lightVerbs;
  const stop = lexicon().stopwords;
  const words = wordsOf(text);
  const namesEndingAt = namesByEnd(article);
  const n = words.length;
  // A clause ends between two words at punctuation (read once per gap: the scans below ask again and again).
  const breaks = clauseBreaks(text, words);
  const breakAfter = (k: number) => k + 1 >= n || breaks[k] === 1;
  // (Memoised per word: asked again and again by the scans below.)
  const actMemo = new Int8Array(n);
  const isAct = (k: number) => {
    if (actMemo[k] === 0) actMemo[k] = readAct(k) ? 1 : -1;
    return actMemo[k] === 1;
  };
  const readAct = (k: number) => {
    const w = words[k]!;
    if (w.lower.length < 4 || stop.has(w.lower) || capitalised(w.text)) return false;
    let act = actWords.get(w.lower);
    if (act === undefined) {
      const s = forms.stem(w.lower);
      const reporting = lexicon().reportingVerbs;
      act = !LIGHT.has(s) && !(LIGHT.has(forms.concept(w.lower)) && !ACCUSE_ACTS.has(s)) && !reporting.has(s) && !reporting.has(w.lower.endsWith('d') ? w.lower.replace(/e?d$/, '') : w.lower);
      if (actWords.size > MEMO_WORDS) actWords.clear();
      actWords.set(w.lower, act);
    }
    return act;
  };
  // The object of a light verb at `k` that names the act ("taken into custody": custody), or -1.
  const lightObject = (k: number): number => {
    for (let j = k + 1; j < Math.min(n, k + 4) && !breakAfter(j - 1); j++) {
      if (/^(into|in|under|up|out|the|a|an|his|her|their)$/.test(words[j]!.lower)) continue;
      if (!isAct(j)) return -1;
      // The head of the object's noun phrase ("made a public announcement": announcement).
      for (let k2 = 0; k2 < 2 && j + 1 < n && !breakAfter(j) && isAct(j + 1) && !words[j + 1]!.lower.endsWith('ing'); k2++) j++;
      return j;
    }
    return -1;
  };
  const eventNouns = factLexicon().eventNouns;
  // An event noun heading the object of the verb at `k` ("hold a press conference": conference), or -1.
  const eventObject = (k: number): number => {
    for (let j = k + 1; j < Math.min(n, k + 5) && !breakAfter(j - 1); j++) {
      if (eventNouns.has(forms.concept(words[j]!.lower))) return j;
      if (!EVENT_LEAD.test(words[j]!.lower)) return -1;
    }
    return -1;
  };
  // The head noun of the subject right before a verb at `k` ("the annual protest march in Hong Kong drew": march), or -1.
  const subjectHead = (k: number): number => {
    let from = k;
    while (from > 0 && k - from < 8 && !breakAfter(from - 1)) from--;
    let head = -1;
    for (let j = from; j < k; j++) {
      if (/^(in|on|at|of|for|with|from|by|through|across)$/.test(words[j]!.lower)) break;
      if (isAct(j)) head = j;
    }
    return head;
  };
  // (`at`: an event told done by what was done at it; who did that is not who held the event.)
  const status = new Map<number, { status: StatusFact['status']; cue: number; active?: boolean; blanket?: boolean; agent?: boolean; at?: boolean; towards?: string[] }>();
  const mark = (k: number, s: StatusFact['status'], cue: number) => {
    if (k < n && isAct(k) && !status.has(k)) status.set(k, { status: s, cue });
  };
  // The first act after a verbal cue, and the acts coordinated with it ("arrested or detained").
  const verbScope = (from: number, s: StatusFact['status'], cue: number) => {
    let j = from;
    while (j < n && (PASS_OVER.has(words[j]!.lower) || adverb(words[j]!.lower)) && !breakAfter(j)) j++;
    if (j < n && !isAct(j) && LIGHT.has(forms.stem(words[j]!.lower))) j = lightObject(j);
    if (j < 0 || j >= n || !isAct(j)) return;
    // "does not charge Stone with conspiring with WikiLeaks": the negation denies the complement, not the act.
    if (s === 'negated' && /^\s+(?:\S+\s+){1,4}with\s+(?!any\b|an?\b)\p{L}/u.test(text.slice(words[j]!.end, words[j]!.end + 60).split(/[.;:!?,]/)[0]!)) return;
    mark(j, s, cue);
    // "hasn't apologized to the young men involved": the negation denies the act towards them only.
    const to = s === 'negated' ? /^\s+to\s+(?:(?:the|a|an|his|her|their|its|all|any|those)\s+)?((?:\p{L}+\s+){0,2}\p{L}+)/u.exec(text.slice(words[j]!.end, words[j]!.end + 60).split(/[.;:!?,"“”()]/)[0]!) : null;
    if (to && status.get(j)?.cue === cue) status.get(j)!.towards = conceptsOf(to[1]!, forms);
    // "will hold a press conference": the event the act holds has the act's status.
    const event = eventObject(j);
    if (event >= 0) mark(event, s, cue);
    while (!breakAfter(j) && j + 2 < n && /^(or|and|nor)$/.test(words[j + 1]!.lower) && pastForm(words[j + 2]!.lower, forms)) mark((j += 2), s, cue);
  };
  // The noun phrase after a determiner cue, and the participle its verb takes ("no charges have been filed").
  const nounScope = (from: number, s: StatusFact['status'], cue: number) => {
    let j = from;
    while (j < n && /^(of|the|any|a|an|its|their|his|her|them|these|those)$/.test(words[j]!.lower) && !breakAfter(j)) j++;
    let last = j - 1;
    const heads: number[] = [];
    for (let k = 0; k < 5 && j < n && !stop.has(words[j]!.lower) && !AUX.has(words[j]!.lower); k++, j++) {
      mark(j, s, cue);
      last = j;
      if (breakAfter(j)) break;
      const next = words[j + 1]?.lower ?? '';
      // "without reports of injuries": the act is what is reported.
      if (LIGHT.has(forms.stem(words[j]!.lower)) && next === 'of') j++;
      // "no deaths or injuries": each head of a coordination.
      else if (/^(or|and|nor)$/.test(next) && j + 2 < n && !breakAfter(j + 1) && !stop.has(words[j + 2]!.lower)) (heads.push(j), j++);
    }
    if (last >= from) heads.push(last);
    // The heads of a short denial ("no arrests", "no formal charges", "no deaths or injuries") deny the story's act.
    if (s === 'negated' && last - from < 6) for (const h of heads) { const st = status.get(h); if (st && st.cue === cue) st.blanket = true; }
    if (breakAfter(last)) return;
    let k = last + 1;
    let aux = 0;
    while (k < n && AUX.has(words[k]!.lower) && !breakAfter(k - 1)) (k++, aux++);
    if (aux > 0 && k < n && !breakAfter(k - 1) && participle(words[k]!.lower, forms)) verbScope(k, s, cue);
  };
  // The cues by their first word, in list order (each word is tried against its few cues only).
  const cuesByFirst = factLexicon().statusCuesByFirst;
  for (let i = 0; i < n; i++) {
    const w = words[i]!.lower;
    // (Most words are no cue.)
    if (!cuesByFirst.has(w) && !w.endsWith("n't") && !w.endsWith("'ll")) continue;
    // "hasn't", "didn't": the negation is inside the word.
    const found: [number, StatusFact['status'], string][] = w.endsWith("n't") && !/^(?:would|could|should|might|must|need)n't$/.test(w) ? [[i, 'negated', "n't"]] : [];
    // "He'll make the announcement": the plan is inside the word.
    if (w.endsWith("'ll")) found.push([i, 'planned', 'will']);
    for (const [cue, s] of cuesByFirst.get(w) ?? []) {
      if (cue[0] === "n't" || !cue.every((c, k) => words[i + k]?.lower === c && (k === 0 || !breakAfter(i + k - 1)))) continue;
      found.push([i + cue.length - 1, s, cue.join(' ')]);
    }
    for (const [last, s, cue] of found) {
      if (breakAfter(last)) continue;
      const next = words[last + 1]!.lower;
      const next2 = `${next} ${words[last + 2]?.lower ?? ''}`;
      if (IDIOMS.has(next) || IDIOMS.has(next2)) continue;
      // "would not sign", "better not turn": a hypothesis or advice, not a status; "accused of not registering":
      // a negation inside someone's charge.
      if (s === 'negated' && i > 0 && !breakAfter(i - 1) && HEDGED_NEGATION.has(words[i - 1]!.lower)) continue;
      // A condition ("if the police does not arrest him") states no status.
      const clause = text.slice(Math.max(sentenceSpan(article, words[i]!.start).start, words[i]!.start - 60), words[i]!.start).split(/[.;:!?,"“”]/).pop()!;
      if (/\b(if|unless|whether)\b/i.test(clause)) continue;
      // "he would not sign anything without wall funding": a negation inside a hypothesis.
      if (s === 'negated' && /\b(would|could|might|should)\b/i.test(clause)) continue;
      // "is readying naval ships", "preparing troops": the readying is the planned act, done to what follows.
      if (s === 'planned' && last === i && /^(readying|preparing|prepares)$/.test(w) && !/^(to|for)$/.test(next)) {
        if (isAct(i) && !status.has(i)) status.set(i, { status: s, cue: i });
        continue;
      }
      if (NOUN_CUES.has(cue)) nounScope(last + 1, s, i);
      else if (cue === 'planned' && next !== 'to') nounScope(last + 1, s, i);
      else verbScope(last + 1, s, i);
    }
  }
  // Events told done by what was said or done at them ("Wray confirmed at a press conference").
  for (let i = 1; i < n; i++) {
    if (status.has(i) || !eventNouns.has(forms.concept(words[i]!.lower)) || !isAct(i)) continue;
    let k = i - 1;
    while (k > 0 && !breakAfter(k - 1) && EVENT_LEAD.test(words[k]!.lower)) k--;
    if (words[k]!.lower !== 'at' || k === 0 || breakAfter(k - 1)) continue;
    // A past verb right before "at" (at most one adverb between).
    const verb = adverb(words[k - 1]!.lower) && k > 1 && !breakAfter(k - 2) ? k - 2 : k - 1;
    if (pastForm(words[verb]!.lower, forms)) status.set(i, { status: 'done', cue: verb, active: true, at: true });
  }
  // Acts reported done.
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    // "was taken into custody", "were given bail": a light verb's act is its object.
    const light = !isAct(i) && participle(w.lower, forms) && LIGHT.has(forms.stem(w.lower)) ? lightObject(i) : -1;
    const act = light >= 0 ? light : i;
    if (status.has(act) || (light < 0 && !isAct(i))) continue;
    let done = false;
    let agent = false;
    if (participle(w.lower, forms)) {
      // "was arrested", "had been quietly indicted": an auxiliary at most three words before, in the clause.
      for (let k = i - 1; k >= Math.max(0, i - 4) && !breakAfter(k); k--) if (/^(was|were|been|has|have|had)$/.test(words[k]!.lower)) done = true;
      // "reinforcements sent by the Pentagon": a participle with its agent.
      if (!done && light < 0 && /^\s+by\s/.test(text.slice(w.end, w.end + 4))) done = agent = true;
    }
    if (done) status.set(act, { status: 'done', cue: i, agent });
    else if (light < 0 && pastForm(w.lower, forms)) {
      const before = words[i - 1]?.lower ?? '';
      const head = i > 0 && !breakAfter(i - 1) ? subjectHead(i - (AUX.has(before) ? 1 : 0)) : -1;
      const event = head >= 0 && factLexicon().eventNouns.has(forms.concept(words[head]!.lower)) && !status.has(head);
      // "This year's game is scheduled for Thursday night": an event planned.
      if (event && AUX.has(before) && /^(scheduled|planned|set|slated|due)$/.test(w.lower) && /^\s+(?:for|to)\b/.test(text.slice(w.end, w.end + 5))) status.set(head, { status: 'planned', cue: i - 1 });
      // "The annual protest march in Hong Kong drew a huge crowd": an event told done by what it did.
      else if (event && !AUX.has(before) && !participle(before, forms)) status.set(head, { status: 'done', cue: head });
      // "Jackson pleaded guilty", "he unveiled the plan": a past verb right after its subject.
      else if (!AUX.has(before) && subjectBefore(article, namesEndingAt, w.start) !== null) status.set(i, { status: 'done', cue: i, active: true });
    } else if (light >= 0 && !AUX.has(w.lower) && !lexicon().reportingVerbs.has(forms.stem(w.lower)) && pastForm(w.lower, forms) && !AUX.has(words[i - 1]?.lower ?? '') && subjectBefore(article, namesEndingAt, w.start) !== null) {
      // "Christie made a public announcement": a light verb's act, told done by its subject (not an auxiliary's
      // participle, "they were arrested", nor a telling, "told reporters").
      status.set(act, { status: 'done', cue: i, active: true });
    }
  }
  // Who does (or undergoes) the act: the name that ends right before the cue and auxiliaries.
  const allMentions = article.layers.entities ?? [];
  const subjectOf = (k: number): string | null => {
    while (k > 0 && !breakAfter(k - 1) && (AUX.has(words[k - 1]!.lower) || PASS_OVER.has(words[k - 1]!.lower) || adverb(words[k - 1]!.lower) || /^(not|never|will|yet|expected|is|are|set|due)$/.test(words[k - 1]!.lower) || words[k - 1]!.lower.endsWith("n't"))) k--;
    if (k === 0) return null;
    // "Jackson, who resigned from the council, is expected to plead": the subject stands before its relative clause.
    const sentenceStart = sentenceSpan(article, words[k]!.start).start;
    let lead = text.slice(sentenceStart, words[k]!.start);
    lead = lead.replace(/,\s*(?:who|which|whose)\b[^,;:.!?]*,\s*$/u, '');
    if (/[,;:"“”()—–]\s*$/.test(lead) || !/\S/.test(lead)) return null;
    const end = sentenceStart + lead.replace(/\s+$/, '').length;
    // A pronoun counts as no name: its antecedent is too often another person of the story.
    const m = allMentions.find((e) => e.end === end && (e.type === 'PER' || e.type === 'ORG'));
    return m && m.via !== 'pronoun' ? toStory(m.entity) : null;
  };
  const out: StatusFact[] = [];
  for (const [i, { status: s, cue, active, blanket, agent, at, towards }] of [...status.entries()].sort((a, b) => a[0] - b[0])) {
    const w = words[i]!;
    let st = s;
    // "set a goal to have 160 million adults fully vaccinated": the act of a goal is planned, not done.
    if (st === 'done' && /\b(goal|aim|aiming|target|plans?|hopes?|intends?)\s+(?:is\s+|was\s+)?to\b/i.test(text.slice(Math.max(sentenceSpan(article, w.start).start, w.start - 100), w.start))) st = 'planned';
    // The value runs from the cue (or the clause's start, at most five words back) to the act.
    let from = Math.min(cue, i);
    if (st === 'done') for (let k = i - 1; k >= Math.max(0, i - 5) && !breakAfter(k); k--) from = k;
    const value = { start: words[from]!.start, end: w.end };
    // What the act is done to: the subject of a passive ("the admit card ... will be released"), the object of an
    // active verb ("IBPS has released the preliminary result"); none for a denied noun ("no arrests").
    const theme = new Set<string>();
    const content = (k: number) => !stop.has(words[k]!.lower) && words[k]!.lower.length > 2 && !AUX.has(words[k]!.lower);
    // ("is readying ships": the readying is its own cue, and active: it is done to the ships.)
    const readying = cue === i && s === 'planned';
    if (readying || !/^(no|none|without|ahead|prepares|preparing|planned)$/.test(words[cue]!.lower)) {
      const passive = !readying && words.slice(Math.max(0, Math.min(cue, i) - 1), i).some((x) => /^(be|been|being|was|were|is|are)$/.test(x.lower));
      const PREPOSITION = /^(in|on|at|to|for|with|by|from|after|before|during|as|since|over|into|of|already)$/;
      if (passive) {
        // The subject noun phrase, from the clause's start (at most eight words back) to its first preposition.
        // (None when the cue opens the text: "will was ready for signing".)
        let k = Math.max(0, Math.min(cue, i) - 1);
        while (k > 0 && Math.min(cue, i) - k < 8 && !breakAfter(k - 1)) k--;
        for (; k < Math.min(cue, i) && !PREPOSITION.test(words[k]!.lower) && !AUX.has(words[k]!.lower); k++) if (content(k) && !/^(will|expected|set|due|yet|not)$/.test(words[k]!.lower)) theme.add(forms.concept(words[k]!.lower));
      } else {
        // (A particle of the verb is no preposition: "handed over lists of prisoners".)
        const from = i + 1 < n && !breakAfter(i) && /^(over|out|up|off|down|back)$/.test(words[i + 1]!.lower) ? i + 2 : i + 1;
        for (let k = from, taken = 0; k < n && taken < 4 && !breakAfter(k - 1) && !PREPOSITION.test(words[k]!.lower); k++, taken++) if (content(k)) theme.add(forms.concept(words[k]!.lower));
      }
    }
    out.push({
      kind: 'status',
      article,
      value,
      context: contextOf(article, value, FACT_CONTEXT),
      sentence: sentenceAt(article, w.start),
      act: forms.concept(w.lower),
      status: st,
      around: new Set(conceptsOf(window(article, w, 8, 10), forms)),
      entities: entitiesNear(article, w.start, toStory),
      subject: at ? null : subjectOf(Math.min(cue, i)),
      theme,
      active: active === true,
      blanket: blanket === true,
      agentOnly: agent === true,
      ...(towards?.length ? { towards: new Set(towards) } : {}),
    });
  }
  return out;
}
