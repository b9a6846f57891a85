// Country entities: mledoze's countries.json gives the 250 countries with their Arabic and English
// names, ISO codes and centroid; dr5hn's gives the Wikidata id (joined on ISO2, else ISO3; its Arabic
// is machine-translated and not used); src/kb/curated/countries.tsv adds the Arabic spellings news
// uses that mledoze lacks, the demonym stems, and former states (الاتحاد السوفيتي).
//
// countries.tsv columns: id, en, ar, ar_aliases, en_aliases, demonym_stems, demonym_plurals,
// demonym_forms. For a current country en and ar are optional (they replace mledoze's names, which
// stay as aliases); a row whose id is no current country is a former state and must give both.

import { demonymForms } from './demonyms.ts';
import type { Entity } from './entity.ts';
import { cleanList, compareStrings, tidy } from './names.ts';
import { listCell, type TsvRow } from './tsv.ts';

export interface MledozeCountry {
  readonly cca2: string;
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings?: readonly string[];
  readonly capital?: readonly string[];
  readonly latlng?: readonly number[];
  readonly translations: { readonly ara: { readonly common: string; readonly official: string } };
}

export interface Dr5hnCountry {
  readonly iso2: string;
  readonly iso3: string;
  readonly name: string;
  readonly wikiDataId?: string;
}

/** Latin-script spellings only: mledoze's altSpellings also hold native-script names. */
const LATIN = /^[\p{Script=Latin}\p{N}\s.,'’()&-]+$/u;

export const countryId = (iso2: string) => `country:${iso2.toLowerCase()}`;

/** Countries (sorted by id) and former states, with curated names and demonyms merged in. */
export function buildCountries(
  mledoze: readonly MledozeCountry[],
  dr5hn: readonly Dr5hnCountry[],
  curated: readonly TsvRow[],
): Entity[] {
  const curatedById = new Map(curated.map((row) => [row.id ?? '', row]));
  const byIso2 = new Map(dr5hn.map((c) => [c.iso2, c]));
  const byIso3 = new Map(dr5hn.map((c) => [c.iso3, c]));
  const countries = mledoze.map((m): Entity => {
    const id = countryId(m.cca2);
    const row = curatedById.get(id);
    curatedById.delete(id);
    const wiki = byIso2.get(m.cca2) ?? byIso3.get(m.cca3);
    const ara = m.translations.ara;
    const name = { ar: tidy(row?.ar || ara.common), en: tidy(row?.en || m.name.common) };
    const altSpellings = (m.altSpellings ?? []).filter((s) => s !== m.cca2 && LATIN.test(s));
    const [lat, lon] = m.latlng ?? [];
    return {
      id,
      type: 'LOC',
      kind: 'country',
      name,
      aliases: {
        ar: cleanList([ara.common, ara.official, ...listCell(row?.ar_aliases)], [name.ar]),
        en: cleanList(
          [
            m.name.common,
            m.name.official,
            ...altSpellings,
            ...(wiki ? [wiki.name] : []),
            ...listCell(row?.en_aliases),
          ],
          [name.en],
        ),
      },
      ...demonymsOf(row),
      iso2: m.cca2,
      iso3: m.cca3,
      ...(wiki?.wikiDataId ? { wikidata: wiki.wikiDataId } : {}),
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
    };
  });
  const former = [...curatedById.values()].map((row): Entity => {
    if (!row.en || !row.ar)
      throw new Error(`${row.line}: ${row.id} is no current country, so it needs en and ar`);
    const name = { ar: tidy(row.ar), en: tidy(row.en) };
    return {
      id: row.id ?? '',
      type: 'LOC',
      kind: 'former_country',
      name,
      aliases: {
        ar: cleanList(listCell(row.ar_aliases), [name.ar]),
        en: cleanList(listCell(row.en_aliases), [name.en]),
      },
      ...demonymsOf(row),
    };
  });
  return [...countries, ...former].sort((a, b) => compareStrings(a.id, b.id));
}

function demonymsOf(row: TsvRow | undefined): { demonyms?: string[] } {
  if (row === undefined) return {};
  const demonyms = cleanList(
    demonymForms({
      stems: listCell(row.demonym_stems),
      plurals: listCell(row.demonym_plurals),
      forms: listCell(row.demonym_forms),
    }),
  );
  return demonyms.length > 0 ? { demonyms } : {};
}

/** Each country's first listed capital (English, as mledoze spells it), by ISO2. */
export function capitalNames(mledoze: readonly MledozeCountry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of mledoze) {
    const capital = m.capital?.[0];
    if (capital) names.set(m.cca2, capital);
  }
  return names;
}
