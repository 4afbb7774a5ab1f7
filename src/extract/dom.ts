import { parseHTML } from 'linkedom';

// The few DOM members the extractor uses, typed here (the project compiles without the DOM lib).
export interface DomNode {
  nodeType: number;
  nodeName: string;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** A page as a DOM (linkedom: fast, no layout, no scripts run). */
export function parseDocument(html: string): DomDocument {
  // linkedom needs an <html> root to give a full document; fragments and bare text get one.
  const source = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(source) as unknown as { document: DomDocument }).document;
}
