// Paragraph-level boilerplate classifier for plain text (no markup to help).
//
// Each paragraph gets cues (second-person address, first-person plural outside quotes, imperatives, calls
// to donate/subscribe/support, link-like lines, short interface lines, cookie/share wording); from them a
// kind and a strength. Strong paragraphs are boilerplate wherever they stand; weak ones (the "we"/"you"
// prose of an appeal) go only inside a block that runs to the end of the text and holds a strong one.
// No outlet names and no outlet-specific strings: only the language such appeals are written in.

export type BoilerplateKind = 'appeal' | 'newsletter' | 'related' | 'share' | 'cookie' | 'ui' | 'footer' | 'credit';

export interface ParagraphCues {
  words: number;
  sentences: number;
  secondPerson: number;
  firstPlural: number;
  /** A sentence starts with a verb of the kind pages use on readers ("Subscribe", "Click", "Support"). */
  imperative: boolean;
  /** Sentences that ask the reader to give, subscribe or support (a call word with an address). */
  calls: number;
  /** Sentences that ask the reader to sign up for a newsletter. */
  newsletter: number;
  salutation: boolean;
  /** A short line ending in a colon ("A message from the editors:"), which introduces what follows. */
  header: boolean;
  uiLine: boolean;
  linkLike: boolean;
  cookie: boolean;
  share: boolean;
  footer: boolean;
  /** "Reporting by ...; Editing by ...", photo credits. */
  credit: boolean;
}

export interface ParagraphVerdict {
  kind: BoilerplateKind | null;
  /** strong: boilerplate on its own; weak: boilerplate only inside an appeal block; none: content. */
  strength: 'strong' | 'weak' | 'none';
  /** Opens a block (salutation, introducing header). */
  opener: boolean;
  cues: ParagraphCues;
}

const SECOND = /\b(you|your|yours|yourself|you're|you've|you'll|you’re|you’ve|you’ll)\b/gi;
// Case matters: "US" is a country, and "Our Principles" mid-sentence is a name.
const FIRST_PLURAL = /(?:^|[^\p{L}])(?:we|our|ours|us|We|Our|Ours|we're|we've|we'll|we’re|we’ve|we’ll|We're|We’re)(?![\p{L}])/gu;
const IMPERATIVE_START =
  /^(please\s+)?(subscribe|donate|support|sign\s+up|sign\s+in|log\s+in|join|become|click|tap|follow|share|register|download|give|contribute|consider|chip\s+in|make\s+a|get\s+(?:the|our|your|unlimited|full|access)|visit|learn\s+more|find\s+out|discover|try|start|stay|don['’]t\s+miss|read\s+(?:more|also|next)|see\s+also|watch|listen|accept|manage|enter|continue\s+reading|upgrade|unlock|help\s+us|tell\s+us|send\s+us|email\s+us|write\s+to\s+us|thank\s+you)\b/i;
// Words of giving and subscribing. Alone they are news vocabulary too ("donations to the campaign"); they
// count only in a sentence that also addresses the reader.
const CALLS =
  /\b(donat(?:e|es|ing|ion|ions)|contribut(?:e|ion|ions)|support\s+(?:us|our|independent|quality|the\s+work)|supporting\s+(?:us|our|independent)|your\s+(?:support|help|donation|contribution|gift|subscription)|need\s+your|subscrib(?:e|ing)|membership|become\s+a\s+(?:member|patron|supporter|subscriber)|paywall|independent\s+journalism|reader[-\s]funded|make\s+a\s+(?:gift|donation|contribution)|one[-\s]time\s+(?:gift|payment)|monthly\s+(?:gift|donation)|patreon|paypal|crowdfunding|every\s+(?:contribution|dollar|donation)|unlimited\s+access|free\s+trial|premium\s+(?:content|access)|support\s+(?:our|this)\s+(?:work|journalism|reporting|newsroom))\b/gi;
// The outlet naming itself as the one to support ("help us", "our journalism").
const OUTLET_SELF = /\b(support|help|join|fund|back)\s+us\b|\bour\s+(work|journalism|reporting|newsroom|journalists|reporters|mission|coverage|website|site|newsletter|podcast)\b/i;
const NEWSLETTER = /\b(newsletters?|inbox|mailing\s+list|daily\s+briefing|delivered\s+to\s+you|unsubscribe|e-?mail\s+updates|e-?mail\s+address)\b/i;
const SIGN_UP_START = /^(please\s+)?(sign\s+up|subscribe|register)\b/i;
const NEWSLETTER_ASK = /\b(sign\s+up|subscribe|enter\s+your\s+e-?mail|your\s+e-?mail\s+address)\b|\b(want|like)\b[^.?!]{0,300}\?/i; // bounded: unbounded it is quadratic on long paragraphs full of "like"
const SALUTATION = /^(dear|hello|hi|to\s+our)\s+(readers?|friends?|subscribers?|visitors?|supporters?|members?|user)\b/i;
const UI_LINE =
  /^(remind\s+me\s+later|maybe\s+later|not\s+now|no,?\s+thanks?|no\s+thank\s+you|close|dismiss|skip|got\s+it|ok(?:ay)?|i\s+agree|agree|accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?|manage\s+(?:settings|preferences|cookies)|cookie\s+settings|advertisement|advertising|sponsored(?:\s+content)?|ad|continue(?:\s+reading)?|load\s+more|show\s+more|show\s+less|read\s+more|see\s+more|more\s+stories|subscribe(?:\s+now)?|donate(?:\s+now|\s+today)?|support\s+us|log\s*in|sign\s*in|sign\s*up|register|print|comments?|\d+\s+comments?|leave\s+a\s+(?:comment|reply)|back\s+to\s+top|scroll\s+to\s+top|skip\s+to\s+(?:main\s+)?content|toggle\s+navigation|menu|search|previous|next|previous\s+article|next\s+article)[\s.!:>»›→]*$/i;
const LINK_LIKE =
  /^(read\s+(?:more|also|next|the\s+full\s+story)|related(?:\s+(?:articles?|stories|coverage|content|reading|news))?|see\s+also|more\s+(?:on\s+this|from|stories|news|coverage|reading)|also\s+read|you\s+may\s+also\s+like|you\s+might\s+also\s+like|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|watch|listen|further\s+reading|click\s+here|top\s+stories|latest\s+(?:news|stories))\b\s*[:\-–—|>»›→]/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT = /\b(consent|accept|privacy|settings|preferences|browsing|experience|policy|partners|agree|personali[sz]e|tracking)\b/i;
const SHARE_WORDS =
  /^(?:(?:share(?:\s+(?:this|on|via|the))?(?:\s+(?:article|story|page|post))?|tweet|email|e-mail|print|copy\s+link|copy|link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger|flipboard|bluesky|threads|mastodon|vk|sms|pocket|save|comment|comments)[\s|·•,/:]*)+$/i;
const CREDIT =
  /^[([]?(?:(?:additional\s+)?reporting|writing|written|editing|edited|compiled|produced|photography|photos?|graphics?|video)\s+by\s+[A-Z][^.!?]*(?:[;,]\s*(?:additional\s+)?(?:reporting|writing|editing|edited)\s+by\s+[^.!?;]*)*[)\]]?\.?$/i;
const FOOTER = /^(©|\(c\)|copyright\b|all\s+rights\s+reserved)|\ball\s+rights\s+reserved\b/i;

/**
 * Blanks out quoted speech: "we" and "you" inside quotes are someone else's words, not the page speaking.
 * A quote left open runs to the end of the paragraph (it continues in the next one).
 */
export function withoutQuotes(text: string): string {
  // Runs between quotation marks are copied (outside quotes) or blanked (inside) whole.
  const parts: string[] = [];
  let inQuote = false;
  let runStart = 0;
  const flush = (end: number) => {
    if (end <= runStart) return;
    const run = text.slice(runStart, end);
    parts.push(inQuote ? (run.indexOf('\n') < 0 ? ' '.repeat(run.length) : run.replace(/[^\n]/g, ' ')) : run);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // “ « „ open, ” » close, " and '' flip.
    if (c !== 0x22 && c !== 0x27 && c !== 0xab && c !== 0xbb && c !== 0x201c && c !== 0x201d && c !== 0x201e) continue;
    const two = c === 0x27 && text.charCodeAt(i + 1) === 0x27;
    if (c === 0x27 && !two) continue;
    flush(i);
    inQuote = c === 0x201c || c === 0xab || c === 0x201e ? true : c === 0x201d || c === 0xbb ? false : !inQuote;
    parts.push(two ? '  ' : ' ');
    if (two) i++;
    runStart = i + 1;
  }
  flush(text.length);
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** Sentences of a paragraph, roughly: enough to keep a call and its address in one sentence. */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[^\s\p{Ll}])/u).map((x) => x.trim()).filter((x) => x.length > 0);
}

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Does a global regex match anywhere in s? (count(re, s) > 0 without finding the rest.) */
function occurs(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const found = re.test(s);
  re.lastIndex = 0;
  return found;
}

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0));
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** The number of matches of /[\p{L}\p{N}]+/gu in text (runs of letters and digits), without building them. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) {
      word = ASCII_WORD[c] === 1;
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      word = WORD_CHAR.test(text.slice(i, i + len));
      i += len;
    }
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

export function paragraphCues(text: string): ParagraphCues {
  const outside = withoutQuotes(text);
  const words = wordCount(text);
  const short = text.length <= 80;
  let imperative = false;
  let sentences = 0;
  let calls = 0;
  let newsletter = 0;
  for (const sentence of roughSentences(outside)) {
    sentences++;
    // Imperatives start a sentence with a capital ("Subscribe now"), not "Jr. start at $25,000".
    const imp = IMPERATIVE_START.test(sentence) && /^[A-Z]/.test(sentence);
    imperative ||= imp;
    const you = occurs(SECOND, sentence);
    if (occurs(CALLS, sentence) && (you || imp || OUTLET_SELF.test(sentence))) calls++;
    if ((imp && SIGN_UP_START.test(sentence)) || (NEWSLETTER.test(sentence) && (imp || NEWSLETTER_ASK.test(sentence)))) newsletter++;
  }
  return {
    words,
    sentences,
    secondPerson: count(SECOND, outside),
    firstPlural: count(FIRST_PLURAL, outside),
    imperative,
    calls,
    newsletter,
    salutation: SALUTATION.test(text) && text.length <= 60,
    header: short && /:\s*$/.test(text) && !/[.!?]\s/.test(text) && words <= 10,
    uiLine: text.length <= 40 && UI_LINE.test(text.trim()),
    linkLike: (text.length <= 300 && LINK_LIKE.test(text)) || URL_ONLY.test(text),
    cookie: COOKIE.test(outside) && COOKIE_CONTEXT.test(outside) && words <= 120,
    share: text.length <= 120 && SHARE_WORDS.test(text.trim()),
    footer: text.length <= 200 && FOOTER.test(text),
    credit: text.length <= 250 && CREDIT.test(text),
  };
}

export function classifyParagraph(text: string): ParagraphVerdict {
  const c = paragraphCues(text);
  const verdict = (kind: BoilerplateKind | null, strength: ParagraphVerdict['strength'], opener = false): ParagraphVerdict => ({
    kind,
    strength,
    opener,
    cues: c,
  });
  const addressed = c.secondPerson > 0 || c.imperative;
  if (c.cookie && (addressed || c.firstPlural > 0 || c.words <= 40)) return verdict('cookie', 'strong');
  if (c.share) return verdict('share', 'strong');
  if (c.footer) return verdict('footer', 'strong');
  if (c.credit) return verdict('credit', 'strong');
  if (c.linkLike) return verdict('related', 'strong');
  // Beyond a short line, asking sentences must make half the paragraph: a tweet embed or a news paragraph
  // may carry one in passing.
  if (c.newsletter > 0 && (c.words <= 40 || c.newsletter * 2 >= c.sentences)) return verdict('newsletter', 'strong');
  if (c.uiLine) return verdict('ui', 'strong');
  if (c.salutation) return verdict('appeal', 'weak', true);
  // A call to give or subscribe, addressed to the reader or spoken by the outlet: an appeal.
  if (c.calls > 0 && (c.words <= 40 || c.calls * 2 >= c.sentences)) return verdict('appeal', 'strong');
  if (c.header) return verdict('appeal', 'weak', true);
  // A short title-like line speaking to the reader ("Before you go", "Why we need you") opens a block.
  if (c.words <= 8 && !/[.!?,;]["”’]?$/.test(text) && (c.secondPerson > 0 || c.firstPlural > 0)) return verdict('appeal', 'weak', true);
  // The outlet speaking to the reader: part of an appeal if one surrounds it, else ordinary prose.
  if (c.secondPerson > 0 || c.firstPlural > 0 || (c.imperative && c.words <= 12)) return verdict('appeal', 'weak');
  return verdict(null, 'none');
}
