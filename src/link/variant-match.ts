// The finer comparison after the variant key: two spellings that share a key (variant-key.ts) are one
// name only if they are also close letter by letter. The key drops inner vowels to catch
// ميرزويان / ميرزوييان, which also folds كروكوس (Crocus) into كاراكاس (Caracas); here a long vowel
// written or left out costs little, but one vowel written as another (o for a) costs as much as a
// consonant, so Crocus stays Crocus.

import { matchKey } from '../text/normalize.ts';
import { letterClass } from './variant-key.ts';

const VOWELS = new Set(['ا', 'و', 'ي']);
/** A long vowel written in one spelling and not the other. */
const VOWEL_GAP = 0.5;
/** Two spellings are one name with fewer edits than this per letter of the longer one. */
const MAX_EDITS_PER_LETTER = 0.2;

/** Edit distance over letter classes: same class costs 0, a vowel gap VOWEL_GAP, anything else 1. */
export function variantDistance(a: string, b: string): number {
  const x = [...matchKey(a).replace(/\s+/g, ' ')].map(letterClass);
  const y = [...matchKey(b).replace(/\s+/g, ' ')].map(letterClass);
  const gap = (c: string) => (VOWELS.has(c) ? VOWEL_GAP : 1);
  let row = Array.from({ length: y.length + 1 }, (_, j) => y.slice(0, j).reduce((s, c) => s + gap(c), 0));
  for (let i = 1; i <= x.length; i++) {
    const next = [row[0]! + gap(x[i - 1]!)];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(
        row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
        row[j]! + gap(x[i - 1]!),
        next[j - 1]! + gap(y[j - 1]!),
      );
    row = next;
  }
  return row[y.length]!;
}

/** Whether two spellings are one name written two ways. */
export function sameNameVariant(a: string, b: string): boolean {
  const longer = Math.max(matchKey(a).length, matchKey(b).length);
  return variantDistance(a, b) < MAX_EDITS_PER_LETTER * longer;
}
