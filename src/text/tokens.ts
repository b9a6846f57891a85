// Tokens over the original text. One pass over UTF-16 code units with a class table: words keep
// their vowel marks and tatweel inside the span (the key drops them), numbers keep their decimal,
// thousands and date separators (1.5 · 10,000 · 2023/10/7), and bidi marks separate nothing.

import type { Token, TokenKind } from '../core/doc.ts';
import { FNV_OFFSET, FNV_PRIME } from '../core/string-table.ts';
import { NUMBER_JOINERS } from './chars.ts';
import { isIgnorable, matchKey } from './normalize.ts';

const SEP = 0;
// Letters come in two classes so that a word ends where the script changes (شركةGazprom).
const LATIN_LETTER = 1;
const OTHER_LETTER = 7;
const MARK = 2;
const DIGIT = 3;
const PUNCT = 4;
const SYMBOL = 5;
const HIGH_SURROGATE = 6;

const charClass = new Uint8Array(0x10000);
const isNumberJoiner = new Uint8Array(0x10000);

function buildCharClasses(): void {
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const space = /\s/u;
  const punct = /\p{P}/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    let cls = SYMBOL;
    if (c >= 0xd800 && c <= 0xdbff) cls = HIGH_SURROGATE;
    else if (c >= 0xdc00 && c <= 0xdfff) cls = SYMBOL;
    else if (letter.test(ch)) cls = c < 0x0250 ? LATIN_LETTER : OTHER_LETTER;
    else if (mark.test(ch) || c === 0x200c || c === 0x200d || c === 0x0640) cls = MARK;
    else if (digit.test(ch)) cls = DIGIT;
    else if (space.test(ch) || isIgnorable(c) || c < 0x20 || (c >= 0x7f && c < 0xa0)) cls = SEP;
    else if (punct.test(ch)) cls = PUNCT;
    charClass[c] = cls;
  }
  // Diacritics and tatweel are letters' companions, whatever their general category says.
  for (let c = 0; c < 0x10000; c++) if (isIgnorable(c) && charClass[c] !== SEP) charClass[c] = MARK;
  for (const ch of NUMBER_JOINERS) isNumberJoiner[ch.charCodeAt(0)] = 1;
}

buildCharClasses();

// Keys of one-character tokens (punctuation, digits), made once: a tenth of all tokens are these.
const charKeys: (string | undefined)[] = [];
const keyOfChar = (code: number) => (charKeys[code] ??= matchKey(String.fromCharCode(code)));

/**
 * Gives the key of a word token. A cache can answer from the range without slicing the text; the
 * tokenizer hands it the FNV-1a hash of the range's code units, computed in the same pass.
 */
export type WordKeyOf = (text: string, start: number, end: number, hash: number) => string;

const keyOfSlice: WordKeyOf = (text, start, end) => matchKey(text.slice(start, end));

export function tokenize(text: string, wordKeyOf: WordKeyOf = keyOfSlice): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  const push = (start: number, end: number, kind: TokenKind) =>
    tokens.push({
      start,
      end,
      kind,
      norm: end - start === 1 ? keyOfChar(text.charCodeAt(start)) : matchKey(text.slice(start, end)),
    });
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = charClass[c];
    if (cls === SEP || cls === MARK) {
      // A mark with no letter before it (a file of only diacritics) carries no word.
      i++;
    } else if (cls === OTHER_LETTER || cls === LATIN_LETTER) {
      const start = i;
      // Latin words keep their digits (G20); Arabic ones end before them (ج20 is a word and a number).
      const withDigits = cls === LATIN_LETTER ? DIGIT : cls;
      let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        const k = charClass[d];
        if (k === cls || k === MARK || k === withDigits) {
          hash = Math.imul(hash ^ d, FNV_PRIME);
          i++;
        } else break;
      }
      tokens.push({ start, end: i, kind: 'word', norm: wordKeyOf(text, start, i, hash) });
    } else if (cls === DIGIT) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (charClass[d] === DIGIT) i++;
        else if (isNumberJoiner[d] && i + 1 < n && charClass[text.charCodeAt(i + 1)] === DIGIT) i += 2;
        else break;
      }
      push(start, i, 'number');
    } else if (cls === HIGH_SURROGATE && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      push(i, i + 2, 'symbol');
      i += 2;
    } else {
      push(i, i + 1, cls === PUNCT ? 'punct' : 'symbol');
      i++;
    }
  }
  return tokens;
}
