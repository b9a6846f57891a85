import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEntities } from './check.ts';
import type { Entity } from './entity.ts';

const entity = (id: string, kind: Entity['kind'], more: Partial<Entity> = {}): Entity => ({
  id,
  type: kind === 'person' ? 'PER' : 'LOC',
  kind,
  name: { ar: 'س', en: id },
  aliases: { ar: [], en: [] },
  ...more,
});

test('accepts consistent entities', () => {
  const entities = [
    entity('country:am', 'country', { capital: 'city:am:yerevan' }),
    entity('city:am:yerevan', 'city', { country: 'country:am' }),
    entity('per:ararat-mirzoyan', 'person', {
      roles: [{ role: 'foreign_minister', of: 'country:am', from: '2021-08-19', source: 'list' }],
    }),
  ];
  assert.deepEqual(checkEntities(entities), []);
});

test('reports duplicate and malformed ids and dangling or ill-typed references', () => {
  const problems = checkEntities([
    entity('country:am', 'country', { capital: 'country:am' }),
    entity('country:am', 'country'),
    entity('city:Yerevan', 'city', { country: 'country:zz' }),
    entity('per:x', 'person', {
      roles: [{ role: 'head_of_organisation', of: 'country:am', from: '2020', source: 'list' }],
    }),
  ]);
  assert.deepEqual(problems, [
    'country:am: id used twice',
    'city:Yerevan: not a city:<slug> id',
    'country:am: capital country:am is a country',
    'city:Yerevan: country country:zz is no entity',
    'per:x: head_of_organisation country:am is a country',
  ]);
});
