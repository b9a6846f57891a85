import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSort, sortRows } from './table-sort.ts';

const dyads = [
  { actorCountry: 'country:ru', events: 3, intensity: -12 },
  { actorCountry: 'country:by', events: 7, intensity: 4 },
  { actorCountry: 'country:am', events: 3, intensity: 1.5 },
];

test('numbers sort by value, ties keep their order', () => {
  assert.deepEqual(
    sortRows(dyads, { key: 'events', direction: 'descending' }).map((d) => d.actorCountry),
    ['country:by', 'country:ru', 'country:am'],
  );
  assert.deepEqual(
    sortRows(dyads, { key: 'intensity', direction: 'ascending' }).map((d) => d.intensity),
    [-12, 1.5, 4],
  );
});

test('text sorts alphabetically', () => {
  assert.deepEqual(
    sortRows(dyads, { key: 'actorCountry', direction: 'ascending' }).map((d) => d.actorCountry),
    ['country:am', 'country:by', 'country:ru'],
  );
});

test('choosing the sorted column again flips it', () => {
  const first = nextSort({ key: 'events', direction: 'descending' }, 'intensity', 'ascending');
  assert.deepEqual(first, { key: 'intensity', direction: 'ascending' });
  assert.deepEqual(nextSort(first, 'intensity', 'ascending'), { key: 'intensity', direction: 'descending' });
});
