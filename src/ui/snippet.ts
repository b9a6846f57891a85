// Search snippets arrive as plain text with each match wrapped in `[` and `]` (src/search/snippet.ts).
// They are split into parts here so the page can build <mark> elements with textContent: the snippet
// is article text, and article text is never parsed as HTML.

export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

/**
 * The parts of a marked snippet in order. The article's own brackets are not escaped by the server,
 * so a `[` counts as a marker only when a `]` closes it later with no `[` between; any other bracket
 * stays in the text as written.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.match === match && !match) parts[parts.length - 1] = { text: last.text + text, match };
    else parts.push({ text, match });
  };
  let at = 0;
  while (at < snippet.length) {
    const open = snippet.indexOf('[', at);
    if (open < 0) break;
    const close = snippet.indexOf(']', open + 1);
    if (close < 0) break;
    const reopen = snippet.indexOf('[', open + 1);
    if (reopen >= 0 && reopen < close) {
      // This `[` is the article's own: keep it and look again from the next one.
      push(snippet.slice(at, reopen), false);
      at = reopen;
      continue;
    }
    push(snippet.slice(at, open), false);
    push(snippet.slice(open + 1, close), true);
    at = close + 1;
  }
  push(snippet.slice(at), false);
  return parts;
}
