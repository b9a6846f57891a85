import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWordShaper, type WordCounts } from './clitics.ts';
import { matchKey } from './normalize.ts';

// A tiny stand-in for the news word counts: enough to show each decision the segmenter makes.
const counts: WordCounts = (() => {
  const table = new Map<string, number>(
    Object.entries({
      قال: 9000,
      وقال: 3000,
      المشاركون: 300,
      والمشاركون: 40,
      مشارك: 50,
      مشاركون: 60,
      التعاون: 5000,
      للتعاون: 800,
      تعاون: 900,
      تعا: 2,
      بوتين: 700,
      وتين: 0,
      وزير: 8000,
      زير: 3,
      هجوم: 900,
      الهجوم: 2000,
      بالهجوم: 60,
      نشرت: 200,
      نشرتها: 20,
      حكومه: 4000,
      حكومته: 300,
      حكومات: 500,
      علي: 90000,
      عليه: 4000,
      بنك: 900,
      بن: 20000,
      يتم: 3000,
      سيتم: 1500,
      روسيا: 3000,
      لروسيا: 200,
      معهد: 300,
      طفل: 900,
      اباد: 4,
    }).map(([k, v]) => [matchKey(k), v]),
  );
  return { count: (key) => table.get(key) ?? 0, isName: (key) => key === 'بوتين' || key === 'روسيا' };
})();

const shape = createWordShaper(counts);
const pieces = (word: string) => {
  const s = shape(word, matchKey(word));
  return s.segments.map((g) => `${word.slice(g.start, g.end)}:${g.role}`).join(' ');
};
const stem = (word: string) => shape(word, matchKey(word)).stem;

test('splits و and ال off والمشاركون and stems it to مشارك', () => {
  assert.equal(pieces('والمشاركون'), 'و:conj ال:det مشاركون:stem');
  assert.equal(stem('والمشاركون'), 'مشارك');
});

test('reads the لل of للتعاون as a preposition and the article with its alef dropped', () => {
  assert.equal(pieces('للتعاون'), 'ل:prep ل:det تعاون:stem');
  assert.equal(stem('للتعاون'), 'تعاون');
});

test('never cuts a name: بوتين is not ب|وتين and keeps its ين', () => {
  assert.equal(pieces('بوتين'), 'بوتين:stem');
  assert.equal(stem('بوتين'), 'بوتين');
  assert.equal(pieces('لروسيا'), 'ل:prep روسيا:stem');
  assert.equal(stem('لروسيا'), 'روسيا');
});

test('keeps a word whole when its clitic-less rest is rare: وزير, بنك', () => {
  assert.equal(pieces('وزير'), 'وزير:stem');
  assert.equal(pieces('بنك'), 'بنك:stem');
});

test('splits conjunction, preposition and article together: وبالهجوم', () => {
  assert.equal(pieces('وبالهجوم'), 'و:conj ب:prep ال:det هجوم:stem');
  assert.equal(stem('بالهجوم'), 'هجوم');
});

test('separates pronoun suffixes and restores the ta marbuta before them', () => {
  assert.equal(pieces('نشرتها'), 'نشرت:stem ها:pron');
  assert.equal(pieces('عليه'), 'علي:stem ه:pron');
  assert.equal(pieces('حكومته'), 'حكومت:stem ه:pron');
  assert.equal(stem('حكومته'), stem('حكومة'));
  assert.equal(stem('حكومات'), stem('حكومة'));
});

test('splits the future particle only before an imperfect verb', () => {
  assert.equal(pieces('سيتم'), 'س:future يتم:stem');
});

test('keeps vowel marks and tatweel inside the segment of their letter', () => {
  const word = 'وَالمُشارِكونَ';
  const s = shape(word, matchKey(word));
  assert.deepEqual(
    s.segments.map((g) => word.slice(g.start, g.end)),
    ['وَ', 'ال', 'مُشارِكونَ'],
  );
  assert.equal(s.stem, 'مشارك');
  assert.equal(pieces('لـروسيا'), 'لـ:prep روسيا:stem');
});

test('segments tile the surface form exactly', () => {
  for (const word of ['والمشاركون', 'للتعاون', 'وَالمُشارِكونَ', 'حكومته', 'بوتين', 'و', 'ال']) {
    const s = shape(word, matchKey(word));
    assert.equal(s.segments.map((g) => word.slice(g.start, g.end)).join(''), word);
    for (let i = 1; i < s.segments.length; i++) assert.equal(s.segments[i]!.start, s.segments[i - 1]!.end);
  }
});

test('finds the stem of a word news never wrote by peeling known affixes: بمعهدك, وطفلتين, أأبادتاكما', () => {
  assert.equal(stem('بمعهدك'), 'معهد');
  assert.equal(stem('وطفلتين'), 'طفل');
  assert.equal(stem('أأبادتاكما'), 'اباد');
});

test('keeps an unknown word whole rather than cutting a name no list knows: قيرغيزستان', () => {
  assert.equal(stem('قيرغيزستان'), 'قيرغيزستان');
  assert.equal(pieces('قيرغيزستان'), 'قيرغيزستان:stem');
});
