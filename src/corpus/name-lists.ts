// The name lists in ../shared/data, read as one stream of typed names: ANETAC's English–Arabic
// named-entity pairs, ANERGazet's place, organisation and person lists, and the Arabic country names
// of mledoze's countries.json.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireSharedData } from './shared-data.ts';

export type NameType = 'PER' | 'LOC' | 'ORG';

export interface ListedName {
  readonly source: 'anetac' | 'anergazet' | 'countries';
  readonly type: NameType;
  /** The name as the list writes it, in Arabic. */
  readonly name: string;
}

export const ANETAC = 'anetac/EN-AR NE/EN-AR Named-entities.txt';
export const ANERGAZET = 'anercorp/ANERGazet';
export const COUNTRIES = 'countries_gazetteer/mledoze/countries.json';

const ANETAC_TYPES: Record<string, NameType> = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };
const ANERGAZET_TYPES: Record<string, NameType> = {
  AlignedPersGazetteer: 'PER',
  AlignedLocGazetteer: 'LOC',
  AlignedOrgGazetteer: 'ORG',
};
const HAS_ARABIC = /[\u0621-\u064a]/;

export function* readNameLists(sources: ReadonlySet<ListedName['source']>): Generator<ListedName> {
  if (sources.has('anetac')) {
    // `CLASS English Arabic`, space separated; the Arabic side is whatever holds Arabic letters.
    for (const line of readFileSync(requireSharedData(ANETAC), 'utf8').split('\n')) {
      const [cls, ...rest] = line.trim().split(/\s+/);
      const type = cls === undefined ? undefined : ANETAC_TYPES[cls];
      if (!type) continue;
      for (const part of rest) if (HAS_ARABIC.test(part)) yield { source: 'anetac', type, name: part };
    }
  }
  if (sources.has('anergazet')) {
    // One name per line in <kind>/data; `====` and `****` lines head continent and country sections.
    const gazet = requireSharedData(ANERGAZET);
    for (const kind of readdirSync(gazet).sort()) {
      const type = ANERGAZET_TYPES[kind];
      if (!type) continue;
      for (const line of readFileSync(join(gazet, kind, 'data'), 'utf8').split('\n')) {
        if (/^\s*(=+|\*+)\s*$/.test(line) || !HAS_ARABIC.test(line)) continue;
        yield { source: 'anergazet', type, name: line.trim() };
      }
    }
  }
  if (sources.has('countries')) {
    const countries = JSON.parse(readFileSync(requireSharedData(COUNTRIES), 'utf8')) as {
      translations?: { ara?: { common?: string; official?: string } };
    }[];
    for (const country of countries) {
      const { common, official } = country.translations?.ara ?? {};
      for (const name of new Set([common, official]))
        if (name) yield { source: 'countries', type: 'LOC', name };
    }
  }
}
