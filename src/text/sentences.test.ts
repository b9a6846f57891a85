import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

test('ends sentences at . ! ? ؟ and …', () => {
  assert.deepEqual(split('انعقد الاجتماع. هل حضر الوزير؟ نعم! ثم…  انتهى'), [
    'انعقد الاجتماع.',
    'هل حضر الوزير؟',
    'نعم!',
    'ثم…',
    'انتهى',
  ]);
});

test('a line break ends a headline or list item without punctuation', () => {
  assert.deepEqual(split('القضايا الأمنية\nانعقد في مينسك الاجتماع.\n- البند الأول\n- البند الثاني'), [
    'القضايا الأمنية',
    'انعقد في مينسك الاجتماع.',
    '- البند الأول',
    '- البند الثاني',
  ]);
});

test('keeps closing quotes with the sentence they end', () => {
  assert.deepEqual(split('وقال لافروف: “لقد أولينا اهتماماً كبيراً.” وأضاف: «نعم».'), [
    'وقال لافروف: “لقد أولينا اهتماماً كبيراً.”',
    'وأضاف: «نعم».',
  ]);
});

test('does not end a sentence inside numbers and dates: 1.5 · 2023/10/7', () => {
  assert.deepEqual(split('ارتفع بنسبة 1.5 في المئة في 2023/10/7 وفق التقرير.'), [
    'ارتفع بنسبة 1.5 في المئة في 2023/10/7 وفق التقرير.',
  ]);
});

test('does not end a sentence after an abbreviation or an initial', () => {
  assert.deepEqual(split('التقى د. محمد مع Mr. Smith و ج. بوش في U.S. اليوم.'), [
    'التقى د. محمد مع Mr. Smith و ج. بوش في U.S. اليوم.',
  ]);
});

test('an era marker after a year ends the sentence: عام 1991 م. ثم', () => {
  assert.deepEqual(split('تأسس عام 1991 م. ثم توسع.'), ['تأسس عام 1991 م.', 'ثم توسع.']);
});

test('no tokens, no sentences', () => {
  assert.deepEqual(split(''), []);
  assert.deepEqual(split('ًٌٍ \n '), []);
});
