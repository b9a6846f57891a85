import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCountries, capitalNames, type MledozeCountry } from './countries.ts';
import { readTsv } from './tsv.ts';

const mledoze: MledozeCountry[] = [
  {
    cca2: 'RU',
    cca3: 'RUS',
    name: { common: 'Russia', official: 'Russian Federation' },
    altSpellings: ['RU', 'Rossiya', 'Российская Федерация'],
    capital: ['Moscow'],
    latlng: [60, 100],
    translations: { ara: { common: 'روسيا', official: 'روسيا الاتحادية' } },
  },
  {
    cca2: 'XK',
    cca3: 'UNK',
    name: { common: 'Kosovo', official: 'Republic of Kosovo' },
    translations: { ara: { common: 'كوسوفو', official: 'جمهورية كوسوفو' } },
  },
];
const dr5hn = [
  { iso2: 'RU', iso3: 'RUS', name: 'Russia', wikiDataId: 'Q159' },
  { iso2: 'XX', iso3: 'UNK', name: 'Kosovo (by ISO3)', wikiDataId: 'Q1246' },
];
const curated = readTsv(
  [
    'id\ten\tar\tar_aliases\ten_aliases\tdemonym_stems\tdemonym_plurals\tdemonym_forms',
    'country:ru\t\t\tالاتحاد الروسي|روسيا\t\tروسي\tروس',
    'country:soviet-union\tSoviet Union\tالاتحاد السوفيتي\tالاتحاد السوفياتي\tUSSR\tسوفيتي',
  ].join('\n'),
  'countries.tsv',
);

test('joins mledoze names, dr5hn Wikidata ids and curated aliases and demonyms', () => {
  const [russia, former] = buildCountries(mledoze, dr5hn, curated).filter((c) => c.id !== 'country:xk');
  assert.equal(russia?.id, 'country:ru');
  assert.deepEqual(russia?.name, { ar: 'روسيا', en: 'Russia' });
  assert.deepEqual(russia?.aliases.ar, ['الاتحاد الروسي', 'روسيا الاتحادية']);
  assert.deepEqual(russia?.aliases.en, ['Rossiya', 'Russian Federation']);
  assert.equal(russia?.wikidata, 'Q159');
  assert.equal(russia?.iso3, 'RUS');
  assert.ok(russia?.demonyms?.includes('الروس'));
  assert.equal(former?.kind, 'former_country');
  assert.ok(former?.demonyms?.includes('السوفيتية'));
});

test('falls back on ISO3 for the Wikidata join', () => {
  const kosovo = buildCountries(mledoze, dr5hn, []).find((c) => c.id === 'country:xk');
  assert.equal(kosovo?.wikidata, 'Q1246');
  assert.equal(kosovo?.demonyms, undefined);
});

test('lets a curated name replace mledoze’s, which stays an alias', () => {
  const rows = readTsv('id\tar\ncountry:ru\tالاتحاد الروسي', 'countries.tsv');
  const russia = buildCountries(mledoze, dr5hn, rows).find((c) => c.id === 'country:ru');
  assert.equal(russia?.name.ar, 'الاتحاد الروسي');
  assert.ok(russia?.aliases.ar.includes('روسيا'));
});

test('fails on a curated row that is neither a country nor a complete former state', () => {
  const rows = readTsv('id\tar\ncountry:rus\tروسيا', 'countries.tsv');
  assert.throws(() => buildCountries(mledoze, dr5hn, rows), /countries.tsv:2/);
});

test('takes the first listed capital', () => {
  assert.deepEqual([...capitalNames(mledoze)], [['RU', 'Moscow']]);
});
