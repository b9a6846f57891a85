// Arabic character tables as data. Everything that folds or classifies characters reads these
// tables; no other module spells out code points.

/** Harakat, tanwin, shadda, sukun, dagger alef and Quranic annotation marks: dropped from keys. */
export const DIACRITICS: readonly [number, number][] = [
  [0x0610, 0x061a], // Quranic honorifics and small high letters
  [0x064b, 0x065f], // fathatan … wavy hamza below (harakat, tanwin, shadda, sukun)
  [0x0670, 0x0670], // dagger (superscript) alef
  [0x06d6, 0x06dc], // Quranic small high ligatures
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x08d3, 0x08ff], // extended Arabic marks
];

export const TATWEEL = 0x0640;

/** Joiners stay inside a word (Persian ZWNJ) but vanish from keys. */
export const JOINERS: readonly number[] = [0x200c, 0x200d];

/** Invisible direction and width controls: they separate nothing and mean nothing. */
export const FORMAT_CONTROLS: readonly [number, number][] = [
  [0x061c, 0x061c], // ARABIC LETTER MARK
  [0x200b, 0x200b], // zero width space
  [0x200e, 0x200f], // LRM, RLM
  [0x202a, 0x202e], // embeddings and overrides
  [0x2066, 0x2069], // isolates
  [0xfeff, 0xfeff], // BOM / zero width no-break space
];

/** Letter folds applied to every matching key. */
export const LETTER_FOLDS: Readonly<Record<string, string>> = {
  // alef forms
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  // alef maqsura and Farsi yeh → yeh
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  // hamza carriers → their carrier letter
  ؤ: 'و',
  ئ: 'ي',
  // ta marbuta → ha (matching key only; the original text keeps it)
  ة: 'ه',
  // Persian and Urdu letters that stand in for Arabic ones in transliterated names
  ک: 'ك',
  گ: 'ك',
  ڪ: 'ك',
  ھ: 'ه',
  ە: 'ه',
  ۀ: 'ه',
  // Arabic punctuation → its Latin counterpart
  '،': ',',
  '؛': ';',
  '؟': '?',
  '٪': '%',
  '٫': '.',
  '٬': ',',
  '۔': '.',
};

/** Zero digits of every decimal digit block that Arabic text uses. */
export const DIGIT_ZEROS: readonly number[] = [
  0x0030, // ASCII
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
];

/** Sentence-final punctuation. */
export const SENTENCE_FINAL = '.!?؟…۔';

/** Closing quotes and brackets that belong to the sentence they follow. */
export const CLOSERS = '”’»›")]}\'';

/** Characters that join digits into one number token when a digit follows: 1.5 · 10,000 · 2023/10/7 · 12:30. */
export const NUMBER_JOINERS = '.,٫٬/:';
