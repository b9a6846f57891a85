// Query strings for the API and for hash routes, built one way: every key and value through
// encodeURIComponent (entity ids hold `:`; queries hold Arabic, spaces, `&` and `#`), empty values
// left out so an untouched filter never reaches the server.

export type Params = Readonly<Record<string, string | number | undefined | null>>;

/** `a=1&b=x%20y`, or '' when nothing is set. Keys keep the order given. */
export function queryString(params: Params): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

/** `?a=1` or ''. */
export function withQuery(path: string, params: Params): string {
  const query = queryString(params);
  return query ? `${path}?${query}` : path;
}

/** The non-empty parameters of a query string (`+` read as a space, as forms write it). */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) if (value !== '') out[key] = value;
  return out;
}
