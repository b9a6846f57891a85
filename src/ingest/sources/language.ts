// Which language an article is in, from the scripts of its letters: Marsad analyses Arabic only,
// and the store flags the rest. Digits, punctuation and spaces do not count; neither do letters past
// the first SAMPLE_CHARS code units (a news article says what it is long before that).
//
// Rules, in order (thresholds checked on SaudiNewsNet, 31,030 Arabic articles):
// - fewer than MIN_LETTERS (20) letters → 'unknown' (a caption, a table of numbers; 568 articles,
//   most of them empty crawls);
// - Arabic-script letters ≥ SCRIPT_SHARE (60 %) of letters → 'ar', unless the letters only Persian
//   and Urdu use (پ چ ژ گ ک ی ٹ ڈ ڑ ں ہ ے …) are ≥ PERSIAN_SHARE (6 %) of them → 'other'. The most
//   such letters in a SaudiNewsNet article is 4.7 % (ی typed for ي in a short item), usually 0;
//   Persian prose has about 15 %. 14 SaudiNewsNet articles fall under 60 % Arabic (film lists,
//   long English blocks) and come out 'other': flagged, not lost;
// - Latin letters ≥ SCRIPT_SHARE of letters → 'en' when English function words (the, of, and …) are
//   ≥ ENGLISH_WORD_SHARE (12 %) of its Latin words (running English has 35–45 %; French, Turkish or
//   Malay text next to none), else 'other';
// - anything else (Cyrillic, Hebrew, half Arabic and half Latin) → 'other'.

export type Language = 'ar' | 'en' | 'other' | 'unknown';

export const MIN_LETTERS = 20;
export const SCRIPT_SHARE = 0.6;
export const PERSIAN_SHARE = 0.06;
export const ENGLISH_WORD_SHARE = 0.12;
const SAMPLE_CHARS = 20_000;

/** Arabic-script letters that Arabic itself does not use (Persian, Urdu, Pashto, Kurdish forms). */
const NON_ARABIC_LETTERS = new Set([
  0x0679, 0x067e, 0x0686, 0x0688, 0x0691, 0x0698, 0x06a9, 0x06af, 0x06ba, 0x06be, 0x06c0, 0x06c1, 0x06cc,
  0x06d2,
]);

const ENGLISH_WORDS = new Set(
  'the of and to in is that for on with as was by it at from said has have are be an he his not this will were which its their'.split(
    ' ',
  ),
);

export interface ScriptCounts {
  readonly arabic: number;
  readonly latin: number;
  readonly other: number;
  /** Arabic-script letters Arabic does not use (part of `arabic`). */
  readonly nonArabic: number;
  /** Latin words, and how many of them are English function words. */
  readonly latinWords: number;
  readonly englishWords: number;
}

const OTHER_LETTER = /\p{L}/u;

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06fc) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdfb) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** Letter counts by script over the first SAMPLE_CHARS code units of `text`. */
export function scriptCounts(text: string): ScriptCounts {
  let arabic = 0;
  let latin = 0;
  let other = 0;
  let nonArabic = 0;
  let latinWords = 0;
  let englishWords = 0;
  let word = '';
  const end = Math.min(text.length, SAMPLE_CHARS);
  const endWord = () => {
    if (word === '') return;
    latinWords++;
    if (ENGLISH_WORDS.has(word.toLowerCase())) englishWords++;
    word = '';
  };
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) {
      endWord();
      continue;
    }
    if (isLatinLetter(c)) {
      latin++;
      word += text[i];
      continue;
    }
    endWord();
    if (c < 0x80) continue;
    if (isArabicLetter(c)) {
      arabic++;
      if (NON_ARABIC_LETTERS.has(c)) nonArabic++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (OTHER_LETTER.test(String.fromCodePoint(cp))) other++;
      i++;
    } else if (OTHER_LETTER.test(text[i]!)) other++;
  }
  endWord();
  return { arabic, latin, other, nonArabic, latinWords, englishWords };
}

/** 'ar', 'en', 'other' or 'unknown' by the share of each script's letters; see the rules above. */
export function detectLanguage(text: string): Language {
  const c = scriptCounts(text);
  const letters = c.arabic + c.latin + c.other;
  if (letters < MIN_LETTERS) return 'unknown';
  if (c.arabic >= SCRIPT_SHARE * letters) return c.nonArabic >= PERSIAN_SHARE * c.arabic ? 'other' : 'ar';
  if (c.latin >= SCRIPT_SHARE * letters)
    return c.englishWords >= ENGLISH_WORD_SHARE * c.latinWords ? 'en' : 'other';
  return 'other';
}
