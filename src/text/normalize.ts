// Normalisation for matching. The original text is never changed: `matchKey` folds a surface form
// into the key that lexicons, gazetteers and the search index compare, and `normalizeWithOffsets`
// folds a whole text while keeping, for every output code unit, the offset it came from.

import { DIACRITICS, DIGIT_ZEROS, FORMAT_CONTROLS, JOINERS, LETTER_FOLDS, TATWEEL } from './chars.ts';

const IDENTITY = 0;
const DROP = 0xffff;

// One entry per BMP code unit: IDENTITY, DROP, or the single code unit it folds to.
const single = new Uint16Array(0x10000);
// Code units that fold to more than one code unit (ligature presentation forms such as ﻻ → لا).
const multi = new Map<number, string>();

function buildTables(): void {
  const drop = (from: number, to: number) => single.fill(DROP, from, to + 1);
  for (const [from, to] of DIACRITICS) drop(from, to);
  for (const [from, to] of FORMAT_CONTROLS) drop(from, to);
  for (const c of JOINERS) drop(c, c);
  drop(TATWEEL, TATWEEL);
  for (const [from, to] of Object.entries(LETTER_FOLDS)) single[from.charCodeAt(0)] = to.charCodeAt(0);
  for (const zero of DIGIT_ZEROS) {
    for (let d = 1; d < 10; d++) if (zero !== 0x30) single[zero + d] = 0x30 + d;
    if (zero !== 0x30) single[zero] = 0x30;
  }
  for (let c = 0x41; c <= 0x5a; c++) single[c] = c + 0x20; // Latin capitals
  // Presentation forms and full-width forms: NFKC first, then the folds above.
  for (const [from, to] of [
    [0xfb00, 0xfdff],
    [0xfe70, 0xfefe],
    [0xff01, 0xffee],
  ] as const) {
    for (let c = from; c <= to; c++) {
      const decomposed = String.fromCharCode(c).normalize('NFKC');
      if (decomposed.length === 1 && decomposed.charCodeAt(0) === c) continue;
      const folded = foldSimple(decomposed).replace(/\s+/g, '');
      if (folded.length === 0) single[c] = DROP;
      else if (folded.length === 1) single[c] = folded.charCodeAt(0);
      else multi.set(c, folded);
    }
  }
}

function foldSimple(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = single[c]!;
    if (f === DROP) continue;
    out += String.fromCharCode(f === IDENTITY ? c : f);
  }
  return out;
}

buildTables();

/** True when the code unit vanishes from keys (diacritics, tatweel, joiners, bidi and format controls). */
export function isIgnorable(code: number): boolean {
  return single[code] === DROP;
}

/**
 * The matching key of a surface form: NFKC presentation forms, no diacritics or tatweel or bidi
 * marks, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, ASCII digits, Latin punctuation, lower-case Latin.
 * Returns the input itself when nothing folds, so keys of clean text cost no allocation.
 */
export function matchKey(surface: string): string {
  const n = surface.length;
  let i = 0;
  for (; i < n; i++) {
    const c = surface.charCodeAt(i);
    if (single[c] !== IDENTITY || (c >= 0xfb00 && multi.has(c))) break;
  }
  if (i === n) return surface;
  let out = surface.slice(0, i);
  for (; i < n; i++) {
    const c = surface.charCodeAt(i);
    const f = single[c]!;
    if (f === DROP) continue;
    if (f !== IDENTITY) out += String.fromCharCode(f);
    else out += multi.get(c) ?? surface[i];
  }
  return out;
}

export interface NormalizedText {
  readonly text: string;
  /** `offsets[i]` is the original offset of normalised code unit i; `offsets[text.length]` is the original length. */
  readonly offsets: Int32Array;
}

/** Folds a whole text as `matchKey` does, keeping an offset map back into the original. */
export function normalizeWithOffsets(original: string): NormalizedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    const f = single[c]!;
    if (f === DROP) continue;
    const piece = f !== IDENTITY ? String.fromCharCode(f) : (multi.get(c) ?? original[i]!);
    parts.push(piece);
    for (let k = 0; k < piece.length; k++) offsets.push(i);
  }
  offsets.push(original.length);
  return { text: parts.join(''), offsets: Int32Array.from(offsets) };
}

/** True when a key is only Arabic letters ء…ي (U+0621–U+064A, tatweel excluded) and at least `minLength` long. */
export function isArabicKey(key: string, minLength: number): boolean {
  if (key.length < minLength) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a || c === 0x0640) return false;
  }
  return true;
}
