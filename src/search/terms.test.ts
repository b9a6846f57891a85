import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityToken, indexTerm } from './terms.ts';

test('an index term is one token of letters and digits', () => {
  assert.equal(indexTerm('هجوم'), 'هجوم');
  assert.equal(indexTerm('covid-19'), 'covid19');
  assert.equal(indexTerm('Lavrov'), 'lavrov');
  assert.equal(indexTerm('-'), '');
});

test('every character is kept, dropped or lower-cased as the rule says, Arabic letters included', () => {
  // Each code of the Basic Multilingual Plane alone and between Arabic letters, against the rule.
  const rule = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    for (const s of [ch, `هج${ch}وم`]) assert.equal(indexTerm(s), rule(s), `U+${c.toString(16)}`);
  }
  assert.equal(indexTerm(''), '');
});

test('an entity token is the id with non-alphanumerics as _', () => {
  assert.equal(entityToken('per:sergey-lavrov'), 'e_per_sergey_lavrov');
  assert.equal(entityToken('city:ru:moscow'), 'e_city_ru_moscow');
  assert.equal(entityToken('new:per:0a1b2c3d4e5f'), 'e_new_per_0a1b2c3d4e5f');
});
