import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { baselineMatch, createBaselineIndex } from './baseline.ts';

test('the plain FTS5 baseline matches whole surface words only', () => {
  const db = new Database(':memory:');
  const index = createBaselineIndex(db);
  index.add('a1', 'ندد الرئيس الفرنسي بالهجوم الذي استهدف قرية.');
  index.add('a2', 'الهجوم على غزة مستمر.');
  assert.deepEqual(index.search('الهجوم', 10), ['a2']);
  // No stemming: هجوم alone finds neither بالهجوم nor الهجوم.
  assert.deepEqual(index.search('هجوم', 10), []);
  assert.deepEqual(index.search('  ', 10), []);
  assert.equal(baselineMatch('a "b'), '"a" """b"');
  db.close();
});
