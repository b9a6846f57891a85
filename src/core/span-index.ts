// Questions every stage asks about many spans at once — is this inside a longer one, does this
// range overlap any of those — answered in O(n log n) or O(1) a query, so that an article of
// thousands of names costs in proportion to its length (the fuzz suite's hostile inputs) rather
// than the square of its mentions.

import type { Span } from './doc.ts';

/**
 * The spans lying inside a strictly longer span that `outer` accepts (an outer span with the same
 * start and end does not count), as a set of the given objects.
 */
export function insideLonger<T extends Span>(spans: readonly T[], outer: (s: T) => boolean): Set<T> {
  // By start, longest first: every span seen before a group of identical spans starts earlier, or
  // at the same place and ends later — longer either way — so the group is inside a longer outer
  // span exactly when the furthest end among the outer spans seen so far reaches its end.
  const order = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const inside = new Set<T>();
  let reach = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.start === order[i]!.start && order[j]!.end === order[i]!.end) j++;
    for (let k = i; k < j; k++) if (reach >= order[k]!.end) inside.add(order[k]!);
    for (let k = i; k < j; k++) if (outer(order[k]!)) reach = Math.max(reach, order[k]!.end);
    i = j;
  }
  return inside;
}

/** Ranges [first, end) over positions 0 … size−1, asked whether a range overlaps any of them in O(1). */
export class RangeCover {
  /** prefix[i]: how many of positions 0 … i−1 some range covers. */
  private readonly prefix: Int32Array;

  constructor(size: number, ranges: Iterable<{ readonly first: number; readonly end: number }>) {
    const covered = new Uint8Array(size);
    // `!(first < end)` also skips a range whose bounds are not numbers (a position not found).
    for (const { first, end } of ranges)
      if (first < end) covered.fill(1, Math.max(0, first), Math.min(size, end));
    this.prefix = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) this.prefix[i + 1] = this.prefix[i]! + covered[i]!;
  }

  overlaps(first: number, end: number): boolean {
    const a = Math.max(0, Math.min(first, this.prefix.length - 1));
    const b = Math.max(a, Math.min(end, this.prefix.length - 1));
    return this.prefix[b]! > this.prefix[a]!;
  }
}

/** Per token (in text order), 1 when some span overlaps it: one pass over both, by start. */
export function overlappedTokens(tokens: readonly Span[], spans: readonly Span[]): Uint8Array {
  const order = [...spans].sort((a, b) => a.start - b.start);
  const out = new Uint8Array(tokens.length);
  let next = 0;
  let reach = Number.NEGATIVE_INFINITY;
  tokens.forEach((token, i) => {
    for (; next < order.length && order[next]!.start < token.end; next++)
      reach = Math.max(reach, order[next]!.end);
    if (reach > token.start) out[i] = 1;
  });
  return out;
}
