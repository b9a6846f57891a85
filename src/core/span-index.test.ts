import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { insideLonger, overlappedTokens, RangeCover } from './span-index.ts';

interface Named {
  readonly start: number;
  readonly end: number;
  readonly outer: boolean;
}

test('insideLonger: a span inside a longer accepted span; an identical span does not count', () => {
  const a = { start: 0, end: 10, outer: true };
  const b = { start: 2, end: 5, outer: false };
  const c = { start: 0, end: 10, outer: true };
  const d = { start: 0, end: 4, outer: true };
  const e = { start: 8, end: 12, outer: true };
  const inside = insideLonger([a, b, c, d, e], (s) => s.outer);
  assert.deepEqual(new Set([b, d]), inside);
  assert.equal(insideLonger([b], () => true).size, 0);
});

test('insideLonger agrees with the pairwise definition on any spans', () => {
  const span = fc
    .record({ start: fc.nat(30), length: fc.integer({ min: 1, max: 10 }), outer: fc.boolean() })
    .map(({ start, length, outer }): Named => ({ start, end: start + length, outer }));
  fc.assert(
    fc.property(fc.array(span, { maxLength: 25 }), (spans) => {
      const expected = new Set(
        spans.filter((m) =>
          spans.some(
            (o) =>
              o !== m && o.outer && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start,
          ),
        ),
      );
      assert.deepEqual(
        insideLonger(spans, (s) => s.outer),
        expected,
      );
    }),
  );
});

test('RangeCover answers overlap like a scan of the ranges', () => {
  const range = fc
    .record({ first: fc.nat(20), width: fc.nat(5) })
    .map(({ first, width }) => ({ first, end: first + width }));
  fc.assert(
    fc.property(
      fc.array(range, { maxLength: 10 }),
      range.filter((q) => q.first < q.end),
      (ranges, q) => {
        const cover = new RangeCover(25, ranges);
        const expected = ranges.some((r) => r.first < q.end && q.first < r.end && r.first < r.end);
        assert.equal(cover.overlaps(q.first, q.end), expected);
      },
    ),
  );
});

test('overlappedTokens marks the tokens some span overlaps', () => {
  const span = fc
    .record({ start: fc.nat(40), length: fc.integer({ min: 1, max: 8 }) })
    .map(({ start, length }) => ({ start, end: start + length }));
  fc.assert(
    fc.property(fc.array(span, { maxLength: 10 }), (spans) => {
      const tokens = Array.from({ length: 12 }, (_, i) => ({ start: i * 4, end: i * 4 + 3 }));
      const expected = tokens.map((t) => (spans.some((m) => m.start < t.end && t.start < m.end) ? 1 : 0));
      assert.deepEqual([...overlappedTokens(tokens, spans)], expected);
    }),
  );
});
