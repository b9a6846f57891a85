import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSnippet } from './snippet.ts';

test('splits the marked matches out of a snippet', () => {
  assert.deepEqual(parseSnippet('…أعلن [لافروف] أن [الهجوم] وقع'), [
    { text: '…أعلن ', match: false },
    { text: 'لافروف', match: true },
    { text: ' أن ', match: false },
    { text: 'الهجوم', match: true },
    { text: ' وقع', match: false },
  ]);
});

test('a phrase match stays one part, spaces included', () => {
  assert.deepEqual(parseSnippet('[سيرغي لافروف] قال'), [
    { text: 'سيرغي لافروف', match: true },
    { text: ' قال', match: false },
  ]);
});

test('unpaired brackets of the article itself stay text', () => {
  assert.deepEqual(parseSnippet('a ] b [c'), [{ text: 'a ] b [c', match: false }]);
  assert.deepEqual(parseSnippet('x [y [z] w'), [
    { text: 'x [y ', match: false },
    { text: 'z', match: true },
    { text: ' w', match: false },
  ]);
});

test('markup in a snippet is only text to the parser', () => {
  const parts = parseSnippet('<img src=x onerror=alert(1)> [<script>]');
  assert.deepEqual(parts, [
    { text: '<img src=x onerror=alert(1)> ', match: false },
    { text: '<script>', match: true },
  ]);
});

test('an empty snippet has no parts', () => {
  assert.deepEqual(parseSnippet(''), []);
});
