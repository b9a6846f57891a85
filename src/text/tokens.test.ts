import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from './tokens.ts';

const show = (text: string) => tokenize(text).map((t) => `${text.slice(t.start, t.end)}/${t.kind}`);

test('splits words from punctuation, Arabic and Latin alike', () => {
  assert.deepEqual(show('قال لافروف: “نعم”، Lavrov said.'), [
    'قال/word',
    'لافروف/word',
    ':/punct',
    '“/punct',
    'نعم/word',
    '”/punct',
    '،/punct',
    'Lavrov/word',
    'said/word',
    './punct',
  ]);
});

test('keeps decimals, thousands and dates whole: 1.5 · 10,000 · 2023/10/7 · ١٤٤', () => {
  assert.deepEqual(show('1.5 و10,000 في 2023/10/7 قتل ١٤٤.'), [
    '1.5/number',
    'و/word',
    '10,000/number',
    'في/word',
    '2023/10/7/number',
    'قتل/word',
    '١٤٤/number',
    './punct',
  ]);
});

test('keeps vowel marks and tatweel inside their word, and lets bidi marks separate nothing', () => {
  const text = 'وفقاً لـ\u200fسيرغي';
  assert.deepEqual(show(text), ['وفقاً/word', 'لـ/word', 'سيرغي/word']);
  assert.equal(tokenize(text)[0]!.norm, 'وفقا');
});

test('splits where the script changes inside a run of letters', () => {
  assert.deepEqual(show('شركةGazprom'), ['شركة/word', 'Gazprom/word']);
  assert.deepEqual(show('G20'), ['G20/word']);
});

test('a text of only diacritics or only spaces has no tokens', () => {
  assert.deepEqual(tokenize('ًٌٍَُِّْ'), []);
  assert.deepEqual(tokenize(' \n\t\u200f '), []);
  assert.deepEqual(tokenize(''), []);
});

test('emoji and lone surrogates become symbol tokens without breaking offsets', () => {
  assert.deepEqual(show('نعم 👍 \ud800x'), ['نعم/word', '👍/symbol', '\ud800/symbol', 'x/word']);
});

test('every token slices back out of the original text', () => {
  const text = 'موسكو – (رياليست عربي): يكتسب التعاونُ ٣٫٥% من ﻻ شيء.';
  for (const t of tokenize(text)) assert.ok(text.slice(t.start, t.end).length > 0);
});
