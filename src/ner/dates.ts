// Dates by rule over the text layer: month names in the Egyptian, Levantine and Maghrebi systems and
// the Hijri calendar, day + month (+ year), month + year, numeric dates, years after عام/سنة or an
// era marker, and expressions relative to the article's date (أمس · الأحد الماضي · العام المقبل).
//
// Expressions are read over tokens by their `norm`, left to right, longest match at the leftmost
// token; a reading is resolved against the reference date afterwards, so where an expression is
// does not depend on the reference, only its value does. Spans are token-aligned and cover the whole
// expression (شهر، يوم، عام and أوائل included, a preposition before it not), so
// `text.slice(start, end)` is its evidence. Values are Gregorian: Hijri dates are converted with the
// Umm al-Qura calendar where the day is known, and otherwise reported at the coarsest Gregorian
// precision that is exact (a Hijri month or year spans two Gregorian ones).

import type { DateMention, DatePrecision, NumberValue, Span, Token } from '../core/doc.ts';
import { isIgnorable, matchKey } from '../text/normalize.ts';

type Calendar = 'gregorian' | 'hijri';

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Forms are folded with `matchKey` at load, so they may carry hamza, ة, ى and tanwin.

const GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي'],
  ['فبراير', 'شباط', 'فيفري'],
  ['مارس', 'آذار'],
  ['أبريل', 'إبريل', 'نيسان', 'أفريل'],
  ['مايو', 'أيار', 'ماي'],
  ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز'],
  ['أغسطس', 'آب', 'أوت', 'غشت'],
  ['سبتمبر', 'أيلول', 'شتنبر'],
  ['أكتوبر', 'تشرين الأول', 'تشرين أول'],
  ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر'],
  ['ديسمبر', 'كانون الأول', 'كانون أول', 'دجنبر'],
];

const HIJRI_MONTHS: readonly (readonly string[])[] = [
  ['محرم', 'المحرم'],
  ['صفر'],
  ['ربيع الأول', 'ربيع أول'],
  ['ربيع الآخر', 'ربيع الثاني', 'ربيع آخر', 'ربيع ثاني'],
  ['جمادى الأولى', 'جمادى الأول', 'جمادى أولى'],
  ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى ثانية'],
  ['رجب'],
  ['شعبان'],
  ['رمضان'],
  ['شوال'],
  ['ذو القعدة', 'ذي القعدة', 'ذا القعدة'],
  ['ذو الحجة', 'ذي الحجة', 'ذا الحجة'],
];

/**
 * Month names that are also common words or names (مارس "he practised", نيسان Nissan, جوان Juan,
 * صفر zero, محرم forbidden, رجب/شعبان/رمضان given names): a month only where a date is plainly
 * meant — with a day, a year, شهر, the other system's name, a modifier or a temporal preposition.
 */
const AMBIGUOUS_MONTHS = new Set([
  'مارس',
  'نيسان',
  'ماي',
  'جوان',
  'آب',
  'صفر',
  'محرم',
  'المحرم',
  'رجب',
  'شعبان',
  'رمضان',
]);

/** آب folds to the key of أب (father): it must be written with madda. */
const EXACT_SURFACE = new Set(['آب']);

const WEEKDAYS: readonly (readonly string[])[] = [
  ['الأحد'],
  ['الاثنين', 'الإثنين'],
  ['الثلاثاء'],
  ['الأربعاء'],
  ['الخميس'],
  ['الجمعة'],
  ['السبت'],
];

type Clitics = 'none' | 'conj' | 'all';

/** Keys of the forms with the proclitics news attaches: و ف, then ب ل (ل + ال → لل). */
function keysOf(forms: readonly string[], clitics: Clitics = 'all'): string[] {
  const out: string[] = [];
  for (const form of forms) {
    const key = matchKey(form);
    for (const conj of clitics === 'none' ? [''] : ['', 'و', 'ف']) {
      for (const prep of clitics === 'all' ? ['', 'ب', 'ل'] : ['']) {
        out.push(conj + (prep === 'ل' && key.startsWith('ال') ? `ل${key.slice(1)}` : prep + key));
      }
    }
  }
  return out;
}

const keySet = (forms: readonly string[], clitics: Clitics = 'all') => new Set(keysOf(forms, clitics));
const plain = (...forms: string[]) => keySet(forms, 'none');

const YEAR_NOUNS = keySet(['عام', 'سنة', 'العام', 'السنة']);
/** The dual (عامي 2022 و2023): the year after و is a year too. */
const YEAR_DUALS = keySet(['عامي', 'سنتي', 'العامين', 'السنتين']);
const YEAR_DEFINITE = keySet(['العام', 'السنة']);
/** Year nouns that join a month (أكتوبر عام 2023 · مايو لعام 2015); with و they begin a new phrase. */
const YEAR_NOUNS_AFTER_MONTH = plain('عام', 'العام', 'سنة', 'السنة', 'لعام', 'للعام', 'لسنة', 'للسنة');
const MONTH_DEFINITE = keySet(['الشهر']);
const MONTH_NOUNS = keySet(['شهر']);
const DEMONSTRATIVES = keySet(['هذا', 'هذه']);
const CURRENT = plain('الحالي', 'الحالية', 'الجاري', 'الجارية');
const PAST = plain('الماضي', 'الماضية', 'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة');
const FUTURE = plain('المقبل', 'المقبلة', 'القادم', 'القادمة');
/** Words after which a bare number 1900–2100 is a year (في 2015 · منذ 1991), and which make an ambiguous month one. */
const TEMPORAL_PREPOSITIONS = keySet(
  ['في', 'منذ', 'حتى', 'بحلول', 'قبل', 'بعد', 'خلال', 'بين', 'لغاية', 'حلول', 'طيلة', 'طوال'],
  'conj',
);
/** Between two years of one phrase: عامي 2022 و2023 · من 2015 إلى 2020 · 2014-2015. */
const YEAR_JOINERS = plain('و', '-', '–', 'إلى', 'حتى', 'او');
/** Part of a month or year: the expression keeps month (or year) precision. */
const MODIFIERS = keySet([
  'أوائل',
  'مطلع',
  'بداية',
  'بدايات',
  'مستهل',
  'منتصف',
  'أواسط',
  'أواخر',
  'نهاية',
  'نهايات',
]);
const DAY_NOUNS = keySet(['يوم']);
const DAYPARTS = keySet(['صباح', 'صبيحة', 'مساء', 'ظهر', 'ظهيرة', 'فجر', 'عصر', 'ليلة', 'ليل']);
const CONCORDANT = keySet(['الموافق', 'الموافقة'], 'conj');
const YESTERDAY = keySet(['أمس', 'الأمس']);
const TODAY = keySet(['اليوم']);
const TOMORROW = matchKey('غد');
const TOMORROW_ADVERB = keySet(['غداً'], 'conj');
const BEFORE_YESTERDAY = keySet(['أول'], 'conj');
const FIRST = matchKey('الأول');
const AFTER = keySet(['بعد'], 'conj');
const OF = matchKey('من');
/** Nouns a number counts (منذ 2000 عام): the number before them is no year. */
const COUNTED_NOUNS = plain(
  'عام',
  'عاماً',
  'أعوام',
  'سنة',
  'سنوات',
  'يوم',
  'يوماً',
  'أيام',
  'شهر',
  'شهراً',
  'أشهر',
  'ساعة',
  'دقيقة',
  'شخص',
  'شخصاً',
  'أشخاص',
);
const SAFAR = matchKey('صفر');
/** Words before الاثنين that make it "the two" rather than Monday. */
const NOT_MONDAY = plain('بين', 'كلا', 'كلتا');
/** Nouns before a weekday that make it any such day (خطب الجمعة · صلاة الجمعة), not one date. */
const GENERIC_WEEKDAY = keySet(['صلاة', 'صلوات', 'خطبة', 'خطب', 'أيام', 'كل'], 'conj');
/** Era markers after a year. The letter م is also metres, so alone it marks only years 1900–2100. */
const GREGORIAN_ERA = plain('ميلادي', 'ميلادية', 'للميلاد', 'الميلادي', 'الميلادية', 'ميلادياً');
const GREGORIAN_ERA_LETTER = matchKey('م');
const HIJRI_ERA = plain('هـ', 'هجري', 'هجرية', 'للهجرة', 'الهجري', 'الهجرية', 'هجرياً');
/** Words that put a sentence in the future, so a bare weekday in it is the next one. */
const FUTURE_CUES = new Set([
  ...FUTURE,
  ...plain(
    'سوف',
    'غداً',
    'المقرر',
    'المنتظر',
    'المرتقب',
    'يعتزم',
    'تعتزم',
    'سيعقد',
    'ستعقد',
    'سيتم',
    'ستتم',
    'سيقام',
    'ستقام',
    'سيزور',
    'ستزور',
    'سيلتقي',
    'ستلتقي',
    'سيصل',
    'ستصل',
    'سيبدأ',
    'ستبدأ',
    'ستنطلق',
    'سينطلق',
    'سيجري',
    'ستجري',
    'سيكون',
    'ستكون',
  ),
]);
const SENTENCE_END = plain('.', '!', '?', '…', '؟');
/** Separators between the two names of one month: مارس/آذار · آذار (مارس) · آذار-مارس. */
const PAIR_SEPARATORS = plain('/', '\\', '-');

interface MonthName {
  readonly month: number;
  readonly calendar: Calendar;
  /** Keys of the words after the first (تشرين | الأول). */
  readonly rest: readonly string[];
  readonly ambiguous: boolean;
  /** The first word as written, without marks, where the key alone is not enough (آب). */
  readonly surface?: string;
}

const MONTH_NAMES = buildMonthNames();

function buildMonthNames(): Map<string, MonthName[]> {
  const names = new Map<string, MonthName[]>();
  const add = (calendar: Calendar, table: readonly (readonly string[])[]) =>
    table.forEach((forms, index) => {
      for (const form of forms) {
        const [first, ...rest] = form.split(' ');
        const ambiguous = AMBIGUOUS_MONTHS.has(form);
        for (const key of keysOf([first!], ambiguous ? 'conj' : 'all')) {
          const entry: MonthName = {
            month: index + 1,
            calendar,
            rest: rest.map(matchKey),
            ambiguous,
            ...(EXACT_SURFACE.has(form) ? { surface: form } : {}),
          };
          const list = names.get(key);
          if (list) list.push(entry);
          else names.set(key, [entry]);
        }
      }
    });
  add('gregorian', GREGORIAN_MONTHS);
  add('hijri', HIJRI_MONTHS);
  return names;
}

const WEEKDAY_OF = new Map<string, number>(
  WEEKDAYS.flatMap((forms, day) => keysOf(forms).map((key): [string, number] => [key, day])),
);

/** Keys of words that can begin a date expression; numbers always can. */
const STARTERS = new Set<string>([
  ...MONTH_NAMES.keys(),
  ...WEEKDAY_OF.keys(),
  ...YEAR_NOUNS,
  ...YEAR_DUALS,
  ...MONTH_DEFINITE,
  ...MONTH_NOUNS,
  ...DEMONSTRATIVES,
  ...MODIFIERS,
  ...DAY_NOUNS,
  ...DAYPARTS,
  ...YESTERDAY,
  ...TODAY,
  ...TOMORROW_ADVERB,
  ...BEFORE_YESTERDAY,
  ...AFTER,
  matchKey('ال'),
]);

// ---------------------------------------------------------------------------------------------
// Reading: what an expression states, before the reference date is applied.

interface Reading {
  /** Index of the first token after the expression. */
  readonly next: number;
  readonly calendar: Calendar;
  readonly year?: number;
  /** Years from the reference year (العام الماضي: -1). */
  readonly yearShift?: number;
  readonly month?: number;
  /** Months from the reference month (الشهر الماضي: -1). */
  readonly monthShift?: number;
  /** أكتوبر الماضي (-1): the last such month before the reference month; المقبل (1) the next; الجاري (0) this year's. */
  readonly monthDirection?: -1 | 0 | 1;
  readonly day?: number;
  /** Days from the reference date (أمس: -1). */
  readonly dayShift?: number;
  /** 0 = Sunday. */
  readonly weekday?: number;
  /** الماضي (-1): strictly before the reference; المقبل (1) strictly after; 0 from the sentence. */
  readonly weekdayDirection?: -1 | 0 | 1;
  /** أوائل أبريل: part of a month or a year, never a day. */
  readonly coarse?: true;
  /** A year that the next year of a dual or range continues (عامي 2022 و2023). */
  readonly yearOnly?: true;
}

interface Context {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** The number that starts at each token, and the index of the token after it. */
  readonly numberAt: readonly (NumberValue | undefined)[];
  readonly numberNext: Int32Array;
  /** 1 where a line break separates a token from the one before it: no expression spans lines. */
  readonly breakBefore: Uint8Array;
}

function createContext(text: string, tokens: readonly Token[], numbers: readonly NumberValue[]): Context {
  const numberAt: (NumberValue | undefined)[] = new Array(tokens.length);
  const numberNext = new Int32Array(tokens.length);
  let t = 0;
  for (const number of numbers) {
    while (t < tokens.length && tokens[t]!.start < number.start) t++;
    if (t === tokens.length) break;
    if (tokens[t]!.start !== number.start) continue;
    let last = t;
    while (last + 1 < tokens.length && tokens[last]!.end < number.end) last++;
    numberAt[t] = number;
    numberNext[t] = last + 1;
  }
  const breakBefore = new Uint8Array(tokens.length);
  for (let k = 1; k < tokens.length; k++) {
    for (let c = tokens[k - 1]!.end; c < tokens[k]!.start; c++) {
      const code = text.charCodeAt(c);
      if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
        breakBefore[k] = 1;
        break;
      }
    }
  }
  return { text, tokens, numberAt, numberNext, breakBefore };
}

/** The key of token k when it continues the expression before it (same line), else undefined. */
function follow(ctx: Context, k: number): string | undefined {
  return k < ctx.tokens.length && ctx.breakBefore[k] === 0 ? ctx.tokens[k]!.norm : undefined;
}

/** The key of the token before k on the same line. */
function before(ctx: Context, k: number): string | undefined {
  return k > 0 && ctx.breakBefore[k] === 0 ? ctx.tokens[k - 1]!.norm : undefined;
}

/** The value of a digit token of minSize–maxSize digits that is a number on its own (not 2000 in 2000 مليون). */
function digitsAt(ctx: Context, k: number, minSize: number, maxSize: number): number | undefined {
  const token = ctx.tokens[k];
  if (token?.kind !== 'number') return undefined;
  const key = token.norm;
  if (key.length < minSize || key.length > maxSize || !/^\d+$/.test(key)) return undefined;
  if (ctx.numberAt[k] !== undefined && ctx.numberNext[k] !== k + 1) return undefined;
  return Number(key);
}

/** The first word of a token as written, without diacritics or tatweel. */
function bareSurface(ctx: Context, k: number): string {
  const { start, end } = ctx.tokens[k]!;
  let out = '';
  for (let c = start; c < end; c++) if (!isIgnorable(ctx.text.charCodeAt(c))) out += ctx.text[c];
  return out;
}

interface MonthRead {
  readonly month: number;
  readonly calendar: Calendar;
  /** An ambiguous name (مارس) not confirmed by its pair (مارس/آذار). */
  readonly ambiguous: boolean;
  readonly next: number;
}

/** One month name of one or two words at token k, without its pair. */
function readMonthWord(ctx: Context, k: number): MonthRead | null {
  const token = ctx.tokens[k];
  if (token?.kind !== 'word') return null;
  let best: MonthRead | null = null;
  for (const name of MONTH_NAMES.get(token.norm) ?? []) {
    if (name.surface !== undefined && !bareSurface(ctx, k).endsWith(name.surface)) continue;
    if (!name.rest.every((key, r) => follow(ctx, k + 1 + r) === key)) continue;
    const next = k + 1 + name.rest.length;
    if (best === null || next > best.next) {
      best = { month: name.month, calendar: name.calendar, ambiguous: name.ambiguous, next };
    }
  }
  return best;
}

/** A month name with the same month in the other naming system: مارس/آذار · آذار (مارس). */
function readMonthName(ctx: Context, k: number): MonthRead | null {
  const first = readMonthWord(ctx, k);
  if (first === null) return null;
  const same = (other: MonthRead | null) =>
    other !== null && other.month === first.month && other.calendar === first.calendar;
  const separator = follow(ctx, first.next);
  if (separator !== undefined && PAIR_SEPARATORS.has(separator) && ctx.breakBefore[first.next + 1] === 0) {
    const other = readMonthWord(ctx, first.next + 1);
    if (same(other)) return { ...first, ambiguous: false, next: other!.next };
  }
  if (separator === '(' && ctx.breakBefore[first.next + 1] === 0) {
    const other = readMonthWord(ctx, first.next + 1);
    if (same(other) && follow(ctx, other!.next) === ')') {
      return { ...first, ambiguous: false, next: other!.next + 1 };
    }
  }
  return first;
}

interface EraRead {
  readonly calendar: Calendar;
  /** The letter م, which is also metres. */
  readonly letter: boolean;
  readonly next: number;
}

function readEra(ctx: Context, k: number): EraRead | null {
  const key = follow(ctx, k);
  if (key === undefined || ctx.tokens[k]!.kind !== 'word') return null;
  if (key === GREGORIAN_ERA_LETTER) return { calendar: 'gregorian', letter: true, next: k + 1 };
  if (GREGORIAN_ERA.has(key)) return { calendar: 'gregorian', letter: false, next: k + 1 };
  if (HIJRI_ERA.has(key)) return { calendar: 'hijri', letter: false, next: k + 1 };
  return null;
}

/** Whether a year fits its calendar and the evidence that it is one. */
function plausibleYear(year: number, calendar: Calendar, era: EraRead | null, named: boolean): boolean {
  if (calendar === 'hijri') return year >= 1 && year <= 1700 && (era !== null || named || year >= 1000);
  if (era?.letter && !named) return year >= 1900 && year <= 2100;
  return year >= (era !== null || named ? 100 : 1000) && year <= 2200;
}

interface YearRead {
  readonly year?: number;
  readonly yearShift?: number;
  readonly next: number;
}

/** What follows a month: أكتوبر 2023 · أكتوبر 2023م · أكتوبر من عام 2023 · أكتوبر من العام الماضي. */
function readYearAfterMonth(ctx: Context, k: number, calendar: Calendar): YearRead | null {
  let j = k;
  const of = follow(ctx, j) === OF;
  if (of) j++;
  const key = follow(ctx, j);
  const noun = key !== undefined && YEAR_NOUNS_AFTER_MONTH.has(key);
  const definite = noun && YEAR_DEFINITE.has(key);
  const named = noun && !definite;
  if (named || (definite && follow(ctx, j + 1) !== undefined && ctx.tokens[j + 1]!.kind === 'number')) j++;
  const year = follow(ctx, j) === undefined ? undefined : digitsAt(ctx, j, 3, 4);
  if (year !== undefined && (named || definite || !of)) {
    const era = readEra(ctx, j + 1);
    if (era !== null && era.calendar !== calendar) return null;
    if (!plausibleYear(year, calendar, era, named || definite)) return null;
    return { year, next: era?.next ?? j + 1 };
  }
  if (named || key === undefined) return null;
  const relative = readRelativePeriod(ctx, of ? k + 1 : k, true);
  if (relative?.yearShift !== undefined) return { yearShift: relative.yearShift, next: relative.next };
  return null;
}

/**
 * A month with what may follow it. `inContext`: a day or a modifier came before, so an ambiguous
 * name (مارس) is a month.
 */
function readMonthPhrase(ctx: Context, k: number, inContext: boolean): Reading | null {
  let j = k;
  const noun = MONTH_NOUNS.has(ctx.tokens[j]?.norm ?? '');
  if (noun) {
    j++;
    if (follow(ctx, j) === undefined) return null;
  }
  const name = readMonthName(ctx, j);
  if (name === null) return null;
  const { month, calendar } = name;
  const year = readYearAfterMonth(ctx, name.next, calendar);
  if (year !== null) {
    const base = { next: year.next, calendar, month };
    return year.year !== undefined ? { ...base, year: year.year } : { ...base, yearShift: year.yearShift! };
  }
  const after = follow(ctx, name.next);
  const direction =
    after === undefined
      ? undefined
      : PAST.has(after)
        ? -1
        : FUTURE.has(after)
          ? 1
          : CURRENT.has(after)
            ? 0
            : undefined;
  if (direction !== undefined) return { next: name.next + 1, calendar, month, monthDirection: direction };
  const prior = before(ctx, k);
  const plainlyMonth =
    !name.ambiguous || inContext || noun || (prior !== undefined && TEMPORAL_PREPOSITIONS.has(prior));
  return plainlyMonth ? { next: name.next, calendar, month } : null;
}

/** A day and its month: 7 أكتوبر · ٧ أكتوبر 2024 · الـ7 من أكتوبر · السابع من أكتوبر · 1 رمضان 1445 هـ. */
function readDayMonth(ctx: Context, k: number): Reading | null {
  let j = k;
  const token = ctx.tokens[j];
  if (token === undefined) return null;
  // الـ7: the article written before digits, attached.
  if (
    token.kind === 'word' &&
    token.norm === 'ال' &&
    ctx.tokens[j + 1]?.kind === 'number' &&
    ctx.tokens[j + 1]!.start === token.end
  ) {
    j++;
  }
  let day = digitsAt(ctx, j, 1, 2);
  let after: number;
  if (day !== undefined) {
    after = j + 1;
    if (follow(ctx, after) === OF) after++;
  } else {
    // A number word needs من: السابع من أكتوبر (an ordinal alone before a month is rare and vague).
    const number = ctx.numberAt[j];
    if (j !== k || number === undefined || ctx.tokens[j]!.kind !== 'word' || number.percent) return null;
    day = number.value;
    after = ctx.numberNext[j]!;
    if (follow(ctx, after) !== OF) return null;
    after++;
  }
  if (!Number.isInteger(day) || day < 1 || day > 31 || follow(ctx, after) === undefined) return null;
  const month = readMonthPhrase(ctx, after, true);
  if (month === null) return null;
  // 3 صفر is as often a score (3-0) as the 3rd of Safar: without من or a year, it is not a date.
  const zero = month.calendar === 'hijri' && month.month === 2 && month.year === undefined;
  if (zero && ctx.tokens[after]!.norm === SAFAR && follow(ctx, after - 1) !== OF) return null;
  return { ...month, day };
}

/** 2023/10/7 · 7/10/2023 · 7.10.2023 · 2023-10-07 · 10/2023, with an era marker after it if any. */
function readNumericDate(ctx: Context, k: number): Reading | null {
  const token = ctx.tokens[k];
  if (token?.kind !== 'number') return null;
  let parts: string[];
  let next: number;
  if (/^\d+([/.])\d+(\1\d+)?$/.test(token.norm)) {
    parts = token.norm.split(/[/.]/);
    if (parts.length === 2 && token.norm.includes('.')) return null; // a decimal
    next = k + 1;
  } else if (/^\d+$/.test(token.norm)) {
    // 2023-10-07 is five tokens written without spaces.
    parts = [token.norm];
    next = k + 1;
    while (parts.length < 3) {
      const dash = ctx.tokens[next];
      const part = ctx.tokens[next + 1];
      if (dash?.norm !== '-' || part?.kind !== 'number' || !/^\d+$/.test(part.norm)) break;
      if (dash.start !== ctx.tokens[next - 1]!.end || part.start !== dash.end) break;
      parts.push(part.norm);
      next += 2;
    }
    if (parts.length !== 3) return null;
  } else {
    return null;
  }
  const era = readEra(ctx, next);
  const calendar = era?.calendar ?? 'gregorian';
  const numbers = parts.map(Number);
  const yearFirst = parts[0]!.length === 4;
  const yearLast = parts[parts.length - 1]!.length === 4;
  let ymd: { y: number; m: number; d?: number } | null = null;
  if (parts.length === 2) {
    if (yearLast && parts[0]!.length <= 2) ymd = { y: numbers[1]!, m: numbers[0]! };
  } else if (yearFirst && parts[1]!.length <= 2 && parts[2]!.length <= 2) {
    ymd = { y: numbers[0]!, m: numbers[1]!, d: numbers[2]! };
  } else if (yearLast && parts[0]!.length <= 2 && parts[1]!.length <= 2) {
    // Day first, as Arabic writes it; month first only where the day-first reading is impossible.
    const [a, b, y] = numbers as [number, number, number];
    ymd = b > 12 && a <= 12 ? { y, m: a, d: b } : { y, m: b, d: a };
  }
  if (ymd === null || ymd.m < 1 || ymd.m > 12 || !plausibleYear(ymd.y, calendar, era, true)) return null;
  if (calendar === 'gregorian' && ymd.y < 1000) return null;
  if (ymd.d !== undefined && (ymd.d < 1 || ymd.d > (calendar === 'hijri' ? 30 : daysInMonth(ymd.y, ymd.m)))) {
    return null;
  }
  const base = { next: era?.next ?? next, calendar, year: ymd.y, month: ymd.m };
  return ymd.d === undefined ? base : { ...base, day: ymd.d };
}

/**
 * A year without a month: عام 1991 · سنة 2024م · العام 2023 · عامي 2022 و2023 · 1445 هـ · في 2015.
 * `chained`: the previous expression ended with a year just before a joiner (و · - · إلى), so a bare
 * year here continues it; `forced`: a modifier came before (أوائل 2024).
 */
function readYear(ctx: Context, k: number, chained: boolean, forced: boolean): Reading | null {
  const key = ctx.tokens[k]!.norm;
  const noun = YEAR_NOUNS.has(key) || YEAR_DUALS.has(key);
  const j = noun ? k + 1 : k;
  if (noun && follow(ctx, j) === undefined) return null;
  const year = digitsAt(ctx, j, noun ? 1 : 3, 4);
  if (year === undefined) return null;
  const era = readEra(ctx, j + 1);
  const calendar = era?.calendar ?? 'gregorian';
  if (noun || era !== null) {
    if (!plausibleYear(year, calendar, era, noun)) return null;
  } else {
    const prior = before(ctx, k);
    const triggered = forced || chained || (prior !== undefined && TEMPORAL_PREPOSITIONS.has(prior));
    if (!triggered || year < 1900 || year > 2100) return null;
    // منذ 2000 عام: a count of years, not the year 2000.
    const counted = follow(ctx, j + 1);
    if (counted !== undefined && COUNTED_NOUNS.has(counted)) return null;
  }
  return { next: era?.next ?? j + 1, calendar, year, yearOnly: true };
}

/**
 * هذا العام · العام الحالي · العام الماضي · السنة المقبلة · الشهر الماضي · هذا الشهر. `afterMonth`:
 * it qualifies a month just read (أكتوبر العام الماضي), so العام cannot be an adjective.
 */
function readRelativePeriod(ctx: Context, k: number, afterMonth = false): Reading | null {
  const first = ctx.tokens[k];
  if (first === undefined) return null;
  const demonstrative = DEMONSTRATIVES.has(first.norm);
  const j = demonstrative ? k + 1 : k;
  const noun = demonstrative ? follow(ctx, j) : first.norm;
  if (noun === undefined) return null;
  const isYear = YEAR_DEFINITE.has(noun);
  if (!isYear && !MONTH_DEFINITE.has(noun)) return null;
  let shift: number;
  let next: number;
  if (demonstrative) {
    if (noun.length !== 5 || !noun.startsWith('ال')) return null; // هذا العام, not هذا بالعام
    shift = 0;
    next = j + 1;
  } else {
    const adjective = follow(ctx, j + 1);
    if (adjective === undefined) return null;
    if (CURRENT.has(adjective)) shift = 0;
    else if (PAST.has(adjective)) shift = -1;
    else if (FUTURE.has(adjective)) shift = 1;
    else return null;
    // الأمين العام المقبل: after a definite noun, bare العام is the adjective "general".
    const prior = before(ctx, k);
    const adjectival =
      noun === matchKey('العام') && prior?.startsWith('ال') && !TEMPORAL_PREPOSITIONS.has(prior);
    if (adjectival && !afterMonth) return null;
    next = j + 2;
  }
  return isYear
    ? { next, calendar: 'gregorian', yearShift: shift }
    : { next, calendar: 'gregorian', monthShift: shift };
}

/** Part of a month or a year: أوائل أبريل · منتصف عام 2023 · نهاية العام الماضي · مطلع شهر رمضان. */
function readModified(ctx: Context, k: number): Reading | null {
  if (!MODIFIERS.has(ctx.tokens[k]!.norm) || follow(ctx, k + 1) === undefined) return null;
  const j = k + 1;
  const inner =
    readMonthPhrase(ctx, j, true) ??
    readRelativePeriod(ctx, j) ??
    (ctx.tokens[j]!.kind === 'number' || YEAR_NOUNS.has(ctx.tokens[j]!.norm)
      ? readYear(ctx, j, false, true)
      : null);
  return inner === null ? null : { ...inner, coarse: true };
}

/** الأحد · الأحد الماضي · الخميس المقبل · الأحد، 7 أكتوبر · الأحد الموافق 2024/4/7. */
function readWeekday(ctx: Context, k: number): Reading | null {
  const weekday = WEEKDAY_OF.get(ctx.tokens[k]!.norm);
  if (weekday === undefined) return null;
  const prior = before(ctx, k);
  if (weekday === 1 && prior !== undefined && NOT_MONDAY.has(prior)) return null;
  if (prior !== undefined && GENERIC_WEEKDAY.has(prior)) return null;
  let j = k + 1;
  if (follow(ctx, j) === ',') j++;
  if (CONCORDANT.has(follow(ctx, j) ?? '')) j++;
  if (follow(ctx, j) !== undefined) {
    const explicit = readDayMonth(ctx, j) ?? readNumericDate(ctx, j);
    if (explicit?.day !== undefined) return explicit;
  }
  const after = follow(ctx, k + 1);
  if (after !== undefined && PAST.has(after)) {
    return { next: k + 2, calendar: 'gregorian', weekday, weekdayDirection: -1 };
  }
  if (after !== undefined && FUTURE.has(after)) {
    return { next: k + 2, calendar: 'gregorian', weekday, weekdayDirection: 1 };
  }
  return { next: k + 1, calendar: 'gregorian', weekday, weekdayDirection: 0 };
}

/** The index after a weekday that names the day just read: اليوم الاثنين · أمس (الأحد). */
function afterNamedWeekday(ctx: Context, k: number): number {
  const key = follow(ctx, k);
  if (key !== undefined && WEEKDAY_OF.has(key)) return k + 1;
  const inner = follow(ctx, k + 1);
  if (key === '(' && inner !== undefined && WEEKDAY_OF.has(inner) && follow(ctx, k + 2) === ')') return k + 3;
  return k;
}

/** أمس · بالأمس · أمس الأول · أول أمس · غداً · بعد غد · اليوم الأحد · اليوم (الاثنين), after a day noun or not. */
function readDayWord(ctx: Context, k: number, afterDayNoun = false): Reading | null {
  const key = ctx.tokens[k]!.norm;
  const day = (dayShift: number, next: number): Reading => ({
    next: afterNamedWeekday(ctx, next),
    calendar: 'gregorian',
    dayShift,
  });
  if (YESTERDAY.has(key)) return follow(ctx, k + 1) === FIRST ? day(-2, k + 2) : day(-1, k + 1);
  if (BEFORE_YESTERDAY.has(key)) {
    const j = follow(ctx, k + 1) === OF ? k + 2 : k + 1;
    const word = follow(ctx, j);
    return word !== undefined && YESTERDAY.has(word) ? day(-2, j + 1) : null;
  }
  // غدا without tanwin is also the verb "became"; غد is tomorrow only after يوم or بعد.
  const tanwin = ctx.text.slice(ctx.tokens[k]!.start, ctx.tokens[k]!.end).includes('\u064b');
  if (TOMORROW_ADVERB.has(key) && tanwin) return day(1, k + 1);
  if (afterDayNoun && key === TOMORROW) return day(1, k + 1);
  if (AFTER.has(key) && follow(ctx, k + 1) === TOMORROW) return day(2, k + 2);
  if (TODAY.has(key)) {
    // اليوم alone is also "nowadays" or "the day"; with its weekday, or after صباح/مساء, it is today.
    const next = afterNamedWeekday(ctx, k + 1);
    return next > k + 1 || afterDayNoun ? { next, calendar: 'gregorian', dayShift: 0 } : null;
  }
  return null;
}

/** يوم الأحد · يوم 7 أكتوبر · صباح اليوم · مساء أمس · يوم غد · ليلة الجمعة. */
function readDayPrefixed(ctx: Context, k: number): Reading | null {
  const key = ctx.tokens[k]!.norm;
  if ((!DAY_NOUNS.has(key) && !DAYPARTS.has(key)) || follow(ctx, k + 1) === undefined) return null;
  const j = k + 1;
  const read =
    readDayWord(ctx, j, true) ?? readWeekday(ctx, j) ?? readNumericDate(ctx, j) ?? readDayMonth(ctx, j);
  const dayLevel =
    read !== null && (read.day !== undefined || read.dayShift !== undefined || read.weekday !== undefined);
  return dayLevel ? read : null;
}

/** The longest expression that starts at token k. */
function readAt(ctx: Context, k: number, chained: boolean): Reading | null {
  const token = ctx.tokens[k]!;
  if (token.kind === 'word' && !STARTERS.has(token.norm) && ctx.numberAt[k] === undefined) return null;
  if (token.kind !== 'word' && token.kind !== 'number') return null;
  let best: Reading | null = null;
  const consider = (read: Reading | null) => {
    if (read !== null && (best === null || read.next > best.next)) best = read;
  };
  if (token.kind === 'number') {
    consider(readNumericDate(ctx, k));
    consider(readDayMonth(ctx, k));
    consider(readYear(ctx, k, chained, false));
    return best;
  }
  consider(readDayMonth(ctx, k));
  consider(readMonthPhrase(ctx, k, false));
  consider(readYear(ctx, k, false, false));
  consider(readRelativePeriod(ctx, k));
  consider(readModified(ctx, k));
  consider(readWeekday(ctx, k));
  consider(readDayWord(ctx, k));
  consider(readDayPrefixed(ctx, k));
  return best;
}

interface Located extends Reading {
  readonly start: number;
}

/** Every date expression, in text order, before resolution. */
function scan(ctx: Context): Located[] {
  const found: Located[] = [];
  let k = 0;
  let lastYearEnd = -1;
  while (k < ctx.tokens.length) {
    // A bare year continues a year just read: عامي 2022 و2023 · من 2015 إلى 2020 · 2014-2015.
    const joiner = ctx.tokens[k - 1];
    const chained =
      lastYearEnd === k - 1 && joiner !== undefined && YEAR_JOINERS.has(joiner.norm) && !ctx.breakBefore[k];
    const read = readAt(ctx, k, chained);
    if (read === null) {
      k++;
      continue;
    }
    found.push({ ...read, start: k });
    lastYearEnd = read.yearOnly ? read.next : -1;
    k = read.next;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the reference date.

const DAY_MS = 86_400_000;

const pad = (n: number, size: number) => String(n).padStart(size, '0');

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function epochDay({ y, m, d }: Ymd): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / DAY_MS);
}

function ymdOf(day: number): Ymd {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function parseReference(reference: string | undefined): Ymd | undefined {
  const match = reference === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference);
  if (match === null) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : undefined;
}

const UMM_AL_QURA = new Intl.DateTimeFormat('en-US-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Umm al-Qura date of a Gregorian day (days since 1970-01-01). */
function hijriOfDay(day: number): Ymd {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of UMM_AL_QURA.formatToParts(day * DAY_MS)) {
    if (part.type === 'year') y = Number.parseInt(part.value, 10);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return { y, m, d };
}

const HIJRI_EPOCH_DAY = epochDay({ y: 622, m: 7, d: 19 });
const MEAN_MONTH = 29.530588;

/**
 * The Gregorian day of a Hijri date, or null when the month has no such day. Intl converts only
 * Gregorian → Hijri, so the day is found by stepping from the mean-month estimate.
 */
function dayOfHijri(y: number, m: number, d: number): number | null {
  let day = Math.round(HIJRI_EPOCH_DAY + ((y - 1) * 12 + (m - 1)) * MEAN_MONTH + (d - 1));
  for (let step = 0; step < 8; step++) {
    const h = hijriOfDay(day);
    if (h.y === y && h.m === m && h.d === d) return day;
    const gap = ((y - h.y) * 12 + (m - h.m)) * MEAN_MONTH + (d - h.d);
    day += Math.round(gap) || Math.sign(gap);
  }
  return null;
}

interface Resolved {
  readonly value: string;
  readonly precision: DatePrecision;
}

const yearValue = (y: number): Resolved => ({ value: pad(y, 4), precision: 'year' });
const monthValue = (y: number, m: number): Resolved => ({
  value: `${pad(y, 4)}-${pad(m, 2)}`,
  precision: 'month',
});
const dayValue = ({ y, m, d }: Ymd): Resolved => ({
  value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`,
  precision: 'day',
});

/** The finest Gregorian value that holds the whole Hijri period: its month if it lies in one, else the year it begins in. */
function spanValue(firstDay: number, nextFirstDay: number): Resolved {
  const a = ymdOf(firstDay);
  const b = ymdOf(nextFirstDay - 1);
  return a.y === b.y && a.m === b.m ? monthValue(a.y, a.m) : yearValue(a.y);
}

function resolveHijri(read: Reading, reference: Ymd | undefined): Resolved | null {
  const refHijri = reference && hijriOfDay(epochDay(reference));
  let year = read.year;
  if (year === undefined && refHijri !== undefined) {
    if (read.yearShift !== undefined) year = refHijri.y + read.yearShift;
    else if (read.monthDirection === -1) year = read.month! < refHijri.m ? refHijri.y : refHijri.y - 1;
    else if (read.monthDirection === 1) year = read.month! > refHijri.m ? refHijri.y : refHijri.y + 1;
    else if (read.month !== undefined) year = refHijri.y;
  }
  if (year === undefined || year < 1) return null;
  const { month, day } = read;
  if (month === undefined) {
    const first = dayOfHijri(year, 1, 1);
    const next = dayOfHijri(year + 1, 1, 1);
    return first === null || next === null ? null : spanValue(first, next);
  }
  if (day !== undefined && !read.coarse) {
    const exact = dayOfHijri(year, month, day);
    return exact === null ? null : dayValue(ymdOf(exact));
  }
  const first = dayOfHijri(year, month, 1);
  const next = month === 12 ? dayOfHijri(year + 1, 1, 1) : dayOfHijri(year, month + 1, 1);
  return first === null || next === null ? null : spanValue(first, next);
}

function resolve(read: Reading, reference: Ymd | undefined, futureSentence: () => boolean): Resolved | null {
  if (read.weekday !== undefined) {
    if (reference === undefined) return null;
    const today = epochDay(reference);
    const todayWeekday = new Date(today * DAY_MS).getUTCDay();
    let direction = read.weekdayDirection ?? 0;
    const strict = direction !== 0;
    if (direction === 0) direction = futureSentence() ? 1 : -1;
    const back = (todayWeekday - read.weekday + 7) % 7;
    const ahead = (read.weekday - todayWeekday + 7) % 7;
    const shift = direction < 0 ? -(back || (strict ? 7 : 0)) : ahead || (strict ? 7 : 0);
    return dayValue(ymdOf(today + shift));
  }
  if (read.dayShift !== undefined) {
    return reference === undefined ? null : dayValue(ymdOf(epochDay(reference) + read.dayShift));
  }
  if (read.monthShift !== undefined) {
    if (reference === undefined) return null;
    const index = reference.y * 12 + reference.m - 1 + read.monthShift;
    return monthValue(Math.floor(index / 12), (index % 12) + 1);
  }
  if (read.calendar === 'hijri') return resolveHijri(read, reference);
  let year = read.year;
  if (year === undefined && reference !== undefined) {
    if (read.yearShift !== undefined) year = reference.y + read.yearShift;
    else if (read.monthDirection === -1) year = read.month! < reference.m ? reference.y : reference.y - 1;
    else if (read.monthDirection === 1) year = read.month! > reference.m ? reference.y : reference.y + 1;
    else if (read.month !== undefined) year = reference.y;
  }
  if (year === undefined) return null;
  const { month, day } = read;
  if (month === undefined) return yearValue(year);
  if (day === undefined || read.coarse) return monthValue(year, month);
  return day <= daysInMonth(year, month) ? dayValue({ y: year, m: month, d: day }) : null;
}

const isRelative = (read: Reading) =>
  read.weekday !== undefined ||
  read.dayShift !== undefined ||
  read.monthShift !== undefined ||
  read.monthDirection !== undefined ||
  (read.yearShift !== undefined && read.year === undefined);

/** Whether the sentence around tokens [from, to) speaks of the future (سيعقد · المقبل · من المقرر). */
function inFutureSentence(ctx: Context, from: number, to: number): boolean {
  const { tokens, breakBefore } = ctx;
  const isEnd = (k: number) => tokens[k]!.kind === 'punct' && SENTENCE_END.has(tokens[k]!.norm);
  for (let k = from - 1; k >= 0 && !isEnd(k) && breakBefore[k + 1] === 0; k--) {
    if (FUTURE_CUES.has(tokens[k]!.norm)) return true;
  }
  for (let k = to; k < tokens.length && !isEnd(k) && breakBefore[k] === 0; k++) {
    if (FUTURE_CUES.has(tokens[k]!.norm)) return true;
  }
  return false;
}

/**
 * Dates in the text, resolved against `reference` (the article's date, `YYYY-MM-DD`). Without a
 * reference, expressions that need one (a month without a year, a weekday, أمس) are left out.
 * Mentions are in text order and never overlap.
 */
export function findDates(
  text: string,
  tokens: readonly Token[],
  numbers: readonly NumberValue[],
  reference?: string,
): DateMention[] {
  const ctx = createContext(text, tokens, numbers);
  const ref = parseReference(reference);
  const found: DateMention[] = [];
  for (const read of scan(ctx)) {
    const resolved = resolve(read, ref, () => inFutureSentence(ctx, read.start, read.next));
    if (resolved === null) continue;
    const span = { start: tokens[read.start]!.start, end: tokens[read.next - 1]!.end };
    found.push(isRelative(read) ? { ...span, ...resolved, relative: true } : { ...span, ...resolved });
  }
  return found;
}

/**
 * The spans of every date expression, whether or not it can be resolved without a reference date:
 * the numbers inside them are parts of dates, not quantities.
 */
export function findDateExpressions(
  text: string,
  tokens: readonly Token[],
  numbers: readonly NumberValue[],
): Span[] {
  return scan(createContext(text, tokens, numbers)).map((read) => ({
    start: tokens[read.start]!.start,
    end: tokens[read.next - 1]!.end,
  }));
}
