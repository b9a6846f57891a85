// Spelling-variant generators for Arabic-script names, shared by the variantKey tests and the link
// evaluation (src/eval/link.ts). A rule rewrites one random site of a name:
//
//   - SPELLING_RULES are the ways Arabic writers vary one foreign name (g as ج غ گ, ي/ى, ة/ه, hamza
//     forms, optional long vowels, doubled letters, ﻻ, diacritics, چ/تش, ڤ/ف ...). A key that
//     survives them all keys every such variant back to the original.
//   - CONTRAST_RULES change a sound (ش → س, ك → غ, a final ا → ي, ر → ل ...): they make a name of
//     similar shape that is not a spelling of the same one, and a good key tells it apart.
//
// Sites are chosen so that a rule changes spelling only: no vowel goes between two letters of one
// sound class (that would spell a different syllable count), and word ends keep their final vowel.

import { letterClass } from './variant-key.ts';

export interface SpellingRule {
  readonly name: string;
  /** `name` rewritten at one random site, or undefined when the rule has no site in it. */
  readonly apply: (name: string, random: () => number) => string | undefined;
  /** Applied after the letter rules in a chain: its marks would hide letters' neighbours from them. */
  readonly late?: boolean;
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

interface Word {
  readonly text: string;
  readonly offset: number;
}

type EditFinder = (word: Word) => Edit[];

const VOWELS = 'اوي';
const WORD = /[^\s\-‐–—]+/g;
const MARKS = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b'];
const TATWEEL = '\u0640';

function wordsOf(name: string): Word[] {
  return [...name.matchAll(WORD)].map((m) => ({ text: m[0], offset: m.index }));
}

/** The class a letter keys as inside a word, where ز and س are one. */
function sound(letter: string | undefined): string {
  if (letter === undefined) return '';
  const c = letterClass(letter);
  return c === 'ز' ? 'س' : c;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function rule(name: string, find: EditFinder, late = false): SpellingRule {
  return {
    name,
    ...(late ? { late } : {}),
    apply(text, random) {
      const edits = wordsOf(text).flatMap(find);
      if (edits.length === 0) return undefined;
      const { at, remove, insert } = pick(edits, random);
      return text.slice(0, at) + insert + text.slice(at + remove);
    },
  };
}

/** Replaces any letter of `group` (at the positions `where` allows) by another letter of it. */
function swap(
  name: string,
  group: readonly string[],
  where: (i: number, w: string) => boolean = () => true,
): SpellingRule {
  return rule(name, ({ text, offset }) => {
    const edits: Edit[] = [];
    for (let i = 0; i < text.length; i++) {
      for (const from of group) {
        if (!text.startsWith(from, i) || !where(i, text)) continue;
        for (const to of group)
          if (to !== from) edits.push({ at: offset + i, remove: from.length, insert: to });
      }
    }
    return edits;
  });
}

const notFinal = (i: number, w: string) => i < w.length - 1;
const SZ = 'سصزذظ';
/** Inside a word and beside no other s/z letter, whose repeat would collapse on one side only. */
const innerSZ = (i: number, w: string) => i > 0 && !SZ.includes(w[i - 1]!) && !SZ.includes(w[i + 1] ?? '');
const isVowel = (c: string | undefined) => VOWELS.includes(sound(c)) && sound(c) !== '';

const insertVowel: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  const n = text.length;
  for (let i = 1; i < n; i++) {
    const before = sound(text[i - 1]);
    const after = sound(text[i]);
    if (before === '' || after === '' || before === after) continue;
    if (i === n - 1 && 'هة'.includes(text[n - 1]!)) continue; // -اه, -وه end in a silent h
    for (const v of VOWELS) edits.push({ at: offset + i, remove: 0, insert: v });
  }
  return edits;
};

const dropVowel: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  const n = text.length;
  for (let i = 1; i < n - 1; i++) {
    if (!isVowel(text[i])) continue;
    if (sound(text[i - 1]) === sound(text[i + 1])) continue;
    if (i === n - 2 && 'هة'.includes(text[n - 1]!)) continue;
    edits.push({ at: offset + i, remove: 1, insert: '' });
  }
  return edits;
};

const isConsonant = (c: string | undefined) =>
  c !== undefined && !'اويهة'.includes(c) && sound(c).length === 1;

const doubleLetter: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  for (let i = 0; i < text.length - 1; i++)
    if (isConsonant(text[i])) edits.push({ at: offset + i, remove: 0, insert: text[i]! });
  return edits;
};

const undoubleLetter: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  for (let i = 1; i < text.length; i++)
    if (text[i] === text[i - 1] && isConsonant(text[i]))
      edits.push({ at: offset + i, remove: 1, insert: '' });
  return edits;
};

const finalA: EditFinder = ({ text, offset }) => {
  const n = text.length;
  const last = text[n - 1]!;
  if (n < 2 || !'اةه'.includes(last) || isVowel(text[n - 2]) || sound(text[n - 2]) === 'ه') return [];
  return [...'اةه'].filter((c) => c !== last).map((c) => ({ at: offset + n - 1, remove: 1, insert: c }));
};

const silentH: EditFinder = ({ text, offset }) => {
  const n = text.length;
  if (n >= 3 && text[n - 1] === 'ه' && 'او'.includes(sound(text[n - 2])))
    return [{ at: offset + n - 1, remove: 1, insert: '' }];
  if (n >= 2 && 'او'.includes(sound(text[n - 1])) && sound(text[n - 2]) !== sound(text[n - 1]))
    return [{ at: offset + n, remove: 0, insert: 'ه' }];
  return [];
};

const marks: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  for (let i = 1; i <= text.length; i++) {
    for (const m of MARKS) edits.push({ at: offset + i, remove: 0, insert: m });
    if (i < text.length) edits.push({ at: offset + i, remove: 0, insert: TATWEEL });
  }
  return edits;
};

const LIGATURES: Readonly<Record<string, string>> = { لا: 'ﻻ', لأ: 'ﻷ', لإ: 'ﻹ', لآ: 'ﻵ' };

const ligature: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const form = LIGATURES[text.slice(i, i + 2)];
    if (form) edits.push({ at: offset + i, remove: 2, insert: form });
  }
  return edits;
};

const alefForm: EditFinder = ({ text, offset }) =>
  text[0] === 'ا' ? [...'أإآ'].map((c) => ({ at: offset, remove: 1, insert: c })) : [];

const hamzaSeat: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === 'ي') edits.push({ at: offset + i, remove: 1, insert: 'ئ' });
    if (text[i] === 'و') edits.push({ at: offset + i, remove: 1, insert: 'ؤ' });
  }
  return edits;
};

/** Spellings of one name: each keeps the name a good variant key gives it. */
export const SPELLING_RULES: readonly SpellingRule[] = [
  swap('g: ج غ گ', ['ج', 'غ', 'گ']),
  swap('k/q: ك ق', ['ك', 'ق']),
  swap('t: ت ط ث', ['ت', 'ط', 'ث']),
  swap('d: د ض', ['د', 'ض']),
  swap('s: س ص', ['س', 'ص']),
  swap('z: ز ذ ظ', ['ز', 'ذ', 'ظ']),
  swap('inner s/z: س ↔ ز', ['س', 'ز'], innerSZ),
  swap('h: ه ح (not final)', ['ه', 'ح'], notFinal),
  swap('ch: تش ↔ چ', ['تش', 'چ']),
  swap('v: ف ↔ ڤ', ['ف', 'ڤ']),
  swap('p: ب ↔ پ', ['ب', 'پ']),
  swap('final ي ↔ ى', ['ي', 'ى'], (i, w) => i === w.length - 1),
  rule('final a: ا ة ه', finalA),
  rule('silent final h: -اه -وه', silentH),
  rule('alef with hamza or madda', alefForm),
  rule('hamza seat: ي → ئ, و → ؤ', hamzaSeat),
  rule('long vowel added', insertVowel),
  rule('long vowel dropped', dropVowel),
  rule('letter doubled', doubleLetter),
  rule('double letter single', undoubleLetter),
  rule('diacritic or tatweel', marks, true),
  rule('lam-alef ligature', ligature, true),
];

/** Either neighbour of position i (after replacing `length` letters there) is already of class `to`. */
function touches(w: string, i: number, length: number, to: string): boolean {
  return sound(w[i - 1]) === sound(to) || sound(w[i + length]) === sound(to);
}

/** Rewrites `from` as `to` for each pair, where the new letter has no neighbour of its class. */
function change(
  name: string,
  pairs: readonly (readonly [string, string])[],
  where: (i: number, w: string) => boolean = () => true,
): SpellingRule {
  return rule(name, ({ text, offset }) => {
    const edits: Edit[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!where(i, text)) continue;
      for (const [from, to] of pairs)
        if (text.startsWith(from, i) && !touches(text, i, from.length, to))
          edits.push({ at: offset + i, remove: from.length, insert: to });
    }
    return edits;
  });
}

const both = (a: string, b: string) => [[a, b] as const, [b, a] as const];

const dropConsonant: EditFinder = ({ text, offset }) => {
  const edits: Edit[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if (!isConsonant(text[i]) || sound(text[i - 1]) === sound(text[i + 1])) continue;
    if (sound(text[i - 1]) === sound(text[i]) || sound(text[i + 1]) === sound(text[i])) continue;
    edits.push({ at: offset + i, remove: 1, insert: '' });
  }
  return edits;
};

const finalVowel: EditFinder = ({ text, offset }) => {
  const n = text.length;
  const last = text[n - 1]!;
  if (n < 3 || !VOWELS.includes(last) || isVowel(text[n - 2])) return [];
  return [...VOWELS].filter((c) => c !== last).map((c) => ({ at: offset + n - 1, remove: 1, insert: c }));
};

/** Changes of sound: each makes a different name, which a good key keys apart. */
export const CONTRAST_RULES: readonly SpellingRule[] = [
  change('sh/s: ش ↔ س', both('ش', 'س'), (i, w) => w[i - 1] !== 'ت'),
  change('ch/sh: تش ↔ ش', both('تش', 'ش'), (i, w) => w[i - 1] !== 'ت'),
  change('k/g: ك ↔ غ ج', [...both('ك', 'غ'), ['ج', 'ك']]),
  change('initial s/z: س ↔ ز', both('س', 'ز'), (i) => i === 0),
  change('r/l: ر ↔ ل', both('ر', 'ل')),
  change('n/m: ن ↔ م', both('ن', 'م')),
  change('b/f: ب ↔ ف', both('ب', 'ف')),
  change('kh/h: خ ↔ ح', both('خ', 'ح'), notFinal),
  change('t/d: ت ↔ د', both('ت', 'د')),
  rule('final vowel: ا ↔ ي ↔ و', finalVowel),
  rule('inner consonant dropped', dropConsonant),
];

/**
 * A spelling variant of `name`: `steps` random letter rules of SPELLING_RULES (fewer when none
 * applies), then each late rule (ligature, diacritics, tatweel) with even odds.
 */
export function spellingVariant(name: string, random: () => number, steps = 2): string {
  let variant = name;
  const letters = SPELLING_RULES.filter((r) => !r.late);
  for (let step = 0; step < steps; step++) {
    const options = letters.map((r) => r.apply(variant, random)).filter((v) => v !== undefined);
    if (options.length === 0) break;
    variant = pick(options, random);
  }
  for (const late of SPELLING_RULES.filter((r) => r.late))
    if (random() < 0.5) variant = late.apply(variant, random) ?? variant;
  return variant;
}
