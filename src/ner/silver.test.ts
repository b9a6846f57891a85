import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchKey } from '../text/normalize.ts';
import { loadSilverNames, SILVER_FLAGS } from './silver.ts';

const silver = loadSilverNames();

test('knows names of 2015 news that ANERcorp never tags: بوتين and أوباما are people', () => {
  assert.equal(silver.flags(matchKey('بوتين')) & SILVER_FLAGS.PER, SILVER_FLAGS.PER);
  assert.equal(silver.flags(matchKey('أوباما')) & SILVER_FLAGS.PER, SILVER_FLAGS.PER);
});

test('common words are no silver names', () => {
  for (const word of ['قال', 'الحكومة', 'اجتماع', 'في']) assert.equal(silver.flags(matchKey(word)), 0, word);
});

test('is a small list, loaded once', () => {
  assert.ok(silver.size > 1000 && silver.size < 50_000, `${silver.size} forms`);
  assert.equal(loadSilverNames(), silver);
});
