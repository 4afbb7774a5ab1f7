import type { El } from './tree.js';

export interface ElStats {
  /** Characters of text (whitespace runs count as one). */
  text: number;
  /** Characters of text inside links. */
  link: number;
  /** Text directly in this element (not in child elements). */
  own: number;
  commas: number;
  /** Number of links inside. */
  anchors: number;
}

function visibleLength(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function commasIn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0x3001 || c === 0xff0c || c === 0x060c) n++;
  }
  return n;
}

/** Read access to the statistics of elements (stored on the elements themselves). */
export interface StatsView {
  get(el: El): ElStats | undefined;
}

const VIEW: StatsView = { get: (el) => el.st };

/** Text and link lengths of every element, in one pass from the leaves up (no recursion). */
export function computeStats(root: El): StatsView {
  const order: El[] = [];
  const stack: El[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    order.push(e);
    for (const c of e.children) if (typeof c !== 'string') stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const s: ElStats = { text: 0, link: 0, own: 0, commas: 0, anchors: 0 };
    for (const c of el.children) {
      if (typeof c === 'string') {
        const n = visibleLength(c);
        s.text += n;
        s.own += n;
        s.commas += commasIn(c);
      } else {
        const cs = c.st!;
        s.text += cs.text;
        s.link += cs.link;
        s.commas += cs.commas;
        s.anchors += cs.anchors;
      }
    }
    if (el.tag === 'a') {
      s.link = s.text;
      s.anchors++;
    }
    el.st = s;
  }
  return VIEW;
}

export function linkDensity(s: ElStats): number {
  return s.text === 0 ? 0 : s.link / s.text;
}
