import type { DocView } from './doc-view.js';
import { isCapitalised } from './doc-view.js';
import type { Gazetteer } from './gazetteer.js';
import type { WorkEntity, WorkMention } from './resolve-article.js';

/**
 * "The Russian president", "the Kyrgyz leader": a role without a name refers to the one person of the
 * article with that role and that country. Nothing is linked when two people could be meant.
 */
export function findTitleMentions(view: DocView, gaz: Gazetteer, ents: WorkEntity[], mentions: WorkMention[]): WorkMention[] {
  const out: WorkMention[] = [];
  const heads = new Set(gaz.words.roleHeads);
  // Tokens covered by a mention; adjective mentions inside the phrase ("Russian") give way to it.
  const covered = new Uint8Array(view.words.length);
  const firstMention = new Map<number, number>();
  for (const m of mentions) {
    if (m.type !== 'MISC') covered.fill(1, m.tokStart, m.tokEnd);
    if (!firstMention.has(m.entity) || firstMention.get(m.entity)! > m.start) firstMention.set(m.entity, m.start);
  }
  const taken = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (covered[k]) return true;
    return false;
  };
  const titled = ents.map((e, k) => ({ e, k })).filter(({ e }) => e.type === 'PER' && e.role !== undefined);
  for (let i = 0; i < view.words.length; i++) {
    if (view.lower[i] !== 'the') continue;
    let j = i + 1;
    const adj = view.words[j] ?? '';
    const country = gaz.countryOfAdjective(adj) ?? (gaz.lookup(adj)?.kind === 'country' ? gaz.lookup(adj)!.canonical : undefined);
    if (country) j++;
    let head = '';
    let hn = 0;
    for (const n of [2, 1]) {
      // Near the end of the text fewer than n words remain: "the president" is not a two-word head.
      if (j + n > view.words.length) continue;
      const ws = view.lower.slice(j, j + n).join(' ');
      if (heads.has(ws)) {
        head = ws;
        hn = n;
        break;
      }
    }
    if (!head) continue;
    const endTok = j + hn;
    // "the Russian President Vladimir Putin" is a role of a name, handled elsewhere.
    const next = view.words[endTok] ?? '';
    if (isCapitalised(next) && !view.tokens[endTok]?.kind.startsWith('p')) continue;
    const start = view.tokens[i]!.start;
    const end = view.tokens[endTok - 1]!.end;
    if (taken(i, endTok)) continue;
    const fits = titled.filter(({ e }) => roleHas(e.role!, head, gaz) && (!country || e.affiliation === country));
    if (fits.length !== 1) continue;
    // The person must be named before the role refers back to them.
    const k = fits[0]!.k;
    if (!(firstMention.get(k)! < start)) continue;
    out.push({ start, end, tokStart: i, tokEnd: endTok, type: 'PER', entity: k, via: 'title', role: view.text.slice(view.tokens[i + 1]!.start, end) });
    i = endTok - 1;
  }
  return out;
}

function roleHas(role: string, head: string, gaz: Gazetteer): boolean {
  const r = role.toLowerCase();
  if (r.includes(head)) return true;
  // "the Kazakh leader" for a head of state.
  return head === 'leader' && gaz.words.headOfStateTitles.some((t) => r.includes(t.toLowerCase()));
}
