import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanList, foldLatin, slugify } from './names.ts';

test('slugs and folds English names across accents, apostrophes and dotless i', () => {
  assert.equal(slugify('Washington, D.C.'), 'washington-d-c');
  assert.equal(slugify('Chișinău'), 'chisinau');
  assert.equal(foldLatin('Sumqayıt'), foldLatin('Sumqayit'));
  assert.equal(foldLatin('Ta’if'), foldLatin("Ta'if"));
});

test('cleans a name list: tidy, sorted, unique, without the excluded', () => {
  assert.deepEqual(cleanList(['ب', ' أ  ب ', 'أ ب', '', 'ج'], ['ج']), ['أ ب', 'ب']);
});
