import type { Article, Span } from '../../model/document.js';
import { outletName } from '../evidence.js';
import { contextOf, FACT_CONTEXT } from '../facts/context.js';
import type { Candidate, Detector } from './types.js';

/** Platforms on which an account posts ("posted on YouTube by ..."). */
const PLATFORM = '(?:YouTube|Twitter|X|Facebook|Instagram|TikTok|Telegram|Reddit|Vimeo|Weibo)';

/** Ways a report names the account that posted something. */
const ACCOUNT_NAMES: readonly RegExp[] = [
  // "an account titled TonyManization", "a channel called 'Foo'"
  /\b(?:account|channel|user|username|handle|profile)\s+(?:titled|called|named|under\s+the\s+name)\s+["“'‘]?(@?[\p{L}\p{N}_][\p{L}\p{N}_.-]{2,30})/gu,
  // "posted on YouTube by "DCCameraGuy"", "uploaded to Twitter by @foo"
  new RegExp(`\\b(?:posted|uploaded|published|shared|put)\\s+(?:on|to)\\s+${PLATFORM}\\s+by\\s+(?:["“'‘]([^"”'’]{3,30})["”'’]|(@[\\p{L}\\p{N}_]{3,30}))`, 'gu'),
];

/** The account names an article gives for who posted something, with their spans. */
export function accountNames(article: Article): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  for (const re of ACCOUNT_NAMES) {
    for (const m of article.text.matchAll(re)) {
      const name = (m[1] ?? m[2])!.replace(/[.,'’-]+$/, '');
      const at = m.index! + m[0].lastIndexOf(name);
      out.push({ name, span: { start: at, end: at + name.length } });
    }
  }
  return out;
}

const key = (name: string) => name.replace(/^@/, '').toLowerCase();

/**
 * Two reports naming different accounts as the one that posted something ("an account titled TonyManization" /
 * "posted on YouTube by 'DCCameraGuy'"), neither naming the other's.
 */
export const accountDetector: Detector = {
  type: 'entity',
  name: 'accounts',
  detect({ articles }) {
    const names = articles.map(accountNames);
    const out: Candidate[] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const [x, y] = [names[i]![0], names[j]![0]];
        if (!x || !y || key(x.name) === key(y.name)) continue;
        // A report that gives the other's account anywhere tells of two accounts.
        const mentions = (a: Article, name: string) => a.text.toLowerCase().includes(key(name));
        if (mentions(articles[i]!, y.name) || mentions(articles[j]!, x.name)) continue;
        out.push({
          type: 'entity',
          verdict: 'contradiction',
          sides: [
            { article: articles[i]!, value: x.span, context: contextOf(articles[i]!, x.span, FACT_CONTEXT) },
            { article: articles[j]!, value: y.span, context: contextOf(articles[j]!, y.span, FACT_CONTEXT) },
          ],
          summary: `Account: ${outletName(articles[i]!)} says “${x.name}”, ${outletName(articles[j]!)} says “${y.name}”.`,
          salience: 0.7,
          subject: `account:${key(x.name)}`,
        });
      }
    }
    return out;
  },
};
