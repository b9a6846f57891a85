// Hash routes: the page and its state live in `location.hash` (`#/search?q=…`), so any server path
// can serve the one index.html and every view can be bookmarked, shared and reloaded.

import { parseQuery, withQuery } from './query-string.ts';

export type RouteParams = Readonly<Record<string, string>>;

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'search'; readonly params: RouteParams }
  | { readonly name: 'events'; readonly params: RouteParams }
  | { readonly name: 'analyze' }
  | { readonly name: 'article'; readonly id: string }
  | { readonly name: 'entity'; readonly id: string }
  | { readonly name: 'not-found'; readonly path: string };

/** The route a hash names; `''`, `#` and `#/` are home. Ids are percent-decoded. */
export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const params = parseQuery(mark < 0 ? '' : raw.slice(mark + 1));
  let segments: string[];
  try {
    segments = path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return { name: 'not-found', path }; // a malformed %-escape
  }
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return { name: 'not-found', path };
  if (first === undefined) return { name: 'home' };
  if (second === undefined) {
    if (first === 'search') return { name: 'search', params };
    if (first === 'events') return { name: 'events', params };
    if (first === 'analyze') return { name: 'analyze' };
  } else {
    if (first === 'article') return { name: 'article', id: second };
    if (first === 'entity') return { name: 'entity', id: second };
  }
  return { name: 'not-found', path };
}

/** The hash (`#/…`) of a route, for `href`s. Inverse of parseRoute. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'search':
    case 'events':
      return `#${withQuery(`/${route.name}`, route.params)}`;
    case 'analyze':
      return '#/analyze';
    case 'article':
    case 'entity':
      return `#/${route.name}/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

export const articleHref = (id: string): string => routeHref({ name: 'article', id });
export const entityHref = (id: string): string => routeHref({ name: 'entity', id });
export const searchHref = (params: RouteParams): string => routeHref({ name: 'search', params });
export const eventsHref = (params: RouteParams): string => routeHref({ name: 'events', params });

/** `params` with `key` set (or removed when `value` is empty) and paging reset: new filters, new first page. */
export function withParam(params: RouteParams, key: string, value: string | undefined): RouteParams {
  const { [key]: _old, offset: _offset, ...rest } = params;
  return value ? { ...rest, [key]: value } : rest;
}

/** The offset a route asks for: a whole number ≥ 0, else 0 (a hand-edited hash must not break paging). */
export function offsetParam(value: string | undefined): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}
