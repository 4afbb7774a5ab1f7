// A light page tree built straight from htmlparser2's events: plain objects, no DOM. Faster than a DOM
// (the extractor runs on every page), and bounded on hostile input: nesting deeper than MAX_DEPTH is
// flattened into the element at that depth, and the content of scripts, styles and embeds never enters.

import { Parser } from 'htmlparser2';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  /** Text statistics, filled by computeStats (stats.ts); kept on the element because pages can be huge. */
  st?: { text: number; link: number; own: number; commas: number; anchors: number };
}
export type Node = El | string;

/** What the head (and JSON-LD anywhere in the page) says, gathered while parsing. */
export interface PageHead {
  title: string | null;
  lang: string | null;
  /** meta name/property/itemprop (lower-cased) -> contents, in page order. */
  meta: Map<string, string[]>;
  /** link rel (lower-cased) -> hrefs. */
  links: Map<string, string[]>;
  jsonLd: string[];
}

export interface ParsedPage {
  root: El;
  head: PageHead;
  /** Elements created, and opening tags flattened because they were nested deeper than MAX_DEPTH. */
  elementCount: number;
  flattened: number;
}

export const MAX_DEPTH = 200;

// Elements whose content is never article text (and may be script source).
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select',
  'textarea', 'audio', 'video', 'map', 'button', 'datalist', 'dialog', 'applet', 'frameset', 'noembed', 'noframes',
]);
const KEEP_ATTRS = new Set(['class', 'id', 'role', 'itemprop', 'itemtype', 'hidden', 'aria-hidden', 'style', 'href', 'datetime', 'rel', 'content', 'property', 'name', 'lang', 'type', 'pubdate', 'aria-label', 'data-component']);

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function parsePage(html: string): ParsedPage {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null };
  const head: PageHead = { title: null, lang: null, meta: new Map(), links: new Map(), jsonLd: [] };
  let cur = root;
  let depth = 0;
  // One entry per open tag: what it did ('el' pushed an element, 'skip' started skipped content, 'flat' nothing).
  const kinds: ('el' | 'skip' | 'flat')[] = [];
  let skipping = 0;
  let capture: 'title' | 'jsonld' | null = null;
  let elementCount = 0;
  let flattened = 0;
  let captured = '';

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipping > 0) {
          kinds.push('skip');
          skipping++;
          return;
        }
        if (name === 'html' && attrs.lang) head.lang = attrs.lang;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '').toLowerCase();
          if (key && attrs.content !== undefined) push(head.meta, key, attrs.content);
        } else if (name === 'link' && attrs.rel && attrs.href) {
          for (const rel of attrs.rel.toLowerCase().split(/\s+/)) push(head.links, rel, attrs.href);
        } else if (name === 'title' && head.title === null && capture === null) {
          capture = 'title';
          captured = '';
        } else if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          capture = 'jsonld';
          captured = '';
        }
        if (SKIP.has(name) || name === 'title') {
          kinds.push('skip');
          skipping = 1;
          return;
        }
        if (depth >= MAX_DEPTH) {
          flattened++;
          kinds.push('flat');
          return;
        }
        const kept: Record<string, string> = {};
        for (const k in attrs) if (KEEP_ATTRS.has(k) || k.startsWith('itemprop')) kept[k] = attrs[k]!;
        const el: El = { tag: name, attrs: kept, children: [], parent: cur };
        cur.children.push(el);
        elementCount++;
        kinds.push('el');
        cur = el;
        depth++;
      },
      ontext(text) {
        if (skipping > 0) {
          if (capture) captured += text;
          return;
        }
        const last = cur.children[cur.children.length - 1];
        if (typeof last === 'string') cur.children[cur.children.length - 1] = last + text;
        else cur.children.push(text);
      },
      onclosetag() {
        const kind = kinds.pop();
        if (kind === 'skip') {
          skipping--;
          if (skipping === 0 && capture) {
            if (capture === 'title') head.title = captured;
            else head.jsonLd.push(captured);
            capture = null;
          }
        } else if (kind === 'el') {
          cur = cur.parent ?? root;
          depth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return { root, head, elementCount, flattened };
}

/** Every element under `el` in document order, without recursion. */
export function* elements(el: El): Generator<El> {
  const stack: El[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
}

export function findFirst(el: El, test: (e: El) => boolean): El | null {
  for (const e of elements(el)) if (test(e)) return e;
  return null;
}

/** Concatenated text of an element (raw whitespace). */
export function textOf(el: El): string {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') out += n;
    else {
      if (n.tag === 'br') out += '\n';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return out;
}
