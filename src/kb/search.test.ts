import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity, EntityKind } from './entity.ts';
import { TYPE_OF_KIND } from './entity.ts';
import { knowledgeBaseFrom } from './knowledge-base.ts';
import { findEntities, searchEntities } from './search.ts';

const entity = (id: string, kind: EntityKind, ar: string, en: string, aliases: string[] = []): Entity => ({
  id,
  type: TYPE_OF_KIND[kind],
  kind,
  name: { ar, en },
  aliases: { ar: aliases, en: [] },
});
const kb = knowledgeBaseFrom(
  [
    entity('city:by:minsk', 'city', 'مينسك', 'Minsk'),
    entity('city:xx:new-minsk', 'city', 'مينسك الجديدة', 'New Minsk'),
    entity('city:xx:minskaya', 'city', 'مينسكايا', 'Minskaya'),
    entity('per:minsker', 'person', 'فلان', 'Someone', ['المينسكي']),
    entity('city:co:bogota', 'city', 'بوغوتا', 'Bogotá'),
  ],
  new Map([['new:loc:0123456789ab', 'city:by:minsk']]),
);
const ids = (query: string, options = {}) => searchEntities(kb, query, options).map((h) => h.entity.id);

test('search ranks exact before prefix before substring, in Arabic and English', () => {
  assert.deepEqual(ids('مينسك'), ['city:by:minsk', 'city:xx:minskaya', 'city:xx:new-minsk', 'per:minsker']);
  assert.deepEqual(ids('MINSK'), ['city:by:minsk', 'city:xx:minskaya', 'city:xx:new-minsk']);
  assert.equal(searchEntities(kb, 'مينسك')[3]?.match, 'prefix', 'المينسكي is keyed without ال too');
});

test('search filters by type, limits, and folds accents', () => {
  assert.deepEqual(ids('مينسك', { type: 'PER' }), ['per:minsker']);
  assert.deepEqual(ids('مينسك', { limit: 1 }), ['city:by:minsk']);
  assert.deepEqual(ids('bogota'), ['city:co:bogota']);
  assert.deepEqual(ids('  '), []);
});

test('findEntities takes an id (following merges) or a whole name', () => {
  const found = (query: string) => findEntities(kb, query).map((e) => e.id);
  assert.deepEqual(found('city:by:minsk'), ['city:by:minsk']);
  assert.deepEqual(found('new:loc:0123456789ab'), ['city:by:minsk']);
  assert.deepEqual(found('minsk'), ['city:by:minsk']);
  assert.deepEqual(found('Bogota'), ['city:co:bogota']);
  assert.deepEqual(found('مينسكايا'), ['city:xx:minskaya']);
  assert.deepEqual(found('لا شيء'), []);
});
