// Snippets cut from the original article text, not from the stems the index holds: the index body
// is the space-joined stems of the article's words, and the stored positions give each stem's token
// offsets, so a query word marked in the stems (markBody) is a span of the text the reader knows.
// Entity matches are the spans of the matched entity's mentions.

import type { Span } from '../core/doc.ts';
import { entityToken } from './terms.ts';
import type { ParsedQuery } from './types.ts';

/** The markers markBody wraps matches in (FTS5's highlight() could too): control characters no stem contains. */
export const MATCH_OPEN = '\u0001';
export const MATCH_CLOSE = '\u0002';

const CONTEXT_BEFORE = 60;
const SNIPPET_LENGTH = 200;
const ELLIPSIS = '…';

/**
 * The spans of the highlighted body words. `marked` is the body column with matches wrapped in
 * MATCH_OPEN/MATCH_CLOSE; a phrase match spans several words and becomes one span.
 */
export function highlightedSpans(marked: string, positions: Int32Array): Span[] {
  const spans: Span[] = [];
  const words = marked.split(' ');
  let inside = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const opens = word.includes(MATCH_OPEN);
    const start = positions[2 * i];
    const end = positions[2 * i + 1];
    if ((inside || opens) && start !== undefined && end !== undefined) {
      // A word inside a highlight extends its span (a phrase); one that opens a highlight starts one.
      const last = spans.at(-1);
      if (inside && last) spans[spans.length - 1] = { start: last.start, end };
      else spans.push({ start, end });
    }
    inside = (inside || opens) && !word.includes(MATCH_CLOSE);
  }
  return spans;
}

/** Overlapping or nested spans as one, in text order (a mention of سيرغي لافروف over its stems). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start < last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}

/**
 * About SNIPPET_LENGTH characters of `text` around the first match, cut at spaces, with every match
 * inside marked `[…]` and `…` where the text goes on. Without matches: the start of the text.
 */
export function makeSnippet(text: string, matches: readonly Span[]): string {
  const spans = mergeSpans(matches);
  const first = spans[0] ?? { start: 0, end: 0 };
  let from = Math.max(0, first.start - CONTEXT_BEFORE);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < first.start ? space + 1 : first.start;
  }
  let to = Math.min(text.length, Math.max(from + SNIPPET_LENGTH, first.end));
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space >= first.end ? space : Math.max(to, first.end);
  }
  let out = from > 0 ? ELLIPSIS : '';
  let at = from;
  for (const s of spans) {
    if (s.start < from || s.end > to) continue;
    out += `${text.slice(at, s.start)}[${text.slice(s.start, s.end)}]`;
    at = s.end;
  }
  out += text.slice(at, to);
  return to < text.length ? `${out}${ELLIPSIS}` : out;
}

/** The entity tokens a query asks for. */
export function queryEntityTokens(query: ParsedQuery): Set<string> {
  const tokens = new Set<string>();
  for (const c of query.clauses)
    for (const a of c.alternatives) if (a.kind === 'entity') tokens.add(entityToken(a.id));
  return tokens;
}

/**
 * The index body (space-joined stems) with every occurrence of the query's stems and phrases wrapped
 * in MATCH_OPEN … MATCH_CLOSE, as FTS5's highlight() would wrap them: overlapping occurrences are
 * one highlight, adjacent ones stay two. Both stores mark hits so, on the page's rows only: SQLite's
 * highlight() would run the MATCH again for each hit.
 */
export function markBody(body: string, query: ParsedQuery): string {
  const words = body.split(' ');
  const found: [number, number][] = [];
  for (const c of query.clauses)
    for (const a of c.alternatives) {
      if (a.kind !== 'stems') continue;
      const n = a.stems.length;
      for (let i = 0; i + n <= words.length; i++)
        if (a.stems.every((s, k) => words[i + k] === s)) found.push([i, i + n - 1]);
    }
  if (found.length === 0) return body;
  found.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const opens = new Set<number>();
  const closes = new Set<number>();
  let current: [number, number] | null = null;
  for (const [first, last] of found) {
    if (current !== null && first <= current[1]) current[1] = Math.max(current[1], last);
    else {
      if (current !== null) closes.add(current[1]);
      opens.add(first);
      current = [first, last];
    }
  }
  if (current !== null) closes.add(current[1]);
  return words
    .map((w, i) => `${opens.has(i) ? MATCH_OPEN : ''}${w}${closes.has(i) ? MATCH_CLOSE : ''}`)
    .join(' ');
}
