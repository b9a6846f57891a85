// The Arabic forms in which news text names a country's people, generated from a curated stem so
// that every country gets all of them the same way. The rule, for a stem such as روسي (the masculine
// nisba adjective, every word ending in ي):
//   masculine روسي, feminine روسية, sound plural روسيون / روسيين, each bare and with ال (الروسي …);
//   in a two-word stem every word takes the ending and the article (الكوري الجنوبي، الكوريون الجنوبيون).
// Broken plurals (روس، أتراك، مغاربة) are curated, and taken bare and with ال on every word.
// Forms that fit no rule (جنوب أفريقي، الجنوب أفريقية) are curated whole.

const ENDINGS = ['', 'ة', 'ون', 'ين'] as const;

export interface DemonymSpec {
  /** Masculine singular nisba adjectives, indefinite: روسي، أمريكي|أميركي. */
  readonly stems: readonly string[];
  /** Broken plurals, indefinite: روس. */
  readonly plurals: readonly string[];
  /** Forms taken as they are. */
  readonly forms: readonly string[];
}

const definite = (words: readonly string[]) => words.map((w) => `ال${w}`).join(' ');

/** Every form of the spec, unsorted and possibly repeated (the caller cleans the list). */
export function demonymForms({ stems, plurals, forms }: DemonymSpec): string[] {
  const out: string[] = [...forms];
  for (const stem of stems) {
    const words = stem.split(/\s+/);
    const bad = words.find((w) => !w.endsWith('ي') || w.startsWith('ال'));
    if (bad !== undefined)
      throw new Error(`demonym stem "${stem}": "${bad}" must be an indefinite nisba ending in ي`);
    for (const ending of ENDINGS) {
      const inflected = words.map((w) => w + ending);
      out.push(inflected.join(' '), definite(inflected));
    }
  }
  for (const plural of plurals) out.push(plural, definite(plural.split(/\s+/)));
  return out;
}
