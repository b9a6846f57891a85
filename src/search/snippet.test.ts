import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePositions, encodePositions } from './index-document.ts';
import {
  MATCH_CLOSE as C,
  highlightedSpans,
  makeSnippet,
  markBody,
  mergeSpans,
  MATCH_OPEN as O,
} from './snippet.ts';

test('positions round-trip', () => {
  assert.deepEqual([...decodePositions(encodePositions([0, 5, 6, 12, 130, 1402]))], [0, 5, 6, 12, 130, 1402]);
  assert.deepEqual([...decodePositions('')], []);
});

test('highlighted stems map back to their tokens; a phrase is one span', () => {
  // Text: "ندد ماكرون بالهجوم على وزير الخارجية" — stems: ندد ماكر هجوم علي وزير خارجي
  const positions = Int32Array.from([0, 3, 4, 10, 11, 18, 19, 22, 23, 27, 28, 36]);
  const marked = `ندد ماكر ${O}هجوم${C} علي ${O}وزير خارجي${C}`;
  assert.deepEqual(highlightedSpans(marked, positions), [
    { start: 11, end: 18 },
    { start: 23, end: 36 },
  ]);
  // Two single-word matches side by side stay two spans.
  assert.deepEqual(highlightedSpans(`${O}ندد${C} ${O}ماكر${C} هجوم علي وزير خارجي`, positions), [
    { start: 0, end: 3 },
    { start: 4, end: 10 },
  ]);
});

test('overlapping spans merge', () => {
  assert.deepEqual(
    mergeSpans([
      { start: 10, end: 20 },
      { start: 0, end: 5 },
      { start: 12, end: 15 },
      { start: 18, end: 25 },
    ]),
    [
      { start: 0, end: 5 },
      { start: 10, end: 25 },
    ],
  );
});

test('a snippet is the original text around the first match, cut at spaces, matches marked', () => {
  const text = 'ندد ماكرون بالهجوم على القرية';
  assert.equal(makeSnippet(text, [{ start: 11, end: 18 }]), 'ندد ماكرون [بالهجوم] على القرية');
  const long = `${'كلمة '.repeat(40)}ندد ماكرون بالهجوم ${'نص '.repeat(100)}`;
  const at = long.indexOf('بالهجوم');
  const snippet = makeSnippet(long, [{ start: at, end: at + 7 }]);
  assert.ok(snippet.startsWith('…كلمة '), snippet);
  assert.ok(snippet.endsWith(' نص…') || snippet.endsWith('نص…'), snippet);
  assert.ok(snippet.includes('[بالهجوم]'));
  assert.ok(
    long.includes(snippet.replace(/[[\]]/g, '').replace(/…/g, '')),
    'the snippet is a slice of the text',
  );
  assert.equal(makeSnippet('نص قصير', []), 'نص قصير');
});

test('markBody marks the query’s stems and phrases in the body as FTS5’s highlight() would', () => {
  const body = 'وزير خارجي روس لافروف وزير خارجي';
  const query = {
    clauses: [
      { written: '"وزير الخارجية"', alternatives: [{ kind: 'stems', stems: ['وزير', 'خارجي'] }] },
      { written: 'لافروف', alternatives: [{ kind: 'entity', id: 'per:sergey-lavrov' }] },
      { written: 'الروسي', alternatives: [{ kind: 'stems', stems: ['روس'] }] },
    ],
  } as const;
  // A phrase is one mark, a word right after it another; entity tokens are not in the body.
  assert.equal(markBody(body, query), `${O}وزير خارجي${C} ${O}روس${C} لافروف ${O}وزير خارجي${C}`);
  // Occurrences that overlap (وزير خارجي, خارجي روس) are one mark.
  const overlapping = {
    clauses: [
      ...query.clauses,
      { written: 'خارجي روس', alternatives: [{ kind: 'stems', stems: ['خارجي', 'روس'] }] },
    ],
  } as const;
  assert.equal(markBody(body, overlapping), `${O}وزير خارجي روس${C} لافروف ${O}وزير خارجي${C}`);
  assert.equal(markBody(body, { clauses: [] }), body);
});
