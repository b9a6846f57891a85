import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchKey, normalizeWithOffsets } from './normalize.ts';

test('drops harakat, tanwin, shadda, sukun and the dagger alef', () => {
  assert.equal(matchKey('مُحَمَّدٌ'), 'محمد');
  assert.equal(matchKey('دوراً'), 'دورا');
  assert.equal(matchKey('هٰذا'), 'هذا');
  assert.equal(matchKey('مِنْ'), 'من');
});

test('drops tatweel and bidi marks', () => {
  assert.equal(matchKey('لـ'), 'ل');
  assert.equal(matchKey('جـــمـيـل'), 'جميل');
  assert.equal(matchKey('\u200fموسكو\u200e\u061c'), 'موسكو');
});

test('folds every alef form to ا, ى to ي, ة to ه and hamza carriers to their letter', () => {
  assert.equal(matchKey('أإآٱ'), 'اااا');
  assert.equal(matchKey('على'), 'علي');
  assert.equal(matchKey('مدينة'), 'مدينه');
  assert.equal(matchKey('مسؤول'), 'مسوول');
  assert.equal(matchKey('رئيس'), 'رييس');
  assert.equal(matchKey('ألينيك'), matchKey('الينيك'));
});

test('reads Arabic-Indic and Persian digits as ASCII digits', () => {
  assert.equal(matchKey('١٤٤'), '144');
  assert.equal(matchKey('۱۲۳۴۵۶۷۸۹۰'), '1234567890');
  assert.equal(matchKey('٣٫٥'), '3.5');
});

test('maps Arabic punctuation to its Latin counterpart', () => {
  assert.equal(matchKey('،؛؟٪'), ',;?%');
});

test('decomposes presentation forms (NFKC) before folding', () => {
  assert.equal(matchKey('ﻻ'), 'لا');
  assert.equal(matchKey('ﷲ'), 'الله');
  assert.equal(matchKey('ﺑﻮﺗﻴﻦ'), 'بوتين');
  assert.equal(matchKey('ﺃ'), 'ا');
});

test('lower-cases Latin and returns clean text unchanged (same string)', () => {
  assert.equal(matchKey('Lavrov'), 'lavrov');
  const clean = 'لافروف';
  assert.equal(matchKey(clean), clean);
});

test('a text of only diacritics has an empty key', () => {
  assert.equal(matchKey('ًٌٍَُِّْ'), '');
});

test('normalizeWithOffsets maps every folded code unit back into the original', () => {
  const original = 'قالَ \u200fلافروفُ: ﻻ';
  const { text, offsets } = normalizeWithOffsets(original);
  assert.equal(text, 'قال لافروف: لا');
  assert.equal(offsets.length, text.length + 1);
  assert.equal(offsets[text.length], original.length);
  for (let i = 0; i < text.length; i++) {
    const from = original[offsets[i]!]!;
    assert.ok(matchKey(from).includes(text[i]!), `${text[i]} comes from ${from}`);
  }
});
