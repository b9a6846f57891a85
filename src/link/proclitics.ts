// The readings of a word key with its proclitics taken off, for looking names up: news writes
// لروسيا، والأمم، للأمم المتحدة, and the name is what follows the conjunction and preposition.
// Every reading is tried against a closed list of names, so trying too many costs nothing but time.

/** Conjunction, preposition, or both, longest first. */
const PROCLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];
/** ل before the article drops its alef: للأمم is ل + الأمم. `letters`: how many letters are the proclitic. */
const CONTRACTED_ARTICLE = [
  { written: 'ولل', letters: 2 },
  { written: 'فلل', letters: 2 },
  { written: 'لل', letters: 1 },
];
const ARTICLE = 'ال';

export interface Reading {
  readonly key: string;
  /** Letters of the written word that the proclitics took. */
  readonly letters: number;
}

/** The key itself, then each reading without proclitics that leaves at least two letters. */
export function readingsWithoutProclitics(key: string): Reading[] {
  const out: Reading[] = [{ key, letters: 0 }];
  for (const { written, letters } of CONTRACTED_ARTICLE)
    if (key.startsWith(written) && key.length > written.length + 1)
      out.push({ key: ARTICLE + key.slice(written.length), letters });
  for (const p of PROCLITICS)
    if (key.startsWith(p) && key.length > p.length + 1)
      out.push({ key: key.slice(p.length), letters: p.length });
  return out;
}
