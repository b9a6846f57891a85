// A transliteration-aware name key. Arabic spells a foreign name many ways: سيرجي / سيرغي / سيرگي,
// ميرزويان / ميرزوييان, غوتيريش / غوتيرش, ڤ or ف, چ or تش. `variantKey` maps such spellings to one
// phonetic skeleton, word by word:
//
//   1. NFKC, then the Persian and Maghrebi letters matchKey does not know or folds to k: گ ڨ ڭ → غ
//      (they are g), چ → تش, پ → ب, ڤ ڥ → ف, ژ → ج (zh), ۋ ۆ ۇ → و; then `matchKey` (hamza forms,
//      ى → ي, ة → ه, diacritics, tatweel, ﻻ); a bare hamza ء is dropped.
//   2. The end of the word: a silent ه after ا or و goes (شاه = شا, شيلوه = شيلو); then a final
//      vowel letter becomes a marker that stays in the key: ا/ه → ا, و → و, ي → ي. Final vowels tell
//      names apart (ماريا, ماري, ماريو) and are spelled more steadily than inner ones. A final يه is
//      read as -ia, so سورية = سوريه = سوريا (and دواليه ≠ دوالي).
//   3. Letter classes: ج غ (g/j) · ك ق (k/q) · ت ط ث · د ض · س ص · ز ذ ظ · ه ح; ز and س merge inside
//      a word (intervocalic s is voiced: روزا = روسا, غونزاليس = غونساليس) but not at its start
//      (سارة ≠ زارا).
//   4. Adjacent repeats collapse (written doubles, shadda spelled out, تط → one t).
//   5. The first letter stays whatever it is; every later ا و ي goes (they are optional long vowels:
//      غوتيريش = غوتيرش, كيرنسكي = كرينسكي).
//
// The choices were measured on the ANETAC train split only (recall on 1,206 pairs of real spelling
// variants; false merges over all pairs of different names); src/eval/link.ts reports the held-out
// dev/test figures. Against this key:
//   - keeping the final vowel marker costs 4.7 points of recall (86.6 → 81.9 %: final vowels vary
//     too, كاميل/كاميلي for Camille) and cuts false merges by two thirds (223 → 73 per million
//     pairs); collapsing only adjacent repeats (not those left after dropping vowels, as in بابالي)
//     cost 0.7 points of recall and cut false merges by a fifth;
//   - ش is not folded with س: that gained 0.1 points of recall for 13 % more false merges, and sh/s
//     is a real contrast (بوش/بوس, شيمون/سيمون). So غوتيريش ≠ غوتيريس: Guterres's final s is heard
//     as sh in Portuguese, and the two spellings are two readings of the name, not one spelling
//     varied; a linker that wants both needs an alias, not a fold;
//   - ك is not folded with ج غ: g is sometimes written ك, but merging k with g/j gained 0.7 points
//     for 35 % more false merges (غينيا Guinea ≠ كينيا Kenya, جون ≠ كون). ق goes with ك (Kazakh,
//     Kyrgyz: قازاخستان/كازاخستان); with the g letters it measured the same;
//   - تش is not folded with ش: that gained 0.7 points for 0.7 % more false merges here, but ch/sh
//     is a contrast in the Chinese and Slavic names news is full of (شي Xi ≠ تشي); خ stays itself,
//     ع stays a consonant;
//   - a leading ال is kept: stripping it (from words of 5 letters and more) lost 0.6 points and added
//     2.6 % false merges, and it splits أليكسي from ألكسي (Alexei), whose ي after ال is a vowel.
//     Foreign names beginning with Al- carry ال in every spelling; an Arabic article is best taken
//     off by the clitic layer, which knows when it is one.
// Known limit: a skeleton without inner vowels merges names that differ only in them (حسن/حسين,
// مالي/ملاوي, كيري/كوري); it is a blocking key, to be followed by a finer comparison.
//
// Any two names with the same matchKey have the same variantKey, except that matchKey reads گ as k.

import { matchKey } from '../text/normalize.ts';

/** Letters read before matchKey: it does not know them, or folds گ to ك where a name means g. */
const PRE_FOLDS: Readonly<Record<string, string>> = {
  گ: 'غ',
  ڨ: 'غ',
  ڭ: 'غ',
  ݣ: 'غ',
  چ: 'تش',
  پ: 'ب',
  ڤ: 'ف',
  ڥ: 'ف',
  ژ: 'ج',
  ۋ: 'و',
  ۆ: 'و',
  ۇ: 'و',
};

/** Letter classes: every letter of a class keys as its first member. */
const CLASSES: readonly string[] = ['جغ', 'كق', 'تطث', 'دض', 'سص', 'زذظ', 'هح'];

const CLASS_OF = new Map<string, string>();
for (const members of CLASSES) for (const letter of members) CLASS_OF.set(letter, members[0]!);

const LONG_VOWELS = new Set(['ا', 'و', 'ي']);
const PRE_FOLD_PATTERN = new RegExp(`[${Object.keys(PRE_FOLDS).join('')}]`, 'g');
const ARABIC_LETTER = /[\u0621-\u064a]/;
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/**
 * The transliteration-variant key of a name: its words' phonetic skeletons, space-joined. Spelling
 * variants of one foreign name share it (سيرجي لافروف = سيرغي لافروف); see the file header for the
 * rules and what they deliberately keep apart.
 */
export function variantKey(name: string): string {
  const folded = matchKey(name.normalize('NFKC').replace(PRE_FOLD_PATTERN, (c) => PRE_FOLDS[c]!));
  const words: string[] = [];
  for (const word of folded.split(WORD_BREAK)) {
    const key = ARABIC_LETTER.test(word) ? arabicWordKey(word.replaceAll('ء', '')) : word;
    if (key !== '') words.push(key);
  }
  return words.join(' ');
}

function arabicWordKey(word: string): string {
  let end = word.length;
  if (end >= 3 && word[end - 1] === 'ه' && (word[end - 2] === 'ا' || word[end - 2] === 'و')) end--;
  let marker = '';
  if (end >= 2) {
    const last = word[end - 1]!;
    if (last === 'ا' || last === 'ه') marker = 'ا';
    else if (last === 'و' || last === 'ي') marker = last;
    if (marker !== '') end--;
  }
  let key = '';
  let previous = '';
  let previousClass = '';
  for (let i = 0; i < end; i++) {
    const letterClass = CLASS_OF.get(word[i]!) ?? word[i]!;
    const c = letterClass === 'ز' && i > 0 ? 'س' : letterClass;
    if (c === previous || letterClass === previousClass) continue; // a repeat: ز ز at the start as well
    previous = c;
    previousClass = letterClass;
    if (i > 0 && LONG_VOWELS.has(c)) continue;
    key += c;
  }
  return key + marker;
}

/**
 * The sound class of one letter as the key reads it (ط → ت, غ → ج, أ → ا, گ → ج), '' for marks
 * that keys drop. For generators and tests that must not put a vowel between two letters of one class.
 */
export function letterClass(letter: string): string {
  const folded = matchKey(letter.normalize('NFKC').replace(PRE_FOLD_PATTERN, (c) => PRE_FOLDS[c]!));
  return [...folded].map((c) => CLASS_OF.get(c) ?? c).join('');
}
