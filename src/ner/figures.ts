// Figures: the quantities an article reports, picked from the text layer's numbers. Every cardinal
// number is one, except ordinals, the parts of dates, and numbers that name rather than count
// (القرار 2334 · المادة 51 · الساعة 10 · إف-16). A unit is read from the words right after the
// number (or a currency sign before or after it): money, people, or percent from the number itself.
// The span covers the number and its unit words, so `text.slice(start, end)` is the evidence.

import type { Figure, NumberValue, Span, Token } from '../core/doc.ts';
import { matchKey } from '../text/normalize.ts';
import { findDateExpressions } from './dates.ts';

const keys = (...forms: string[]) => forms.map(matchKey);

/** Currency nouns with the code they stand for alone (undefined: the country must say). */
const CURRENCY_NOUNS: readonly [readonly string[], string, string | undefined][] = [
  [keys('دولار', 'دولاراً', 'دولارات'), 'dollar', 'USD'],
  [keys('يورو'), 'euro', 'EUR'],
  [keys('روبل', 'روبلاً', 'روبلات'), 'ruble', 'RUB'],
  [keys('ريال', 'ريالاً', 'ريالات'), 'riyal', undefined],
  [keys('جنيه', 'جنيهاً', 'جنيهات'), 'pound', undefined],
  [keys('إسترليني', 'استرليني'), 'pound', 'GBP'],
  [keys('درهم', 'درهماً', 'دراهم'), 'dirham', undefined],
  [keys('دينار', 'ديناراً', 'دنانير'), 'dinar', undefined],
  [keys('ليرة', 'ليرات'), 'lira', undefined],
  [keys('شيكل', 'شيكلاً', 'شواكل'), 'shekel', 'ILS'],
  [keys('يوان'), 'yuan', 'CNY'],
  [keys('ين'), 'yen', 'JPY'],
];

/** Country adjectives after a currency noun (masculine and feminine forms). */
const COUNTRY_ADJECTIVES: readonly [readonly string[], string][] = [
  [keys('أمريكي', 'أميركي', 'أمريكية', 'أميركية'), 'US'],
  [keys('كندي', 'كندية'), 'CA'],
  [keys('أسترالي', 'أسترالية'), 'AU'],
  [keys('سعودي', 'سعودية'), 'SA'],
  [keys('قطري', 'قطرية'), 'QA'],
  [keys('يمني', 'يمنية'), 'YE'],
  [keys('عماني', 'عمانية'), 'OM'],
  [keys('إيراني', 'إيرانية'), 'IR'],
  [keys('مصري', 'مصرية'), 'EG'],
  [keys('سوداني', 'سودانية'), 'SD'],
  [keys('إسترليني', 'استرليني', 'إسترلينية', 'استرلينية'), 'GB'],
  [keys('إماراتي', 'إماراتية'), 'AE'],
  [keys('مغربي', 'مغربية'), 'MA'],
  [keys('أردني', 'أردنية'), 'JO'],
  [keys('كويتي', 'كويتية'), 'KW'],
  [keys('بحريني', 'بحرينية'), 'BH'],
  [keys('عراقي', 'عراقية'), 'IQ'],
  [keys('ليبي', 'ليبية'), 'LY'],
  [keys('تونسي', 'تونسية'), 'TN'],
  [keys('جزائري', 'جزائرية'), 'DZ'],
  [keys('تركي', 'تركية'), 'TR'],
  [keys('سوري', 'سورية'), 'SY'],
  [keys('لبناني', 'لبنانية'), 'LB'],
  [keys('روسي', 'روسية'), 'RU'],
];

/** `currency:country` → ISO 4217. */
const CURRENCY_CODES: Readonly<Record<string, string>> = {
  'dollar:US': 'USD',
  'dollar:CA': 'CAD',
  'dollar:AU': 'AUD',
  'riyal:SA': 'SAR',
  'riyal:QA': 'QAR',
  'riyal:YE': 'YER',
  'riyal:OM': 'OMR',
  'riyal:IR': 'IRR',
  'pound:EG': 'EGP',
  'pound:SD': 'SDG',
  'pound:GB': 'GBP',
  'dirham:AE': 'AED',
  'dirham:MA': 'MAD',
  'dinar:JO': 'JOD',
  'dinar:KW': 'KWD',
  'dinar:BH': 'BHD',
  'dinar:IQ': 'IQD',
  'dinar:LY': 'LYD',
  'dinar:TN': 'TND',
  'dinar:DZ': 'DZD',
  'lira:TR': 'TRY',
  'lira:SY': 'SYP',
  'lira:LB': 'LBP',
  'ruble:RU': 'RUB',
};

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

/** Nouns that count people, in the forms that follow a number (singular, plural, accusative). */
const PEOPLE_NOUNS = new Set(
  keys(
    'شخص',
    'شخصاً',
    'أشخاص',
    // … وأصيب 12 آخرون: the others of a casualty count.
    'آخرون',
    'آخرين',
    'قتيل',
    'قتيلاً',
    'قتلى',
    'جريح',
    'جريحاً',
    'جرحى',
    'مصاب',
    'مصاباً',
    'مصابين',
    'ضحية',
    'ضحايا',
    'مواطن',
    'مواطناً',
    'مواطنين',
    'مدني',
    'مدنياً',
    'مدنيين',
    'طفل',
    'طفلاً',
    'أطفال',
    'امرأة',
    'نساء',
    'رجل',
    'رجلاً',
    'رجال',
    'جندي',
    'جندياً',
    'جنود',
    'عسكري',
    'عسكرياً',
    'عسكريين',
    'شرطي',
    'شرطياً',
    'لاجئ',
    'لاجئاً',
    'لاجئين',
    'نازح',
    'نازحاً',
    'نازحين',
    'مهاجر',
    'مهاجراً',
    'مهاجرين',
    'أسير',
    'أسيراً',
    'أسرى',
    'معتقل',
    'معتقلاً',
    'معتقلين',
    'سجين',
    'سجيناً',
    'سجناء',
    'رهينة',
    'رهائن',
    'مسلح',
    'مسلحاً',
    'مسلحين',
    'متظاهر',
    'متظاهراً',
    'متظاهرين',
    'نسمة',
    'فرد',
    'أفراد',
    'عامل',
    'عاملاً',
    'عمال',
    'طالب',
    'طالباً',
    'طلاب',
  ),
);

/** Words before a number that make it a name or a label rather than a quantity. */
const LABELS = new Set(
  keys(
    'رقم',
    'برقم',
    'الرقم',
    'قرار',
    'القرار',
    'المادة',
    'مادة',
    'البند',
    'الفقرة',
    'الآية',
    'الساعة',
    'الطراز',
    'طراز',
  ),
);

/** One-letter clitics that attach to a number without naming it (و2023 · ب5 ملايين · الـ7). */
const CLITIC_KEYS = new Set(keys('و', 'ف', 'ب', 'ل', 'ك', 'وب', 'فب', 'ول', 'ال', 'بال', 'وال', 'لل'));

const CURRENCY_OF = new Map<string, readonly [string, string | undefined]>(
  CURRENCY_NOUNS.flatMap(([forms, name, code]) => forms.map((key) => [key, [name, code] as const] as const)),
);
const COUNTRY_OF = new Map<string, string>(
  COUNTRY_ADJECTIVES.flatMap(([forms, country]) => forms.map((key) => [key, country] as const)),
);

/**
 * Figures in the text. `dates` are the spans whose numbers are parts of dates; by default every date
 * expression (`findDateExpressions`), which needs no reference date.
 */
export function findFigures(
  text: string,
  tokens: readonly Token[],
  numbers: readonly NumberValue[],
  dates: readonly Span[] = findDateExpressions(text, tokens, numbers),
): Figure[] {
  const figures: Figure[] = [];
  let t = 0;
  let d = 0;
  for (const number of numbers) {
    if (number.ordinal) continue;
    while (d < dates.length && dates[d]!.end <= number.start) d++;
    if (d < dates.length && dates[d]!.start < number.end) continue;
    while (t < tokens.length && tokens[t]!.start < number.start) t++;
    let last = t;
    while (last + 1 < tokens.length && tokens[last]!.end < number.end) last++;
    if (names(text, tokens, t)) continue;
    if (number.percent) {
      figures.push({ start: number.start, end: number.end, value: number.value, unit: 'percent' });
      continue;
    }
    figures.push(unitOf(text, tokens, t, last, number));
  }
  return figures;
}

/** Whether the number at token t names something: after a label, or attached to a word (إف-16 · كوفيد-19). */
function names(text: string, tokens: readonly Token[], t: number): boolean {
  const prior = tokens[t - 1];
  if (prior === undefined) return false;
  const attached = prior.end === tokens[t]!.start;
  if (!attached)
    return prior.kind === 'word' && LABELS.has(prior.norm) && sameLine(text, prior.end, tokens[t]!.start);
  if (prior.kind === 'word') return !CLITIC_KEYS.has(prior.norm);
  if (prior.norm === '-') {
    const word = tokens[t - 2];
    return word?.kind === 'word' && word.end === prior.start;
  }
  return false;
}

/** The figure of the number spanning tokens first..last, with the unit its neighbours name. */
function unitOf(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  number: NumberValue,
): Figure {
  const { value } = number;
  const surface = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end);
  const after = (k: number) => {
    const token = tokens[k];
    return token !== undefined && sameLine(text, tokens[k - 1]!.end, token.start) ? token : undefined;
  };
  // A currency sign before ($5) or after (5$) the number.
  const signBefore = tokens[first - 1];
  if (
    signBefore?.kind === 'symbol' &&
    CURRENCY_SIGNS[signBefore.norm] &&
    sameLine(text, signBefore.end, number.start)
  ) {
    return {
      start: signBefore.start,
      end: number.end,
      value,
      unit: 'money',
      noun: surface(first - 1),
      currency: CURRENCY_SIGNS[signBefore.norm]!,
    };
  }
  const next = after(last + 1);
  if (next === undefined) return { start: number.start, end: number.end, value };
  if (next.kind === 'symbol' && CURRENCY_SIGNS[next.norm]) {
    return {
      start: number.start,
      end: next.end,
      value,
      unit: 'money',
      noun: surface(last + 1),
      currency: CURRENCY_SIGNS[next.norm]!,
    };
  }
  const currency = next.kind === 'word' ? CURRENCY_OF.get(next.norm) : undefined;
  if (currency !== undefined) {
    const [name, alone] = currency;
    const adjective = after(last + 2);
    const country = adjective?.kind === 'word' ? countryOf(adjective.norm) : undefined;
    const code = country === undefined ? undefined : CURRENCY_CODES[`${name}:${country}`];
    const end = code === undefined ? next.end : adjective!.end;
    const resolved = code ?? alone;
    return {
      start: number.start,
      end,
      value,
      unit: 'money',
      noun: surface(last + 1),
      ...(resolved === undefined ? {} : { currency: resolved }),
    };
  }
  if (next.kind === 'word' && PEOPLE_NOUNS.has(next.norm)) {
    return { start: number.start, end: next.end, value, unit: 'people', noun: surface(last + 1) };
  }
  return { start: number.start, end: number.end, value };
}

/** The country of an adjective, also in the accusative (جنيهاً مصرياً). */
function countryOf(key: string): string | undefined {
  return COUNTRY_OF.get(key) ?? (key.endsWith('ا') ? COUNTRY_OF.get(key.slice(0, -1)) : undefined);
}

function sameLine(text: string, from: number, to: number): boolean {
  for (let c = from; c < to; c++) {
    const code = text.charCodeAt(c);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return false;
  }
  return true;
}
