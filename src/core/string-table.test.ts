import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FNV_OFFSET, hashRange, StringTable } from './string-table.ts';

const hashOf = (s: string) => hashRange(s, 0, s.length);
const add = (table: StringTable, s: string) => table.addRange(s, 0, s.length, hashOf(s));
const get = (table: StringTable, s: string) => table.getRange(s, 0, s.length, hashOf(s));

test('gives dense ids in order of first sight and finds them again', () => {
  const table = new StringTable(4);
  assert.equal(add(table, 'قال'), 0);
  assert.equal(add(table, 'لافروف'), 1);
  assert.equal(add(table, 'قال'), 0);
  assert.equal(get(table, 'لافروف'), 1);
  assert.equal(get(table, 'موسكو'), -1);
  assert.equal(table.size, 2);
});

test('finds a range of a larger text without slicing it', () => {
  const table = new StringTable();
  add(table, 'لافروف');
  const text = 'وقال لافروف إن';
  assert.equal(table.getRange(text, 5, 11, hashOf('لافروف')), 0);
});

test('keeps every string through growth, with colliding hashes told apart by their characters', () => {
  const table = new StringTable(2);
  const words = Array.from({ length: 50_000 }, (_, i) => `w${i.toString(36)}`);
  for (const w of words) add(table, w);
  words.forEach((w, i) => {
    assert.equal(get(table, w), i);
  });
  // Same hash, different strings: the table must compare characters, not trust the hash.
  const forced = new StringTable();
  forced.addRange('ab', 0, 2, 7);
  assert.equal(forced.getRange('ba', 0, 2, 7), -1);
  assert.equal(forced.addRange('ba', 0, 2, 7), 1);
});

test('refuses the empty string, which marks free slots', () => {
  assert.throws(() => new StringTable().addRange('', 0, 0, FNV_OFFSET), RangeError);
  assert.equal(new StringTable().getRange('', 0, 0, FNV_OFFSET), -1);
});
