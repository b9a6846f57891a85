import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DateMention } from '../core/doc.ts';
import { readSaudiNewsNet } from '../corpus/saudinewsnet.ts';
import { sharedDataDir } from '../corpus/shared-data.ts';
import { findNumbers } from '../text/numbers.ts';
import { tokenize } from '../text/tokens.ts';
import { findDateExpressions, findDates } from './dates.ts';

/** The seed article is dated 2024-04-12 (a Friday); most cases read against it. */
const REFERENCE = '2024-04-12';

const FORMAT = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ } as const;

/** Mentions are in order, never overlap, start and end on tokens, and their value matches their precision. */
function assertWellFormed(text: string, dates: readonly DateMention[]): void {
  const tokens = tokenize(text);
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  let previousEnd = 0;
  for (const date of dates) {
    const evidence = text.slice(date.start, date.end);
    assert.ok(date.start >= previousEnd && date.start < date.end, `${evidence}: in order, not overlapping`);
    assert.ok(starts.has(date.start) && ends.has(date.end), `${evidence}: starts and ends on a token`);
    assert.match(date.value, FORMAT[date.precision], `${evidence}: ${date.value} is a ${date.precision}`);
    const [y, m, d] = date.value.split('-').map(Number);
    if (m !== undefined) assert.ok(m >= 1 && m <= 12, `${date.value}: a month`);
    if (d !== undefined) {
      const valid = new Date(Date.UTC(y!, m! - 1, d));
      assert.equal(valid.getUTCDate(), d, `${date.value}: a day of its month`);
    }
    previousEnd = date.end;
  }
}

/**
 * Each date as its evidence, `=`, its value, and ` relative` when it is counted from the reference.
 * `reference` null: no reference date.
 */
function read(text: string, reference: string | null = REFERENCE): string[] {
  const tokens = tokenize(text);
  const dates = findDates(text, tokens, findNumbers(text, tokens), reference ?? undefined);
  assertWellFormed(text, dates);
  return dates.map((d) => `${text.slice(d.start, d.end)}=${d.value}${d.relative ? ' relative' : ''}`);
}

/** Every text must hold exactly the one date given, as `evidence=value`. */
function assertDates(table: Record<string, string | string[]>, reference: string | null = REFERENCE): void {
  for (const [text, expected] of Object.entries(table)) {
    assert.deepEqual(read(text, reference), Array.isArray(expected) ? expected : [expected], text);
  }
}

test('finds nothing in an empty text or a text without dates', () => {
  assert.deepEqual(findDates('', [], [], REFERENCE), []);
  assert.deepEqual(read('قال الوزير إن 144 شخصاً قتلوا في الهجوم'), []);
});

test('reads 7 أكتوبر as a day of the reference year', () => {
  assertDates({ 'ومن المقرر أن يعقد الاجتماع في 7 أكتوبر.': '7 أكتوبر=2024-10-07' });
});

test('leaves a day or month without a year out when there is no reference date', () => {
  assert.deepEqual(read('في 7 أكتوبر وفي مارس/آذار', null), []);
  assert.deepEqual(read('في 7 أكتوبر 2023', null), ['7 أكتوبر 2023=2023-10-07']);
});

test('reads مارس/آذار as one month, of the reference year', () => {
  assertDates({ 'وقع في مارس/آذار،': 'مارس/آذار=2024-03' });
});

test('reads a month named in both systems, with a slash or brackets, as one month', () => {
  assertDates({
    'في آذار (مارس) 2023': 'آذار (مارس) 2023=2023-03',
    'في تشرين الأول/أكتوبر 2023': 'تشرين الأول/أكتوبر 2023=2023-10',
    'في 7 أكتوبر (تشرين الأول)': '7 أكتوبر (تشرين الأول)=2024-10-07',
    'في مارس (آذار) الماضي': 'مارس (آذار) الماضي=2024-03 relative',
  });
});

test('reads أكتوبر 2023 as a month of that year, also with من عام and an era marker', () => {
  assertDates({
    'عقد في أكتوبر 2023 في بيشكيك': 'أكتوبر 2023=2023-10',
    'في أكتوبر من عام 2023': 'أكتوبر من عام 2023=2023-10',
    'في أكتوبر عام 2023م': 'أكتوبر عام 2023م=2023-10',
    'في ديسمبر ٢٠٢٣': 'ديسمبر ٢٠٢٣=2023-12',
  });
});

test('reads أوائل, منتصف and أواخر a month with month precision', () => {
  assertDates({
    'في أوائل أبريل، رفض': 'أوائل أبريل=2024-04',
    'منتصف مايو 2023': 'منتصف مايو 2023=2023-05',
    'بحلول أواخر يونيو': 'أواخر يونيو=2024-06',
    'مطلع شهر رمضان': 'مطلع شهر رمضان=2024',
  });
});

test('reads every Egyptian, Levantine and Maghrebi month name', () => {
  const systems = [
    [
      'يناير',
      'فبراير',
      'مارس',
      'أبريل',
      'مايو',
      'يونيو',
      'يوليو',
      'أغسطس',
      'سبتمبر',
      'أكتوبر',
      'نوفمبر',
      'ديسمبر',
    ],
    [
      'كانون الثاني',
      'شباط',
      'آذار',
      'نيسان',
      'أيار',
      'حزيران',
      'تموز',
      'آب',
      'أيلول',
      'تشرين الأول',
      'تشرين الثاني',
      'كانون الأول',
    ],
    [
      'جانفي',
      'فيفري',
      'مارس',
      'أفريل',
      'ماي',
      'جوان',
      'جويلية',
      'أوت',
      'سبتمبر',
      'أكتوبر',
      'نوفمبر',
      'ديسمبر',
    ],
    [
      'يناير',
      'فبراير',
      'مارس',
      'أبريل',
      'ماي',
      'يونيو',
      'يوليوز',
      'غشت',
      'شتنبر',
      'أكتوبر',
      'نونبر',
      'دجنبر',
    ],
  ];
  for (const names of systems) {
    names.forEach((name, index) => {
      const month = String(index + 1).padStart(2, '0');
      assertDates({
        [`في ${index + 1} ${name} 2023`]: `${index + 1} ${name} 2023=2023-${month}-${String(index + 1).padStart(2, '0')}`,
      });
      assertDates({ [`في ${name}`]: `${name}=2024-${month}` });
    });
  }
});

test('reads a day in Arabic-Indic digits and a day written as an ordinal word', () => {
  assertDates({
    'في ٧ أكتوبر ٢٠٢٤': '٧ أكتوبر ٢٠٢٤=2024-10-07',
    'في ۱۲ مايو': '۱۲ مايو=2024-05-12',
    'في السابع من أكتوبر': 'السابع من أكتوبر=2024-10-07',
    'في الحادي والعشرين من مارس 2023': 'الحادي والعشرين من مارس 2023=2023-03-21',
    'في الـ7 من أكتوبر': 'الـ7 من أكتوبر=2024-10-07',
    'الأول من شهر مايو': 'الأول من شهر مايو=2024-05-01',
  });
});

test('reads numeric dates in either order and any digits, 2023-10-07 across its five tokens', () => {
  assertDates({
    'في 2023/10/7': '2023/10/7=2023-10-07',
    'في 7/10/2023': '7/10/2023=2023-10-07',
    'في 2023-10-07': '2023-10-07=2023-10-07',
    'في ٢٠٢٣-١٠-٠٧': '٢٠٢٣-١٠-٠٧=2023-10-07',
    'في 7.10.2023': '7.10.2023=2023-10-07',
    'في 12/25/2023': '12/25/2023=2023-12-25',
    'في 10/2023': '10/2023=2023-10',
  });
});

test('leaves impossible numeric dates and fractions alone', () => {
  assertDates({ '2023/13/40': [], '31/02/2024': [], 'بنسبة 2/3': [], 'الإصدار 1.2.3': [] });
});

test('reads years after عام, سنة, العام, منذ and في, and before م or هـ', () => {
  assertDates({
    'تشكيل الكومنولث في عام 1991 سمح': 'عام 1991=1991',
    'سنة 2024م': 'سنة 2024م=2024',
    'منذ 2015': '2015=2015',
    'في 2015 قامت': '2015=2015',
    'وقعت 1973م': '1973م=1973',
    'لعام 2023': 'لعام 2023=2023',
    'عام 622 للميلاد': 'عام 622 للميلاد=0622',
  });
});

test('does not turn every number into a year', () => {
  assertDates({
    'قتل 2015 شخصاً': [],
    'وصل عددهم 2000': [],
    'ركض 1500 م': [],
    'أكثر من 1990': [],
    'منذ 2000 عام': [],
    'فاز 3 صفر': [],
  });
});

test('reads both years of عامي 2022 و2023 and of a range', () => {
  assertDates({
    'بين عامي 2022 و2023': ['عامي 2022=2022', '2023=2023'],
    'منذ 2015 حتى 2020': ['2015=2015', '2020=2020'],
    'في 2003 - 2004': ['2003=2003', '2004=2004'],
  });
});

test('converts a Hijri day exactly and gives a Hijri month or year the Gregorian year it begins in', () => {
  assertDates({
    '1 رمضان 1445 هـ': '1 رمضان 1445 هـ=2024-03-11',
    'الموافق 15 شعبان': '15 شعبان=2024-02-25',
    '1445/9/1هـ': '1445/9/1هـ=2024-03-11',
    'عام 1445 هـ': 'عام 1445 هـ=2023',
    '1446هـ': '1446هـ=2024',
    'في ذي الحجة 1445': 'ذي الحجة 1445=2024',
    'خلال شهر رمضان': 'شهر رمضان=2024',
  });
});

test('reads a month name that is also a word only where a date is plainly meant', () => {
  assertDates({
    'مارس الضغوط على الحكومة': [],
    'قال رمضان إن': [],
    'أب وأم': [],
    'في مارس': 'مارس=2024-03',
    'في آب': 'آب=2024-08',
    'شهر رمضان': 'شهر رمضان=2024',
    'وفي صفر 1446': 'صفر 1446=2024',
    'في 3 صفر 1446': '3 صفر 1446=2024-08-07',
  });
});

test('resolves a weekday alone to the most recent such day on or before the reference', () => {
  assertDates({
    'قال الجمعة': 'الجمعة=2024-04-12 relative',
    'قال الأحد': 'الأحد=2024-04-07 relative',
    'يوم الاثنين': 'يوم الاثنين=2024-04-08 relative',
    'الجمعة الماضي': 'الجمعة الماضي=2024-04-05 relative',
  });
});

test('resolves a weekday forward when it or its sentence speaks of the future', () => {
  assertDates({
    'الأحد المقبل': 'الأحد المقبل=2024-04-14 relative',
    'الجمعة القادمة': 'الجمعة القادمة=2024-04-19 relative',
    'سيعقد الاجتماع الخميس في موسكو.': 'الخميس=2024-04-18 relative',
    'وقع الهجوم الخميس. سيعقد الاجتماع غداً': ['الخميس=2024-04-11 relative', 'غداً=2024-04-13 relative'],
  });
});

test('takes the written date of a weekday that has one', () => {
  assertDates({
    'يوم الأحد، 7 أكتوبر 2024': 'يوم الأحد، 7 أكتوبر 2024=2024-10-07',
    'الأحد الموافق 2024/4/7': 'الأحد الموافق 2024/4/7=2024-04-07',
  });
});

test('leaves weekdays and other deictic dates out without a reference', () => {
  assert.deepEqual(read('قال الأحد أمس إن العام الماضي', null), []);
});

test('leaves generic weekdays and الاثنين meaning "the two" alone', () => {
  assertDates({ 'موسوعة خطب الجمعة': [], 'الفرق بين الاثنين': [] });
});

test('reads هذا العام, العام الماضي and العام المقبل against the reference year', () => {
  assertDates({
    'وتترأس روسيا هذا العام رابطة': 'هذا العام=2024 relative',
    'العام الحالي': 'العام الحالي=2024 relative',
    'خلال العام الماضي': 'العام الماضي=2023 relative',
    'في السنة المقبلة': 'السنة المقبلة=2025 relative',
    'نهاية العام الماضي': 'نهاية العام الماضي=2023 relative',
  });
});

test('reads العام after a definite noun as the adjective "general"', () => {
  assertDates({ 'الأمين العام المقبل': [], 'المدعي العام الحالي': [] });
});

test('reads الشهر الماضي and الشهر الجاري, across the turn of a year', () => {
  assertDates({ 'الشهر الماضي': 'الشهر الماضي=2024-03 relative', 'هذا الشهر': 'هذا الشهر=2024-04 relative' });
  assertDates({ 'الشهر الماضي': 'الشهر الماضي=2023-12 relative' }, '2024-01-05');
});

test('reads a month with الماضي or المقبل as the last or next such month', () => {
  assertDates({
    'أكتوبر الماضي': 'أكتوبر الماضي=2023-10 relative',
    'مارس الماضي': 'مارس الماضي=2024-03 relative',
    'أكتوبر المقبل': 'أكتوبر المقبل=2024-10 relative',
    'مارس المقبل': 'مارس المقبل=2025-03 relative',
    'في أكتوبر من العام الماضي': 'أكتوبر من العام الماضي=2023-10 relative',
  });
});

test('reads أمس, أمس الأول, غداً and اليوم with its weekday', () => {
  assertDates({
    'قال أمس': 'أمس=2024-04-11 relative',
    بالأمس: 'بالأمس=2024-04-11 relative',
    'مساء أمس الأول': 'مساء أمس الأول=2024-04-10 relative',
    'أول من أمس': 'أول من أمس=2024-04-10 relative',
    غداً: 'غداً=2024-04-13 relative',
    'يوم غدٍ': 'يوم غدٍ=2024-04-13 relative',
    'بعد غد': 'بعد غد=2024-04-14 relative',
    'اليوم (الجمعة)': 'اليوم (الجمعة)=2024-04-12 relative',
    'صباح اليوم': 'صباح اليوم=2024-04-12 relative',
    'غدا الأمر صعباً': [],
    'العالم اليوم': [],
  });
});

test('reads dates with clitics attached and after prepositions', () => {
  assertDates({
    'وفي أكتوبر': 'أكتوبر=2024-10',
    'بحلول مارس': 'مارس=2024-03',
    'وأكتوبر 2023': 'وأكتوبر 2023=2023-10',
    'لشهر مايو': 'لشهر مايو=2024-05',
    'بالعام 2015م': 'بالعام 2015م=2015',
    'ومطلع 2024': 'ومطلع 2024=2024',
  });
});

test('reads dates through diacritics, tatweel and bidi marks', () => {
  assertDates({
    'فِي السَّابِعِ مِنْ أُكْتُوبَر': 'السَّابِعِ مِنْ أُكْتُوبَر=2024-10-07',
    'أكتـــوبر 2023': 'أكتـــوبر 2023=2023-10',
    'في \u200f7\u200f أكتوبر': '7\u200f أكتوبر=2024-10-07',
    'عَامَ ١٩٩١': 'عَامَ ١٩٩١=1991',
  });
});

test('does not read an expression across a line break', () => {
  assertDates({ 'في أكتوبر\n2023': 'أكتوبر=2024-10', 'عام\n1991': [] });
});

test('leaves an impossible day out', () => {
  assertDates({ 'في 31 فبراير 2023': [], 'في 30 فبراير': [] });
});

test('the seed article: the checklist dates with their values and offsets', () => {
  const seedPath = `${sharedDataDir()}/../seed/000_9b2053030ae6c209.txt`;
  const text = readFileSync(seedPath, 'utf8');
  const found = read(text, '2024-04-12');
  for (const expected of [
    'هذا العام=2024 relative',
    'مارس/آذار=2024-03',
    'أكتوبر 2023=2023-10',
    'أوائل أبريل=2024-04',
    'عام 1991=1991',
    '7 أكتوبر=2024-10-07',
  ]) {
    assert.ok(found.includes(expected), `${expected} in ${found.join(' | ')}`);
  }
  assert.equal(found.length, 6, found.join(' | '));
});

test('findDateExpressions gives the spans of dates that need a reference too', () => {
  const text = 'في 7 أكتوبر والأحد وعام 1991';
  const tokens = tokenize(text);
  const spans = findDateExpressions(text, tokens, findNumbers(text, tokens));
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    ['7 أكتوبر', 'والأحد', 'وعام 1991'],
  );
});

test('1,000 SaudiNewsNet articles: every date is well formed against the article date', () => {
  let dates = 0;
  for (const article of readSaudiNewsNet({ limit: 1000 })) {
    const tokens = tokenize(article.text);
    const found = findDates(article.text, tokens, findNumbers(article.text, tokens), article.date);
    assertWellFormed(article.text, found);
    dates += found.length;
  }
  assert.ok(dates > 1000, `${dates} dates`);
});
