// Small helpers for the names the knowledge-base build handles: ASCII slugs for ids, tidy sorted
// name lists (so that a rebuild is byte-identical), and the fold that compares English place names
// across spellings with and without accents (Bogota, Bogotá).

/** The ASCII slug of an English name: lower case, marks dropped, runs of other characters → '-'. */
export function slugify(name: string): string {
  return foldLatin(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const LETTER_FOLDS: Readonly<Record<string, string>> = { ı: 'i', ł: 'l', ø: 'o' };

/** Lower case, without accents or apostrophes, ı ł ø as i l o: how English names are compared. */
export function foldLatin(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f'‘’ʼ`]/g, '')
    .toLowerCase()
    .replace(/[ıłø]/g, (c) => LETTER_FOLDS[c] ?? c);
}

/** Whitespace runs as one space, trimmed. */
export function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Tidied, sorted, without duplicates, blanks or the excluded names. */
export function cleanList(names: Iterable<string>, exclude: Iterable<string> = []): string[] {
  const excluded = new Set([...exclude].map(tidy));
  const out = new Set<string>();
  for (const raw of names) {
    const name = tidy(raw);
    if (name && !excluded.has(name)) out.add(name);
  }
  return [...out].sort(compareStrings);
}

/** Code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
