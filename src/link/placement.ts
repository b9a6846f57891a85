// Which of several same-named entities the text means, from what it writes around or on the name:
//   - an adjacent demonym places it: العاصمة الأردنية عمان is Amman, not Oman; حلب السورية is in Syria;
//   - vowel marks the writer added rule out a reading: عمّان (shadda on the mim) is Amman, عُمان Oman.
// Both only choose among the candidates the knowledge base gives; with no such clue the usual rank
// stands. A clue outweighs one sense per article: an article can name Oman and Amman both.

import type { Entity } from '../kb/entity.ts';
import { DIACRITICS, TATWEEL } from '../text/chars.ts';

const isMark = (code: number) => DIACRITICS.some(([from, to]) => code >= from && code <= to);

/** The marks written on each letter, keyed by the letter's index among the letters (marks and tatweel skipped). */
function marksByLetter(word: string): {
  readonly letters: number;
  readonly marks: ReadonlyMap<number, string>;
} {
  const marks = new Map<number, string>();
  let letters = 0;
  for (const char of word) {
    const code = char.codePointAt(0)!;
    if (code === TATWEEL) continue;
    if (isMark(code)) {
      if (letters > 0) marks.set(letters - 1, (marks.get(letters - 1) ?? '') + char);
    } else letters++;
  }
  return { letters, marks };
}

/**
 * 1: a vocalised name of the entity carries every mark written (on the same letters); −1: it has
 * vocalised names and none does; 0: nothing to compare (no marks written, or none known).
 */
export function vowelAgreement(written: string, entity: Entity): -1 | 0 | 1 {
  const seen = marksByLetter(written);
  if (seen.marks.size === 0) return 0;
  const vocalised = [entity.name.ar, ...entity.aliases.ar]
    .map(marksByLetter)
    .filter((n) => n.marks.size > 0 && n.letters === seen.letters);
  if (vocalised.length === 0) return 0;
  const agrees = vocalised.some((name) =>
    [...seen.marks].every(([letter, marks]) => [...marks].every((m) => name.marks.get(letter)?.includes(m))),
  );
  return agrees ? 1 : -1;
}

/**
 * The candidate the text places, when its marks or a demonym beside it single one out; null when
 * they do not (then the usual rank and one-sense-per-article decide).
 */
export function placedCandidate(
  candidates: readonly Entity[],
  written: string,
  nearbyCountries: readonly string[],
): Entity | null {
  if (candidates.length < 2) return null;
  const inCountry = (e: Entity) => (nearbyCountries.some((c) => e.country === c && e.id !== c) ? 1 : 0);
  const scored = candidates
    .map((entity) => ({ entity, score: vowelAgreement(written, entity) * 2 + inCountry(entity) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  return best!.score > 0 && best!.score > next!.score ? best!.entity : null;
}
