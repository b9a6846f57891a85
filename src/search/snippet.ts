// Snippets cut from the original article text, not from the stems the index holds: the index body
// is the space-joined stems of the article's words, and the stored positions give each stem's token
// offsets, so a word the database highlighted in the stems is a span of the text the reader knows.
// Entity matches are the spans of the matched entity's mentions.

import type { Span } from '../core/doc.ts';

/** The markers the SQL highlight() call wraps matches in: control characters no stem contains. */
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
