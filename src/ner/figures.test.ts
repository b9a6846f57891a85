import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Figure } from '../core/doc.ts';
import { sharedDataDir } from '../corpus/shared-data.ts';
import { findNumbers } from '../text/numbers.ts';
import { tokenize } from '../text/tokens.ts';
import { findDates } from './dates.ts';
import { findFigures } from './figures.ts';

/** Figures are in order, never overlap, and start and end on tokens. */
function assertWellFormed(text: string, figures: readonly Figure[]): void {
  const tokens = tokenize(text);
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  let previousEnd = 0;
  for (const figure of figures) {
    const evidence = text.slice(figure.start, figure.end);
    assert.ok(
      figure.start >= previousEnd && figure.start < figure.end,
      `${evidence}: in order, not overlapping`,
    );
    assert.ok(starts.has(figure.start) && ends.has(figure.end), `${evidence}: starts and ends on a token`);
    previousEnd = figure.end;
  }
}

/** Each figure as `evidence=value`, then its unit, noun and currency where it has them. */
function read(text: string): string[] {
  const tokens = tokenize(text);
  const figures = findFigures(text, tokens, findNumbers(text, tokens));
  assertWellFormed(text, figures);
  return figures.map((f) =>
    [`${text.slice(f.start, f.end)}=${f.value}`, f.unit, f.noun, f.currency].filter(Boolean).join(' '),
  );
}

function assertFigures(table: Record<string, string | string[]>): void {
  for (const [text, expected] of Object.entries(table)) {
    assert.deepEqual(read(text), Array.isArray(expected) ? expected : [expected], text);
  }
}

test('finds no figures in an empty text', () => {
  assert.deepEqual(findFigures('', [], []), []);
});

test('reads a count of people with the noun that counts them', () => {
  assertFigures({
    'أسفر عن مقتل 144 شخصاً': '144 شخصاً=144 people شخصاً',
    'سقوط ١٢ جريحاً': '١٢ جريحاً=12 people جريحاً',
    'خرج ثلاثة آلاف متظاهر': 'ثلاثة آلاف متظاهر=3000 people متظاهر',
    'مقتل 5 أشخاص و20 قتيلاً': ['5 أشخاص=5 people أشخاص', '20 قتيلاً=20 people قتيلاً'],
  });
});

test('reads money with its currency, a scale already multiplied in', () => {
  assertFigures({
    'بلغت 5 مليارات دولار': '5 مليارات دولار=5000000000 money دولار USD',
    'نحو 2.5 مليون يورو': '2.5 مليون يورو=2500000 money يورو EUR',
    'غرامة 100 ألف روبل': '100 ألف روبل=100000 money روبل RUB',
    'قرض بـ3 ملايين جنيه إسترليني': '3 ملايين جنيه إسترليني=3000000 money جنيه GBP',
  });
});

test('settles a riyal, dinar or pound by the country after it, and leaves it open without one', () => {
  assertFigures({
    '10 آلاف ريال سعودي': '10 آلاف ريال سعودي=10000 money ريال SAR',
    '7 ريالات': '7 ريالات=7 money ريالات',
    '500 دينار أردني': '500 دينار أردني=500 money دينار JOD',
    '40 جنيهاً مصرياً': '40 جنيهاً مصرياً=40 money جنيهاً EGP',
    '20 ليرة تركية': '20 ليرة تركية=20 money ليرة TRY',
  });
});

test('reads currency signs before and after the number', () => {
  assertFigures({
    'سعر $5': '$5=5 money $ USD',
    'بسعر 20€': '20€=20 money € EUR',
    'بلغ £3.5 مليار': '£3.5 مليار=3500000000 money £ GBP',
  });
});

test('reads percentages as unit percent', () => {
  assertFigures({
    'ارتفع 50 في المئة': '50 في المئة=50 percent',
    'بنسبة 12%': '12%=12 percent',
    'بنسبة ٣٫٥٪': '٣٫٥٪=3.5 percent',
    'خمسين بالمئة': 'خمسين بالمئة=50 percent',
  });
});

test('reads any other cardinal as a plain count', () => {
  assertFigures({
    'ويتم استخدام 9 مقاتلات': '9=9',
    'اعتماد وثيقتين و١٤ قراراً': '١٤=14',
    'أرسل ألف جندي': 'ألف جندي=1000 people جندي',
  });
});

test('ordinals are not figures', () => {
  assertFigures({ 'الذكرى الثمانين للانتصار': [], 'الفصل السابع': [], 'للمرة الحادية عشرة': [] });
});

test('numbers inside dates are not figures, with or without a reference date', () => {
  assertFigures({
    'في 7 أكتوبر 2023 قتل 1200 شخص': '1200 شخص=1200 people شخص',
    'عام 1991 و2023/10/7 و2023-10-07': [],
    'السابع من أكتوبر': [],
    'منذ 2015 أصيب 30 مدنياً': '30 مدنياً=30 people مدنياً',
  });
});

test('numbers that name rather than count are not figures', () => {
  assertFigures({
    'القرار 2334': [],
    'المادة 51 من الميثاق': [],
    'في الساعة 10 صباحاً': [],
    'طائرات إف-16 وفيروس كوفيد-19': [],
    'رقم 5': [],
  });
});

test('a unit on the next line does not belong to the number', () => {
  assertFigures({ 'بلغ المبلغ 5\nدولار': '5=5' });
});

test('dates passed in decide which numbers belong to dates', () => {
  const text = 'في 7 أكتوبر قتل 10 أشخاص';
  const tokens = tokenize(text);
  const numbers = findNumbers(text, tokens);
  const show = (figures: Figure[]) => figures.map((f) => text.slice(f.start, f.end));
  const dates = findDates(text, tokens, numbers, '2024-04-12');
  assert.deepEqual(show(findFigures(text, tokens, numbers, dates)), ['10 أشخاص']);
  assert.deepEqual(show(findFigures(text, tokens, numbers, [])), ['7', '10 أشخاص']);
});

test('the seed article: 144 people, and no date or ordinal as a figure', () => {
  const seedPath = `${sharedDataDir()}/../seed/000_9b2053030ae6c209.txt`;
  const text = readFileSync(seedPath, 'utf8');
  const found = read(text);
  assert.ok(found.includes('144 شخصاً=144 people شخصاً'), found.join(' | '));
  for (const notFigure of ['1991', '2023', '7', '80']) {
    assert.ok(
      !found.some((f) => f.includes(`=${notFigure}`)),
      `${notFigure} is not a figure: ${found.join(' | ')}`,
    );
  }
});
