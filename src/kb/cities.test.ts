import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildCities,
  type CityInputs,
  cleanAnetacArabic,
  type GeoCity,
  MIN_POPULATION,
  readAnetacLocations,
} from './cities.ts';
import { aliasKeys } from './keys.ts';
import { readTsv } from './tsv.ts';

const city = (
  geonames: number,
  name: string,
  country: string,
  population: number,
  featureCode = 'PPL',
): GeoCity => ({
  geonames,
  name,
  country,
  featureCode,
  population,
  lat: 1,
  lon: 2,
});
const geo = [
  city(1, 'Tripoli', 'LY', 1_150_989, 'PPLC'),
  city(2, 'Tripoli', 'LB', 229_398, 'PPLA'),
  city(3, 'Aleppo', 'SY', 1_602_264),
  city(4, 'Cairo', 'EG', 7_734_614, 'PPLC'),
  city(5, 'Odessa', 'UA', 1_001_558),
  city(6, 'Tinytown', 'UA', MIN_POPULATION - 1),
  city(7, 'Taiyuan', 'CN', 3_426_519),
  city(8, 'Nur-Sultan', 'KZ', 345_604, 'PPLC'),
  city(9, 'Kuwait City', 'KW', 60_064, 'PPLC'),
  city(10, 'Bogotá', 'CO', 7_674_366, 'PPLC'),
];
const inputs = (over: Partial<CityInputs>): CityInputs => ({
  geo,
  curated: [],
  capitals: new Map(),
  anetac: [],
  countryIds: new Set([
    'country:ly',
    'country:lb',
    'country:sy',
    'country:eg',
    'country:ua',
    'country:cn',
    'country:kz',
    'country:kw',
    'country:co',
  ]),
  reservedKeys: new Set(aliasKeys('تايوان')),
  reservedEnglish: new Set(['jordan']),
  ...over,
});
const curated = readTsv(
  [
    'country\tgeonames\ten\tar\tar_aliases\ten_aliases',
    'EG\tCairo\t\tالقاهرة',
    'LB\tTripoli\t\tطرابلس\tطرابلس الشام',
    'KZ\tNur-Sultan\tAstana\tأستانا\tنور سلطان',
  ].join('\n'),
  'cities.tsv',
);

describe('buildCities', () => {
  test('names curated cities in their country, with their curated names only', () => {
    const { cities } = buildCities(inputs({ curated, anetac: [{ en: 'Cairo', ar: 'كايرو' }] }));
    const cairo = cities.find((c) => c.id === 'city:eg:cairo');
    assert.deepEqual(cairo?.name, { ar: 'القاهرة', en: 'Cairo' });
    assert.deepEqual(cairo?.aliases.ar, []);
    assert.equal(cairo?.geonames, 4);
    assert.equal(cities.find((c) => c.id === 'city:lb:tripoli')?.population, 229_398);
    const astana = cities.find((c) => c.id === 'city:kz:astana');
    assert.deepEqual(astana?.aliases, { ar: ['نور سلطان'], en: ['Nur-Sultan'] });
  });

  test('gives an ANETAC name to the most populous city of that name, from the population threshold up', () => {
    const { cities } = buildCities(
      inputs({
        anetac: [
          { en: 'Tripoli', ar: 'طرابلس' },
          { en: 'Tinytown', ar: 'تينيتاون' },
          { en: 'Bogota', ar: 'بوغوتا' },
        ],
      }),
    );
    assert.deepEqual(
      cities.map((c) => c.id),
      ['city:co:bogota', 'city:ly:tripoli'],
    );
  });

  test('makes no city from a name that is a country’s', () => {
    const { cities } = buildCities(
      inputs({
        anetac: [
          { en: 'Taiyuan', ar: 'تايوان' },
          { en: 'Jordan', ar: 'جوردان' },
        ],
      }),
    );
    assert.deepEqual(cities, []);
  });

  test('merges the spellings that land on one city, and undoes ANETAC slips', () => {
    const { cities } = buildCities(
      inputs({
        anetac: [
          { en: 'Odessa', ar: 'واوديسا' },
          { en: 'odessa', ar: 'أوديسا' },
        ],
      }),
    );
    assert.equal(cities.length, 1);
    assert.deepEqual([cities[0]?.name.ar, ...(cities[0]?.aliases.ar ?? [])], ['اوديسا', 'أوديسا']);
  });

  test('links capitals found among the GeoNames capitals, also under another name', () => {
    const capitals = new Map([
      ['KZ', 'Astana'],
      ['EG', 'Cairo'],
      ['KW', 'Kuwait City'],
    ]);
    const built = buildCities(inputs({ curated, capitals }));
    assert.equal(built.capitals.get('country:kz'), 'city:kz:astana');
    assert.equal(built.capitals.get('country:eg'), 'city:eg:cairo');
    // No Arabic name for Kuwait City anywhere: no city, no capital.
    assert.equal(built.capitals.has('country:kw'), false);
  });

  test('fails on a curated city GeoNames does not have', () => {
    const bad = readTsv('country\tgeonames\tar\nSY\tAtlantis\tأتلانتس', 'cities.tsv');
    assert.throws(
      () => buildCities(inputs({ curated: bad })),
      /cities.tsv:2: no GeoNames city Atlantis in SY/,
    );
  });
});

test('cleanAnetacArabic drops a conjunction before a vowel and a doubled lam', () => {
  assert.equal(cleanAnetacArabic('Omdurman', 'وامدرمان'), 'امدرمان');
  assert.equal(cleanAnetacArabic('London', 'للندن'), 'لندن');
  assert.equal(cleanAnetacArabic('Washington', 'واشنغتون'), 'واشنغتون');
});

test('readAnetacLocations keeps the LOCATION pairs', () => {
  assert.deepEqual(readAnetacLocations('LOCATION Minsk مينسك\nPERSON Daga داغا\n\nLOCATION Baku باكو\n'), [
    { en: 'Minsk', ar: 'مينسك' },
    { en: 'Baku', ar: 'باكو' },
  ]);
});
