import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTextTree, spanAt, type TextNode, textLeaves } from './text-tree.ts';

/** The tree as a compact string: mentions in brackets with their index, leaves split by `|`. */
function show(text: string, nodes: readonly TextNode[]): string {
  return nodes
    .map((n) => (n.kind === 'text' ? text.slice(n.start, n.end) : `[${n.mention}:${show(text, n.children)}]`))
    .join('|');
}

const text = 'اجتمع مجلس وزراء خارجية رابطة الدول المستقلة في مينسك';
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

test('mentions become nodes and the text between them leaves', () => {
  const tree = buildTextTree(text.length, [at('مينسك')], []);
  assert.equal(show(text, tree), 'اجتمع مجلس وزراء خارجية رابطة الدول المستقلة في |[0:مينسك]');
});

test('a mention inside another is its child (the CIS inside its Council of Foreign Ministers)', () => {
  const council = at('مجلس وزراء خارجية رابطة الدول المستقلة');
  const cis = at('رابطة الدول المستقلة');
  const tree = buildTextTree(text.length, [cis, council], []);
  assert.equal(show(text, tree), 'اجتمع |[1:مجلس وزراء خارجية |[0:رابطة الدول المستقلة]]| في مينسك');
});

test('leaves split at cuts, inside mentions too, and cover the text once', () => {
  const council = at('مجلس وزراء خارجية رابطة الدول المستقلة');
  const cut = text.indexOf('رابطة');
  const tree = buildTextTree(text.length, [council], [cut, 3, 0, text.length, 99]);
  assert.equal(show(text, tree), 'اجت|مع |[0:مجلس وزراء خارجية |رابطة الدول المستقلة]| في مينسك');
  const leaves = [...textLeaves(tree)];
  assert.equal(leaves.map((l) => text.slice(l.start, l.end)).join(''), text);
  for (let i = 1; i < leaves.length; i++) assert.equal(leaves[i]!.start, leaves[i - 1]!.end);
});

test('crossing, repeated, empty and out-of-range mentions are left out, never the text', () => {
  const a = { start: 0, end: 10 };
  const crossing = { start: 5, end: 15 };
  const tree = buildTextTree(
    20,
    [a, crossing, { ...a }, { start: 3, end: 3 }, { start: 18, end: 25 }, { start: -1, end: 2 }],
    [],
  );
  assert.deepEqual(
    tree.map((n) => [n.kind, n.start, n.end]),
    [
      ['mention', 0, 10],
      ['text', 10, 20],
    ],
  );
});

test('offsets are UTF-16 code units: a mention after an emoji and vowel marks lands on its letters', () => {
  const t = '😀 سَيرغي لافروف';
  const start = t.indexOf('لافروف');
  const tree = buildTextTree(t.length, [{ start, end: start + 6 }], []);
  assert.equal(show(t, tree), '😀 سَيرغي |[0:لافروف]');
});

test('an empty text has no nodes', () => {
  assert.deepEqual(buildTextTree(0, [{ start: 0, end: 1 }], [0]), []);
});

test('the sentence holding an offset is found, and none between sentences', () => {
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: 20 },
    { start: 20, end: 30 },
  ];
  assert.deepEqual(spanAt(sentences, 0), sentences[0]);
  assert.deepEqual(spanAt(sentences, 20), sentences[2]);
  assert.equal(spanAt(sentences, 10), undefined);
  assert.equal(spanAt(sentences, 30), undefined);
  assert.equal(spanAt([], 3), undefined);
});
