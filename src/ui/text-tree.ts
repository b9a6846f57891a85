// The article text cut into the pieces the reader renders: mentions as nested elements (a mention
// may hold another, the CIS inside its Council of Foreign Ministers), and the text between them as
// leaves split at every offset something can be highlighted from or to (sentences, triggers, quotes,
// figures). A highlight is then a set of whole leaves, never a cut through a text node.
// Offsets are UTF-16 code units of the article text, end exclusive, as in the analysis JSON.

import type { Span } from '../core/doc.ts';

export interface TextLeaf {
  readonly kind: 'text';
  readonly start: number;
  readonly end: number;
}

export interface MentionNode {
  readonly kind: 'mention';
  /** Index of the mention in the list given to buildTextTree. */
  readonly mention: number;
  readonly start: number;
  readonly end: number;
  readonly children: readonly TextNode[];
}

export type TextNode = TextLeaf | MentionNode;

interface Draft {
  readonly mention: number;
  readonly start: number;
  readonly end: number;
  readonly children: Draft[];
}

/**
 * The text `[0, length)` as a forest of mention nodes and text leaves, in order, covering every
 * offset once. Mentions outside the text, empty ones, repeats of a span already placed, and ones that
 * cross another mention's boundary (neither nested nor apart) are left out: the text still shows,
 * only without that mark. Leaves are split at every cut inside the text.
 */
export function buildTextTree(length: number, mentions: readonly Span[], cuts: Iterable<number>): TextNode[] {
  const order = mentions
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => isSpanIn(span, length))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index);

  const root: Draft = { mention: -1, start: 0, end: length, children: [] };
  const stack: Draft[] = [root];
  for (const { span, index } of order) {
    while (stack.length > 1 && span.start >= stack.at(-1)!.end) stack.pop();
    const parent = stack.at(-1)!;
    if (span.end > parent.end) continue; // crosses the enclosing mention
    if (parent !== root && span.start === parent.start && span.end === parent.end) continue;
    const draft: Draft = { mention: index, start: span.start, end: span.end, children: [] };
    parent.children.push(draft);
    stack.push(draft);
  }

  const boundaries = [...new Set(cuts)].filter((c) => Number.isInteger(c) && c > 0 && c < length);
  boundaries.sort((a, b) => a - b);
  return fill(root, boundaries);
}

function isSpanIn(span: Span, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= length
  );
}

/** The children of `node` with the gaps between them as leaves split at `cuts`. */
function fill(node: Draft, cuts: readonly number[]): TextNode[] {
  const out: TextNode[] = [];
  let at = node.start;
  for (const child of node.children) {
    out.push(...leaves(at, child.start, cuts));
    out.push({
      kind: 'mention',
      mention: child.mention,
      start: child.start,
      end: child.end,
      children: fill(child, cuts),
    });
    at = child.end;
  }
  out.push(...leaves(at, node.end, cuts));
  return out;
}

function leaves(start: number, end: number, cuts: readonly number[]): TextLeaf[] {
  const out: TextLeaf[] = [];
  let at = start;
  for (const cut of cuts) {
    if (cut <= at) continue;
    if (cut >= end) break;
    out.push({ kind: 'text', start: at, end: cut });
    at = cut;
  }
  if (at < end) out.push({ kind: 'text', start: at, end });
  return out;
}

/** Every leaf of the forest in text order. */
export function* textLeaves(nodes: readonly TextNode[]): Generator<TextLeaf> {
  for (const node of nodes) {
    if (node.kind === 'text') yield node;
    else yield* textLeaves(node.children);
  }
}

/** The offsets a span list contributes as cuts. */
export function spanBoundaries(spans: readonly Span[]): number[] {
  return spans.flatMap((s) => [s.start, s.end]);
}

/** The span of `spans` (in text order, not overlapping: sentences) that holds `offset`, if any. */
export function spanAt<S extends Span>(spans: readonly S[], offset: number): S | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return span;
  }
  return undefined;
}
