// robots.txt: the group for our user agent (else "*"), Allow/Disallow with the longest match winning,
// "*" and "$" wildcards as in RFC 9309.

export interface RobotsRules {
  allowed(pathAndQuery: string): boolean;
  /** Seconds between requests the site asks for (Crawl-delay), if any. */
  crawlDelay: number | null;
}

interface Rule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp('^' + body + (anchored ? '$' : ''));
}

export const ALLOW_ALL: RobotsRules = { allowed: () => true, crawlDelay: null };
export const DISALLOW_ALL: RobotsRules = { allowed: () => false, crawlDelay: null };

export function parseRobots(text: string, agent: string): RobotsRules {
  const me = agent.toLowerCase();
  type Group = { agents: string[]; rules: Rule[]; delay: number | null };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value !== '') current.rules.push({ allow: key === 'allow', pattern: value, re: compile(value) });
    else if (key === 'crawl-delay' && Number.isFinite(Number(value))) current.delay = Number(value);
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && me.includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.map((g) => g.delay).find((d) => d !== null) ?? null;
  return {
    crawlDelay: delay,
    allowed(path) {
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.re.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
      }
      return best ? best.allow : true;
    },
  };
}

/** robots.txt of every origin a fetch touches, read once per origin (the first URL and each redirect's). */
export interface RobotsPolicy {
  rulesFor(url: URL): Promise<RobotsRules>;
  /** "disallowed by robots.txt" when the URL's origin forbids it, else null. */
  refusal(url: URL): Promise<string | null>;
}

const ORIGINS_KEPT = 1000;

/**
 * `getRobots` fetches a robots.txt URL. No robots.txt (4xx) allows everything; a failing server (5xx)
 * nothing for now (RFC 9309); a network failure allows, as the page fetch will fail the same way.
 */
export function createRobotsPolicy(getRobots: (robotsUrl: string) => Promise<{ status: number; body: Uint8Array }>, userAgent: string): RobotsPolicy {
  const cache = new Map<string, Promise<RobotsRules>>();
  const rulesFor = (u: URL): Promise<RobotsRules> => {
    let p = cache.get(u.origin);
    if (!p) {
      p = getRobots(`${u.origin}/robots.txt`)
        .then((res) => {
          if (res.status >= 200 && res.status < 300) return parseRobots(Buffer.from(res.body).toString('utf8'), userAgent);
          return res.status >= 500 ? DISALLOW_ALL : ALLOW_ALL;
        })
        .catch(() => ALLOW_ALL);
      cache.set(u.origin, p);
      if (cache.size > ORIGINS_KEPT) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
  return {
    rulesFor,
    async refusal(u) {
      return (await rulesFor(u)).allowed(u.pathname + u.search) ? null : 'disallowed by robots.txt';
    },
  };
}
