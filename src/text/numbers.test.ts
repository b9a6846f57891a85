import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNumbers } from './numbers.ts';
import { tokenize } from './tokens.ts';

/** Each number as its evidence, its value and its flags: `text.slice(start, end)` must be the expression. */
function read(text: string): string[] {
  return findNumbers(text, tokenize(text)).map(
    (n) => `${text.slice(n.start, n.end)}=${n.value}${n.ordinal ? ' ordinal' : ''}${n.percent ? ' %' : ''}`,
  );
}

/** The value of a text that must hold exactly one number spanning all of it. */
function readWhole(text: string): string {
  const found = findNumbers(text, tokenize(text));
  assert.equal(found.length, 1, `${text}: ${read(text).join(' | ')}`);
  const [n] = found;
  assert.equal(text.slice(n!.start, n!.end), text, `${text} is not covered whole`);
  return `${n!.value}${n!.ordinal ? ' ordinal' : ''}${n!.percent ? ' %' : ''}`;
}

function assertValues(table: Record<string, number | string>): void {
  for (const [text, expected] of Object.entries(table)) assert.equal(readWhole(text), String(expected), text);
}

test('finds nothing in an empty text', () => {
  assert.deepEqual(findNumbers('', []), []);
  assert.deepEqual(read(''), []);
});

test('reads digits in ASCII, Arabic-Indic and Persian scripts', () => {
  assertValues({ '144': 144, '١٤٤': 144, '۱۴۴': 144, '007': 7 });
});

test('reads a decimal point and the Arabic decimal separator', () => {
  assertValues({ '1.5': 1.5, '٣٫٥': 3.5, '۲٫۷۵': 2.75 });
});

test('reads a comma before three digits as thousands and any other comma as a decimal comma', () => {
  assertValues({ '10,000': 10000, '١٠٬٠٠٠': 10000, '1,234,567': 1234567, '2,5': 2.5, '0,75': 0.75 });
});

test('reads the last of two different marks as the decimal mark', () => {
  assertValues({ '1,234.5': 1234.5, '1.234,5': 1234.5, '1.000.000': 1000000 });
});

test('leaves dates, times and irregular digit groups alone', () => {
  assert.deepEqual(read('في 2023/10/7 عند 12:30 و٢٠٢٣/١٠/٧ والإصدار 1.2.3'), []);
});

test('reads مئة وأربعة وأربعون as 144', () => {
  assertValues({ 'مئة وأربعة وأربعون': 144 });
});

test('reads ثلاثة آلاف وخمسمئة as 3500', () => {
  assertValues({ 'ثلاثة آلاف وخمسمئة': 3500 });
});

test('reads أربعة وعشرين as 24: units come before tens', () => {
  assertValues({ 'أربعة وعشرين': 24, 'خمسة وتسعون': 95, 'مئة وخمسة وعشرون': 125 });
});

test('reads every spelling of the units and of ten', () => {
  assertValues({
    واحد: 1,
    واحدة: 1,
    اثنان: 2,
    اثنين: 2,
    اثنتان: 2,
    ثلاثة: 3,
    ثلاث: 3,
    أربعة: 4,
    أربع: 4,
    خمسة: 5,
    ستة: 6,
    ست: 6,
    سبع: 7,
    ثمانية: 8,
    ثماني: 8,
    ثمان: 8,
    تسعة: 9,
    عشرة: 10,
    عشر: 10,
  });
});

test('reads the teens in both genders', () => {
  assertValues({
    'أحد عشر': 11,
    'إحدى عشرة': 11,
    'اثنا عشر': 12,
    'اثني عشر': 12,
    'اثنتي عشرة': 12,
    'ثلاثة عشر': 13,
    'ثماني عشرة': 18,
    'تسع عشرة': 19,
  });
});

test('reads the decades in the nominative and the oblique', () => {
  assertValues({ عشرون: 20, عشرين: 20, ثلاثون: 30, أربعين: 40, ستين: 60, ثمانون: 80, ثمانين: 80, تسعين: 90 });
});

test('reads the hundreds in every spelling, joined or apart', () => {
  assertValues({
    مئة: 100,
    مائة: 100,
    مئتان: 200,
    مئتين: 200,
    مائتان: 200,
    ثلاثمئة: 300,
    ثلاثمائة: 300,
    'ثلاث مئة': 300,
    'أربع مائة': 400,
    ستمئة: 600,
    ثمانمئة: 800,
    'ثماني مئة': 800,
    تسعمائة: 900,
  });
});

test('reads scale words alone, doubled and multiplied', () => {
  assertValues({
    ألف: 1000,
    ألفان: 2000,
    ألفين: 2000,
    مليون: 1e6,
    مليونان: 2e6,
    مليار: 1e9,
    بليون: 1e9,
    تريليون: 1e12,
    'عشرة آلاف': 10000,
    'ثلاثة ملايين': 3e6,
    'خمسة مليارات': 5e9,
    'مئة ألف': 100000,
    'مئتا ألف': 200000,
    'اثنا عشر ألفاً': 12000,
    'خمسة وعشرون ألفاً': 25000,
    'ألف مليون': 1e9,
  });
});

test('multiplies digits by the scale word after them', () => {
  assertValues({
    '2.5 مليون': 2500000,
    '144 ألف': 144000,
    '3 مليارات': 3e9,
    '١٫٥ مليار': 1.5e9,
    '3 آلاف': 3000,
  });
});

test('reads long compounds from the largest part down', () => {
  assertValues({
    'ثلاثة ملايين وخمسمئة ألف ومئتان وعشرون': 3500220,
    'ألفين وخمسة عشر': 2015,
    'مئة وأحد عشر': 111,
    'مئة وثلاثة عشر': 113,
    'ألف وتسعمائة وثمانية وأربعون': 1948,
    'ثلاثة آلاف و500': 3500,
    'مئة و خمسون': 150,
  });
});

test('reads fractions of a scale', () => {
  assertValues({
    'نصف مليون': 500000,
    'مليون ونصف': 1500000,
    'ربع مليار': 250000000,
    'ثلاثة آلاف ونصف': 3500,
  });
});

test('ignores tanwin, vowel marks and tatweel inside number words', () => {
  assertValues({
    ثلاثةً: 3,
    مليوناً: 1e6,
    'ثلاثةُ آلافٍ': 3000,
    'أَرْبَعَةٌ وَعِشْرُونَ': 24,
    ثـلاثـة: 3,
    'خمـسمـئة ألـف': 500000,
    'الحادِيَ عَشَرَ': '11 ordinal',
  });
});

test('reads number words with the clitics و ب ل and the article attached', () => {
  assertValues({
    وثلاثة: 3,
    بثلاثة: 3,
    لخمسة: 5,
    بعشرين: 20,
    بمليون: 1e6,
    وألف: 1000,
    الثلاثة: 3,
    والخمسة: 5,
  });
  assert.deepEqual(read('الدول الثلاث'), ['الثلاث=3']);
});

test('reads the ordinals from الأول to العاشر with their position', () => {
  assertValues({
    الأول: '1 ordinal',
    الأولى: '1 ordinal',
    أول: '1 ordinal',
    لأول: '1 ordinal',
    الثاني: '2 ordinal',
    الثانية: '2 ordinal',
    الثالث: '3 ordinal',
    للثالثة: '3 ordinal',
    الرابعة: '4 ordinal',
    الخامس: '5 ordinal',
    السادسة: '6 ordinal',
    السابع: '7 ordinal',
    الثامنة: '8 ordinal',
    التاسع: '9 ordinal',
    العاشرة: '10 ordinal',
    ثالثاً: '3 ordinal',
  });
});

test('reads أولى as one word, the first, not as أول and a letter', () => {
  assert.deepEqual(read('المرحلة الأولى'), ['الأولى=1 ordinal']);
  assert.deepEqual(read('أولى الخطوات'), ['أولى=1 ordinal']);
});

test('reads compound ordinals: teens and unit-and-decade', () => {
  assertValues({
    'الحادي عشر': '11 ordinal',
    'الحادية عشرة': '11 ordinal',
    'الثاني عشر': '12 ordinal',
    'التاسع عشر': '19 ordinal',
    'الحادي والعشرون': '21 ordinal',
    'الخامس والعشرين': '25 ordinal',
    'الخامسة والسبعين': '75 ordinal',
  });
});

test('reads a definite decade after a noun as an ordinal: الذكرى الثمانين is the 80th', () => {
  assert.deepEqual(read('الذكرى الثمانين لتأسيس الجامعة'), ['الثمانين=80 ordinal']);
  assert.deepEqual(read('القرن العشرين'), ['العشرين=20 ordinal']);
});

test('reads a bare or counted decade as a cardinal', () => {
  assert.deepEqual(read('ثمانين'), ['ثمانين=80']);
  assert.deepEqual(read('خلال السنوات العشرين الماضية'), ['العشرين=20']);
  assert.deepEqual(read('خلال العشرين عاماً الماضية'), ['العشرين=20']);
  assert.deepEqual(read('الثلاثة والعشرين'), ['الثلاثة والعشرين=23']);
});

test('reads a number and its percent sign or phrase as one percentage', () => {
  assertValues({
    '50%': '50 %',
    '٥٠٪': '50 %',
    '12.5 %': '12.5 %',
    '30 في المائة': '30 %',
    'خمسين في المئة': '50 %',
    '7 بالمئة': '7 %',
    '40 بالمائة': '40 %',
    '20 فى المئة': '20 %',
  });
});

test('covers the whole expression in offsets of the original text, bidi marks and all', () => {
  const text = 'قال\u200f إنّ مئةً وأربعةً وأربعين شخصاً أصيبوا، وارتفع السعر 12٪.';
  const compound = 'مئةً وأربعةً وأربعين';
  const percent = '12٪';
  const at = text.indexOf(compound);
  const percentAt = text.indexOf(percent);
  assert.deepEqual(findNumbers(text, tokenize(text)), [
    { start: at, end: at + compound.length, value: 144 },
    { start: percentAt, end: percentAt + percent.length, value: 12, percent: true },
  ]);
});

test('returns numbers sorted by start and never overlapping', () => {
  const text =
    'في الدورة الحادية عشرة شارك ألفان و500 لاعب من 12 دولة، وحصل الفريق على 3 ملايين دولار بنسبة 5%';
  const found = findNumbers(text, tokenize(text));
  assert.deepEqual(read(text), [
    'الحادية عشرة=11 ordinal',
    'ألفان و500=2500',
    '12=12',
    '3 ملايين=3000000',
    '5%=5 %',
  ]);
  for (let k = 1; k < found.length; k++) assert.ok(found[k - 1]!.end <= found[k]!.start);
});

test('keeps listed numbers apart: ثلاثة وأربعة are two numbers', () => {
  assert.deepEqual(read('ثلاثة وأربعة'), ['ثلاثة=3', 'وأربعة=4']);
  assert.deepEqual(read('5 و6'), ['5=5', '6=6']);
  assert.deepEqual(read('عشرون وأربعة'), ['عشرون=20', 'وأربعة=4']);
});

test('does not read a number across a line break', () => {
  assert.deepEqual(read('ثلاثة\nآلاف'), ['ثلاثة=3']);
  assert.deepEqual(read('50\n%'), ['50=50']);
});

test('does not read words that only look like numbers', () => {
  const text =
    'خرج عشرات الآلاف ومئات المتظاهرين وآلاف آخرون يوم الاثنين ويوم الأحد، وقال أحد المسؤولين وجيروم باول: لست أدري، وفاز وست هام';
  assert.deepEqual(read(text), []);
});

test('never reads a single letter or a lone clitic as a number', () => {
  assert.deepEqual(read('و ب ل ال'), []);
  assert.deepEqual(read('حادي'), []);
});

test('reads ثاني in ثاني أكسيد الكربون as the ordinal 2, like any ثاني', () => {
  assert.deepEqual(read('ثاني أكسيد الكربون'), ['ثاني=2 ordinal']);
});

test('reads ست alone and after a compound و, but not وست alone', () => {
  assert.deepEqual(read('ست دول'), ['ست=6']);
  assert.deepEqual(read('مئة وست'), ['مئة وست=106']);
});
