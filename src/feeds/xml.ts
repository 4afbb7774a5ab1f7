// A small, forgiving, safe XML reader for feeds. Safe: the DOCTYPE (with any entity declarations)
// is skipped, so only the five predefined entities and numeric references are ever expanded: no
// billion-laughs growth, no external entities, no network or file access. Forgiving: unclosed
// elements close at their parent's end, stray end tags are ignored, text after the end is kept.

export interface XmlElement {
  /** Lower-cased qualified name ("content:encoded", "atom:link"). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlLimits {
  /** Deeper elements are flattened into their ancestor at this depth. */
  maxDepth?: number;
  /** Stop reading after this many elements. */
  maxElements?: number;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Expands &amp; &lt; &gt; &quot; &apos; and numeric references; leaves every other entity as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{0,30});/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(cp);
    }
    return PREDEFINED[e] ?? m;
  });
}

const ATTR = /([^\s=\/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(s)) !== null) {
    const key = m[1]!.toLowerCase();
    if (!(key in attrs)) attrs[key] = decodeXmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** End of a tag starting at `from`: the first '>' outside quotes. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** End of a <!DOCTYPE ...> declaration, internal subset included. */
function doctypeEnd(s: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i;
  }
  return -1;
}

/** Parses a document into a synthetic root element named '#document'. Never throws on malformed input. */
export function parseXml(input: string, limits: XmlLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 64;
  const maxElements = limits.maxElements ?? 200_000;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let elements = 0;
  let i = 0;
  const n = input.length;
  const text = (t: string) => {
    if (t.length === 0) return;
    const top = stack[stack.length - 1]!;
    const last = top.children[top.children.length - 1];
    if (typeof last === 'string') top.children[top.children.length - 1] = last + t;
    else top.children.push(t);
  };
  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      text(decodeXmlEntities(input.slice(i)));
      break;
    }
    if (lt > i) text(decodeXmlEntities(input.slice(i, lt)));
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
    } else if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      text(input.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
    } else if (input.startsWith('<!', lt)) {
      const end = doctypeEnd(input, lt + 2);
      i = end < 0 ? n : end + 1;
    } else if (input.startsWith('<?', lt)) {
      const end = input.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
    } else if (input[lt + 1] === '/') {
      const end = tagEnd(input, lt + 2);
      const name = input.slice(lt + 2, end < 0 ? n : end).trim().toLowerCase();
      // Close up to the matching open element; an end tag nothing matches is ignored.
      for (let d = stack.length - 1; d > 0; d--) {
        if (stack[d]!.name === name) {
          stack.length = d;
          break;
        }
      }
      i = end < 0 ? n : end + 1;
    } else {
      const end = tagEnd(input, lt + 1);
      if (end < 0) {
        text(input.slice(lt));
        break;
      }
      const body = input.slice(lt + 1, end);
      const nameMatch = /^[^\s\/>]+/.exec(body);
      if (!nameMatch || !/^[A-Za-z_:]/.test(nameMatch[0])) {
        text('<');
        i = lt + 1;
        continue;
      }
      const selfClosing = body.endsWith('/');
      const el: XmlElement = {
        name: nameMatch[0].toLowerCase(),
        attrs: parseAttrs(body.slice(nameMatch[0].length, selfClosing ? -1 : undefined)),
        children: [],
      };
      if (++elements > maxElements) break;
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing && stack.length <= maxDepth) stack.push(el);
      i = end + 1;
    }
  }
  return root;
}

// ---- reading helpers ----

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  }
  return undefined;
}

/** All text inside an element (tags dropped). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The markup inside an element, written back out (for Atom xhtml content). */
export function innerXml(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += escapeText(c);
    else {
      const name = c.name.replace(/^[a-z0-9]+:/, '');
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => !k.startsWith('xmlns'))
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      out += `<${name}${attrs}>${innerXml(c)}</${name}>`;
    }
  }
  return out;
}
