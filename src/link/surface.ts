// Offsets inside a word's surface, counted in the letters its matching key keeps: a key drops
// diacritics and tatweel, so the n-th key letter can sit further into the surface than n.

import { isIgnorable } from '../text/normalize.ts';

/** The offset in `text` just after the first `letters` key letters of the span `start`–`end`. */
export function offsetAfterLetters(text: string, start: number, end: number, letters: number): number {
  let at = start;
  for (let seen = 0; at < end && seen < letters; at++) if (!isIgnorable(text.charCodeAt(at))) seen++;
  while (at < end && isIgnorable(text.charCodeAt(at))) at++;
  return at;
}
