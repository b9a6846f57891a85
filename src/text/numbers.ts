// Numbers over tokens: digits in any script (144 · ١٤٤ · 2,5 · ٣٫٥ · 10,000), cardinal number
// words with their clitics (وأربعون · بثلاثة · الثلاثة), compounds joined by و (مئة وأربعة وأربعون),
// digits or words times a scale (2.5 مليون · ثلاثة آلاف), ordinals (الحادي عشر · الذكرى الثمانين)
// and percentages (50% · خمسين في المئة).
//
// Every surface form is a key in one table built at load, so reading a token costs one Map lookup
// on its `norm`; a number is read left to right from the token where it starts, and scanning
// resumes after it, so the tokens are walked once. Spans are token-aligned: an expression covers
// whole tokens, a leading و/ب/ل included (وثلاثة), so `text.slice(start, end)` is its evidence.
// Date-like digit tokens (2023/10/7 · 12:30) are left to the date reader.

import type { NumberValue, Token } from '../core/doc.ts';
import { matchKey } from './normalize.ts';

const UNIT = 1; // 1–9
const TEN = 2; // عشرة/عشر: 10 alone, the second word of 13–19
const DECADE = 3; // 20–90
const HUNDREDS = 4; // 100–900
const SCALE = 5; // ألف, مليون …: one of them, or a multiplier for the words before
const SCALE_PLURAL = 6; // آلاف, ملايين …: only after a multiplier (ثلاثة آلاف); alone they are vague
const SCALE_DUAL = 7; // ألفان, مليونين …: two of the scale, never multiplied
const ORDINAL = 8; // الأول … العاشر
const FRACTION = 9; // نصف, ربع: only with a scale (نصف مليون · مليون ونصف)

type Kind = typeof UNIT | typeof TEN | typeof DECADE | typeof HUNDREDS | ScaleKind | typeof ORDINAL;
type ScaleKind = typeof SCALE | typeof SCALE_PLURAL | typeof SCALE_DUAL;
type LexemeKind = Kind | typeof FRACTION;

interface Lexeme {
  readonly kind: LexemeKind;
  /** The number; for scale words the scale itself (ألفان → 1000). */
  readonly value: number;
  /** Carries the article ال. */
  readonly definite: boolean;
  /** Carries the conjunction و, so it can continue a compound (وأربعون). */
  readonly conj: boolean;
  /** Only inside a compound: أحد/اثنا before عشر, الحادي in الحادي عشر / الحادي والعشرون. */
  readonly bound: boolean;
  /** Can start an expression; false for forms that are usually another word alone (وست: West). */
  readonly initial: boolean;
  /** A second reading of the same key: واحد is 1, and also و + أحد in مئة وأحد عشر. */
  alt?: Lexeme;
}

type Article = 'no' | 'yes' | 'only';

interface Base {
  /** Spellings; folded with `matchKey` at load, so they may be written with hamza, ة and tanwin. */
  readonly forms: readonly string[];
  readonly kind: LexemeKind;
  readonly value: number;
  /** Whether the article ال may (or must) be attached: never on scale words and hundreds. */
  readonly article?: Article;
  readonly bound?: true;
  /** No clitics but a compound's و (مئة وست): ست is 6, but لست is "I am not", وست هام a club. */
  readonly bare?: true;
}

const units = (value: number, forms: string[], extra: Partial<Base> = {}): Base => ({
  forms,
  kind: UNIT,
  value,
  article: 'yes',
  ...extra,
});
const ordinal = (value: number, forms: string[], extra: Partial<Base> = {}): Base => ({
  forms,
  kind: ORDINAL,
  value,
  article: 'yes',
  ...extra,
});
const scale = (kind: ScaleKind, value: number, forms: string[]): Base => ({ forms, kind, value });

const HUNDRED_MULTIPLIERS: readonly [string, number][] = [
  ['ثلاث', 3],
  ['أربع', 4],
  ['خمس', 5],
  ['ست', 6],
  ['سبع', 7],
  ['ثمان', 8],
  ['ثماني', 8],
  ['تسع', 9],
];

const BASES: readonly Base[] = [
  units(1, ['واحد', 'واحدة', 'واحداً']),
  units(1, ['أحد', 'إحدى'], { article: 'no', bound: true }), // الأحد is Sunday
  units(2, ['اثنان', 'اثنتان', 'اثنتين']),
  units(2, ['اثنين'], { article: 'no' }), // الاثنين is Monday
  units(2, ['اثنا', 'اثني', 'اثنتا', 'اثنتي'], { bound: true }),
  units(3, ['ثلاثة', 'ثلاث']),
  units(4, ['أربعة', 'أربع']),
  units(5, ['خمسة', 'خمس']),
  units(6, ['ستة']),
  units(6, ['ست'], { article: 'no', bare: true }),
  units(7, ['سبعة', 'سبع']),
  units(8, ['ثمانية', 'ثماني', 'ثمان']),
  units(9, ['تسعة', 'تسع']),
  { forms: ['عشرة', 'عشر'], kind: TEN, value: 10, article: 'yes' },
  ...(
    [
      [20, 'عشرون', 'عشرين'],
      [30, 'ثلاثون', 'ثلاثين'],
      [40, 'أربعون', 'أربعين'],
      [50, 'خمسون', 'خمسين'],
      [60, 'ستون', 'ستين'],
      [70, 'سبعون', 'سبعين'],
      [80, 'ثمانون', 'ثمانين'],
      [90, 'تسعون', 'تسعين'],
    ] as const
  ).map(([value, ...forms]): Base => ({ forms, kind: DECADE, value, article: 'yes' })),
  { forms: ['مئة', 'مائة'], kind: HUNDREDS, value: 100 },
  {
    forms: ['مئتان', 'مئتين', 'مئتا', 'مئتي', 'مائتان', 'مائتين', 'مائتا', 'مائتي'],
    kind: HUNDREDS,
    value: 200,
  },
  ...HUNDRED_MULTIPLIERS.map(
    ([unit, value]): Base => ({ forms: [`${unit}مئة`, `${unit}مائة`], kind: HUNDREDS, value: value * 100 }),
  ),
  scale(SCALE, 1e3, ['ألف', 'ألفاً']),
  scale(SCALE_PLURAL, 1e3, ['آلاف', 'ألوف']),
  scale(SCALE_DUAL, 1e3, ['ألفان', 'ألفين', 'ألفي']),
  scale(SCALE, 1e6, ['مليون', 'مليوناً']),
  scale(SCALE_PLURAL, 1e6, ['ملايين']),
  scale(SCALE_DUAL, 1e6, ['مليونان', 'مليونين', 'مليوني']),
  scale(SCALE, 1e9, ['مليار', 'ملياراً', 'بليون', 'بليوناً']),
  scale(SCALE_PLURAL, 1e9, ['مليارات', 'بلايين', 'بليونات']),
  scale(SCALE_DUAL, 1e9, ['ملياران', 'مليارين', 'ملياري', 'بليونان', 'بليونين']),
  scale(SCALE, 1e12, ['تريليون', 'ترليون', 'تريليوناً']),
  scale(SCALE_PLURAL, 1e12, ['تريليونات', 'ترليونات']),
  scale(SCALE_DUAL, 1e12, ['تريليونان', 'تريليونين']),
  { forms: ['نصف'], kind: FRACTION, value: 0.5 },
  { forms: ['ربع'], kind: FRACTION, value: 0.25 },
  ordinal(1, ['أول', 'أولى']),
  ordinal(1, ['أولاً'], { article: 'no' }),
  ordinal(1, ['حادي', 'حادية'], { bound: true }),
  ordinal(2, ['ثاني']),
  ordinal(2, ['ثانية'], { article: 'only' }), // ثانية alone is a second of time
  ordinal(3, ['ثالث', 'ثالثة']),
  ordinal(4, ['رابع']),
  ordinal(4, ['رابعة'], { article: 'only' }), // رابعة alone is a name and a square in Cairo
  ordinal(5, ['خامس', 'خامسة']),
  ordinal(6, ['سادس', 'سادسة']),
  ordinal(7, ['سابع', 'سابعة']),
  ordinal(8, ['ثامن', 'ثامنة']),
  ordinal(9, ['تاسع', 'تاسعة']),
  ordinal(10, ['عاشر', 'عاشرة']),
  ...(
    [
      [2, 'ثانياً'],
      [3, 'ثالثاً'],
      [4, 'رابعاً'],
      [5, 'خامساً'],
      [6, 'سادساً'],
      [7, 'سابعاً'],
      [8, 'ثامناً'],
      [9, 'تاسعاً'],
      [10, 'عاشراً'],
    ] as const
  ).map(([value, form]) => ordinal(value, [form], { article: 'no' })),
];

const keys = (...forms: string[]) => new Set(forms.map(matchKey));

/** Keys that the clitic rules would make numbers but that are mostly other words. */
const NOT_NUMBERS = keys('باول' /* Powell, not بأول */, 'وباول');
/** Keys that read as numbers only inside a compound (مئة وست): alone they are names (وست هام). */
const ONLY_AFTER_NUMBER = keys('وست', 'وستون');

const LEXICON = buildLexicon();

function buildLexicon(): Map<string, Lexeme> {
  const lexicon = new Map<string, Lexeme>();
  const add = (key: string, lexeme: Lexeme) => {
    if (NOT_NUMBERS.has(key)) return;
    const existing = lexicon.get(key);
    if (existing === undefined) lexicon.set(key, lexeme);
    else existing.alt ??= lexeme;
  };
  // Bare forms first, so that a base form wins over a clitic reading of another (واحد ≠ و + أحد).
  for (const bare of [true, false]) {
    for (const base of BASES) {
      const article = base.article ?? 'no';
      for (const form of base.forms) {
        const stem = matchKey(form);
        for (const conj of ['', 'و']) {
          for (const prep of ['', 'ب', 'ل']) {
            for (const definite of [false, true]) {
              const plain = conj === '' && prep === '' && !definite;
              if (plain !== bare) continue;
              if (definite ? article === 'no' : article === 'only') continue;
              if (base.bare && (prep !== '' || (conj !== '' && !ONLY_AFTER_NUMBER.has(conj + stem))))
                continue;
              const key = conj + prep + (definite ? (prep === 'ل' ? 'ل' : 'ال') : '') + stem;
              add(key, {
                kind: base.kind,
                value: base.value,
                definite,
                conj: conj !== '',
                bound: base.bound === true,
                initial: !ONLY_AFTER_NUMBER.has(key),
              });
            }
          }
        }
      }
    }
  }
  return lexicon;
}

const PERCENT_WORDS = keys('بالمئة', 'بالمائة');
const PERCENT_AFTER_FI = keys('المئة', 'المائة');
const FI = matchKey('في');
/** Words ending in ا that are not the accusative noun counted by a number (عشرين عاماً). */
const NOT_COUNTED = keys('أيضاً', 'هذا', 'لذا', 'إذا', 'كذا', 'جداً', 'تقريباً', 'حالياً', 'مجدداً', 'معاً');

// Place bits of a group below one thousand: what a و-joined word may still add to it.
const ONES = 1;
const TENS = 2;
const HUNDRED_PLACE = 4;
const ALL_PLACES = ONES | TENS | HUNDRED_PLACE;

export function findNumbers(text: string, tokens: readonly Token[]): NumberValue[] {
  const found: NumberValue[] = [];
  let i = 0;
  while (i < tokens.length) {
    // Almost every token is no number: say so before the full reading starts.
    const token = tokens[i]!;
    if (token.kind !== 'number' && (token.kind !== 'word' || !LEXICON.has(token.norm))) {
      i++;
      continue;
    }
    const read = readNumber(text, tokens, i);
    if (read === null) {
      i++;
      continue;
    }
    const { value, next, ordinal, percent } = read;
    const span = { start: tokens[i]!.start, end: tokens[next - 1]!.end, value };
    if (ordinal) found.push({ ...span, ordinal: true });
    else if (percent) found.push({ ...span, percent: true });
    else found.push(span);
    i = next;
  }
  return found;
}

interface Reading {
  readonly value: number;
  /** Index of the first token after the expression. */
  readonly next: number;
  readonly ordinal: boolean;
  readonly percent: boolean;
}

/** A number made of one or two tokens: ثلاثة عشر, ثلاث مئة, 2.5. */
interface Atom {
  readonly kind: Kind;
  readonly value: number;
  readonly places: number;
  readonly definite: boolean;
  readonly next: number;
}

function readNumber(text: string, tokens: readonly Token[], i: number): Reading | null {
  const first = tokens[i]!;
  let total = 0; // the groups already multiplied by a scale
  let group = 0; // the group below the next scale
  let places = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let afterScale = false;
  let definite = false;
  let atoms = 1;
  let firstKind: LexemeKind;
  let j: number;

  if (first.kind === 'number') {
    const value = parseDigits(first.norm);
    if (value === null) return null;
    group = value;
    places = ALL_PLACES;
    firstKind = UNIT;
    j = i + 1;
  } else {
    const lexeme = first.kind === 'word' ? LEXICON.get(first.norm) : undefined;
    if (lexeme === undefined || !lexeme.initial) return null;
    if (lexeme.kind === ORDINAL) return readOrdinal(text, tokens, i, lexeme);
    if (lexeme.kind === FRACTION) {
      // نصف مليون: a fraction of the scale that follows it.
      const scaleWord = next(text, tokens, i);
      if (scaleWord?.kind !== SCALE || scaleWord.conj || scaleWord.definite) return null;
      total = lexeme.value * scaleWord.value;
      lastScale = scaleWord.value;
      afterScale = true;
      firstKind = SCALE;
      j = i + 2;
    } else {
      const atom = readAtom(text, tokens, i, lexeme);
      if (atom === null || atom.kind === SCALE_PLURAL) return null;
      firstKind = atom.kind;
      definite = atom.definite;
      j = atom.next;
      if (atom.kind === SCALE || atom.kind === SCALE_DUAL) {
        total = atom.kind === SCALE_DUAL ? 2 * atom.value : atom.value;
        lastScale = atom.value;
        afterScale = true;
      } else {
        group = atom.value;
        places = atom.places;
      }
    }
  }

  while (j < tokens.length && sameLine(text, tokens[j - 1]!.end, tokens[j]!.start)) {
    // The next word joins by juxtaposition (ثلاثة آلاف) or by و, attached or standing alone.
    let k = j;
    let joined = false;
    const token = tokens[k]!;
    if (token.kind === 'word' && token.norm === 'و') {
      k++;
      if (k >= tokens.length || !sameLine(text, token.end, tokens[k]!.start)) break;
      joined = true;
    }
    const candidate = tokens[k]!;
    let atom: Atom | null;
    if (candidate.kind === 'number') {
      if (!joined) break;
      const value = parseDigits(candidate.norm);
      if (value === null) break;
      atom = { kind: UNIT, value, places: ALL_PLACES, definite: false, next: k + 1 };
    } else {
      let lexeme = candidate.kind === 'word' ? LEXICON.get(candidate.norm) : undefined;
      if (lexeme === undefined) break;
      if (!joined && !lexeme.conj && lexeme.alt?.conj) lexeme = lexeme.alt;
      if (lexeme.conj) {
        if (joined) break; // و وثلاثة
        joined = true;
      }
      if (lexeme.kind === FRACTION) {
        // مليون ونصف: half of the scale just read.
        if (!joined || !afterScale) break;
        total += lexeme.value * lastScale;
        j = k + 1;
        atoms++;
        break;
      }
      if (lexeme.kind === ORDINAL) break;
      atom = readAtom(text, tokens, k, lexeme);
      if (atom === null) break;
    }

    if (atom.kind === SCALE || atom.kind === SCALE_PLURAL || atom.kind === SCALE_DUAL) {
      const s = atom.value;
      if (!joined && atom.kind !== SCALE_DUAL && places !== 0 && s < lastScale) {
        total += group * s; // ثلاثة آلاف · 2.5 مليون · خمسة وعشرون ألفاً
        lastScale = s;
      } else if (!joined && atom.kind === SCALE && afterScale && s >= lastScale) {
        total *= s; // ألف مليون
        lastScale = total;
      } else if (joined && atom.kind !== SCALE_PLURAL && places === 0 && s < lastScale) {
        total += atom.kind === SCALE_DUAL ? 2 * s : s; // مليون وألفان
        lastScale = s;
      } else break;
      group = 0;
      places = 0;
      afterScale = true;
    } else {
      if (!joined || atom.definite !== definite || !canAdd(places, atom, lastScale)) break;
      group += atom.value;
      places |= atom.places;
      afterScale = false;
    }
    j = atom.next;
    atoms++;
  }

  const value = total + group;
  const percentEnd = percentAfter(text, tokens, j);
  if (percentEnd !== j) return { value, next: percentEnd, ordinal: false, percent: true };
  // A definite decade on its own after a noun is an ordinal (الذكرى الثمانين), unless what is
  // around it shows a count (السنوات العشرين · العشرين عاماً).
  const ordinal = atoms === 1 && firstKind === DECADE && definite && !isCounted(tokens, i, j);
  return { value, next: j, ordinal, percent: false };
}

/** Whether a و-joined group word fits the group read so far: units before tens, both after hundreds. */
function canAdd(places: number, atom: Atom, lastScale: number): boolean {
  if (places === 0) return atom.value < lastScale; // a new group after a scale: ألف وخمسمئة
  if (atom.places === ALL_PLACES) return false; // digits only start a group
  switch (atom.kind) {
    case UNIT: // also the teens
    case TEN:
      return places === HUNDRED_PLACE;
    case DECADE:
      return (places & TENS) === 0; // أربعة وعشرون · مئة وعشرون
    default:
      return false;
  }
}

function readAtom(text: string, tokens: readonly Token[], k: number, lexeme: Lexeme): Atom | null {
  const { kind, value, definite } = lexeme;
  switch (kind) {
    case UNIT: {
      const after = next(text, tokens, k);
      const plain = after !== undefined && !after.conj && !after.definite;
      if (plain && after.kind === TEN && (lexeme.bound || value >= 3)) {
        return { kind: UNIT, value: value + 10, places: ONES | TENS, definite, next: k + 2 };
      }
      if (lexeme.bound) return null;
      if (plain && after.kind === HUNDREDS && after.value === 100 && value >= 3) {
        return { kind: HUNDREDS, value: value * 100, places: HUNDRED_PLACE, definite, next: k + 2 };
      }
      return { kind, value, places: ONES, definite, next: k + 1 };
    }
    case TEN:
    case DECADE:
      return { kind, value, places: TENS, definite, next: k + 1 };
    case HUNDREDS:
      return { kind, value, places: HUNDRED_PLACE, definite, next: k + 1 };
    case SCALE:
    case SCALE_PLURAL:
    case SCALE_DUAL:
      return { kind, value, places: 0, definite, next: k + 1 };
    default:
      return null;
  }
}

/** الثالث · الحادي عشر · الخامس والعشرون: ordinal units, teens and unit-and-decade compounds. */
function readOrdinal(text: string, tokens: readonly Token[], i: number, lexeme: Lexeme): Reading | null {
  const teenable = lexeme.bound || (lexeme.value >= 2 && lexeme.value <= 9);
  const after = next(text, tokens, i);
  if (teenable && after?.kind === TEN && !after.conj && !after.definite) {
    return { value: lexeme.value + 10, next: i + 2, ordinal: true, percent: false };
  }
  if (teenable) {
    // الحادي والعشرون: the decade joins by و, attached or standing alone.
    let k = i + 1;
    let decade = after?.conj ? after : undefined;
    const token = tokens[k];
    if (token?.kind === 'word' && token.norm === 'و' && sameLine(text, tokens[i]!.end, token.start)) {
      const word = next(text, tokens, k++);
      decade = word?.conj ? undefined : word;
    }
    if (decade?.kind === DECADE && decade.definite === lexeme.definite) {
      return { value: lexeme.value + decade.value, next: k + 1, ordinal: true, percent: false };
    }
  }
  if (lexeme.bound) return null;
  return { value: lexeme.value, next: i + 1, ordinal: true, percent: false };
}

/** The lexeme of the word after token k on the same line, if it is a number word. */
function next(text: string, tokens: readonly Token[], k: number): Lexeme | undefined {
  const token = tokens[k + 1];
  if (token === undefined || token.kind !== 'word' || !sameLine(text, tokens[k]!.end, token.start)) {
    return undefined;
  }
  return LEXICON.get(token.norm);
}

/** The token index after a percent sign or phrase that follows token j - 1, or j when none does. */
function percentAfter(text: string, tokens: readonly Token[], j: number): number {
  const token = tokens[j];
  if (token === undefined || !sameLine(text, tokens[j - 1]!.end, token.start)) return j;
  if (token.kind !== 'word') return token.norm === '%' ? j + 1 : j;
  if (PERCENT_WORDS.has(token.norm)) return j + 1;
  const phrase = tokens[j + 1];
  if (
    token.norm === FI &&
    phrase !== undefined &&
    PERCENT_AFTER_FI.has(phrase.norm) &&
    sameLine(text, token.end, phrase.start)
  ) {
    return j + 2;
  }
  return j;
}

/** A definite decade counts (is cardinal) after a number or a definite sound plural, or before a counted noun. */
function isCounted(tokens: readonly Token[], i: number, j: number): boolean {
  const before = tokens[i - 1];
  if (before?.kind === 'number') return true;
  if (before?.kind === 'word') {
    const key = before.norm;
    if (
      key.length >= 5 &&
      key.startsWith('ال') &&
      (key.endsWith('ات') || key.endsWith('ين') || key.endsWith('ون'))
    ) {
      return true;
    }
  }
  const after = tokens[j];
  return (
    after?.kind === 'word' &&
    after.norm.length >= 3 &&
    after.norm.endsWith('ا') &&
    !NOT_COUNTED.has(after.norm)
  );
}

function sameLine(text: string, from: number, to: number): boolean {
  for (let c = from; c < to; c++) {
    const code = text.charCodeAt(c);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return false;
  }
  return true;
}

/**
 * The value of a digit token's key (ASCII digits and . , / :). Commas before groups of exactly three
 * digits separate thousands (10,000); a single other comma is a decimal comma (2,5). When both
 * marks occur, the last one is the decimal mark (1,234.5 · 1.234,5). Dates and times (/ :) and
 * anything irregular (1.2.3) are not numbers.
 */
function parseDigits(key: string): number | null {
  let commas = 0;
  let dots = 0;
  for (let c = 0; c < key.length; c++) {
    const code = key.charCodeAt(c);
    if (code === 0x2c) commas++;
    else if (code === 0x2e) dots++;
    else if (code < 0x30 || code > 0x39) return null;
  }
  if (commas + dots === 0) return Number(key);
  if (commas === 0 || dots === 0) {
    const mark = commas > 0 ? ',' : '.';
    if (commas + dots > 1) return orNull(groupedInteger(key, mark));
    const at = key.indexOf(mark);
    if (mark === ',' && at <= 3 && key.length - at - 1 === 3)
      return Number(key.slice(0, at) + key.slice(at + 1));
    return Number(`${key.slice(0, at)}.${key.slice(at + 1)}`);
  }
  const lastComma = key.lastIndexOf(',');
  const lastDot = key.lastIndexOf('.');
  const decimal = Math.max(lastComma, lastDot);
  const decimalMark = decimal === lastComma ? ',' : '.';
  if (key.indexOf(decimalMark) !== decimal) return null;
  const integer = groupedInteger(key.slice(0, decimal), decimalMark === ',' ? '.' : ',');
  return integer === null ? null : Number(`${integer}.${key.slice(decimal + 1)}`);
}

/** Digits of a thousands-grouped integer (1,234,567), or null when the groups are irregular. */
function groupedInteger(part: string, mark: string): string | null {
  const groups = part.split(mark);
  const head = groups[0]!.length;
  if (head < 1 || head > 3) return null;
  for (let g = 1; g < groups.length; g++) if (groups[g]!.length !== 3) return null;
  return groups.join('');
}

const orNull = (digits: string | null) => (digits === null ? null : Number(digits));
