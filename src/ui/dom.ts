// The one way the UI builds elements. Children that are strings become text nodes, so data is never
// parsed as HTML; attributes are set one by one (never `style`, which a strict CSP refuses: styling
// goes through classes). Functions under `on…` keys become event listeners.

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined | Listener>>;

const SVG_NS = 'http://www.w3.org/2000/svg';

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attrs, children);
}

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill<E extends Element>(element: E, attrs: Attrs | null | undefined, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new TypeError(`a listener needs an on… name: ${name}`);
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'style') {
      throw new TypeError('style attributes break under a strict CSP: use a class');
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent` with `children`. */
export function replaceContent(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A fresh id for label/aria wiring within the page. */
let nextId = 0;
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
