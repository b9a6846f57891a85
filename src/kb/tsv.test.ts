import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listCell, readTsv, requiredCell } from './tsv.ts';

test('reads records by header, skipping comments and blank lines, with their line', () => {
  const rows = readTsv('# about\nid\tar\n\ncountry:ru\tروسيا\r\ncountry:by\n', 'x.tsv');
  assert.deepEqual(rows, [
    { line: 'x.tsv:4', id: 'country:ru', ar: 'روسيا' },
    { line: 'x.tsv:5', id: 'country:by', ar: '' },
  ]);
  assert.throws(() => requiredCell(rows[1]!, 'ar'), /x.tsv:5: column ar is empty/);
});

test('rejects a line with more cells than the header names', () => {
  assert.throws(() => readTsv('id\nа\tb', 'x.tsv'), /x.tsv:2: 2 cells/);
});

test('splits list cells on |', () => {
  assert.deepEqual(listCell(' a | b ||c'), ['a', 'b', 'c']);
  assert.deepEqual(listCell(undefined), []);
});
