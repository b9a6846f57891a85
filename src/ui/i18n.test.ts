import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENTITY_TYPES, PLOVER_TYPES } from '../core/doc.ts';
import {
  auxiliaryLabel,
  DICTIONARIES,
  directionOf,
  entityTypeLabel,
  LANGS,
  ploverLabel,
  translator,
  viaLabel,
} from './i18n.ts';

test('every label is written in both languages', () => {
  const [ar, en] = [DICTIONARIES.ar, DICTIONARIES.en];
  assert.deepEqual(Object.keys(en).sort(), Object.keys(ar).sort());
  for (const lang of LANGS)
    for (const [key, label] of Object.entries(DICTIONARIES[lang]))
      assert.ok(label.trim(), `${lang}.${key} is empty`);
});

test('the Arabic dictionary is Arabic and the English one is not', () => {
  const arabic = /[\u0600-\u06FF]/;
  assert.match(translator('ar')('navSearch'), arabic);
  assert.doesNotMatch(translator('en')('navSearch'), arabic);
});

test('placeholders are filled and both languages name the same ones', () => {
  assert.equal(translator('en')('pageRange', { from: 1, to: 20, total: 75 }), '1–20 of 75');
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(DICTIONARIES.ar) as (keyof typeof DICTIONARIES.ar)[])
    assert.deepEqual(placeholders(DICTIONARIES.en[key]), placeholders(DICTIONARIES.ar[key]), key);
});

test('the sixteen PLOVER types, entity types and modes have labels of their own', () => {
  // Arabic labels can never equal the Latin codes, so a match means the key is missing; the
  // dictionaries share their keys (above), so English has them too.
  const t = translator('ar');
  for (const type of PLOVER_TYPES) assert.notEqual(ploverLabel(t, type), type);
  for (const type of ENTITY_TYPES) assert.notEqual(entityTypeLabel(t, type), type);
  for (const aux of ['future', 'negated', 'historical', 'hypothetical'])
    assert.notEqual(auxiliaryLabel(t, aux), aux);
  for (const via of ['name', 'alias', 'demonym', 'metonym', 'role', 'coref'])
    assert.notEqual(viaLabel(t, via), via);
  assert.equal(ploverLabel(translator('en'), 'ASSAULT'), 'Assault');
});

test('a value the dictionary does not know shows as written', () => {
  assert.equal(ploverLabel(translator('ar'), 'NEWTYPE'), 'NEWTYPE');
});

test('Arabic is right to left', () => {
  assert.equal(directionOf('ar'), 'rtl');
  assert.equal(directionOf('en'), 'ltr');
});
