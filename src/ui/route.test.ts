import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityHref, offsetParam, parseRoute, type Route, routeHref, withParam } from './route.ts';

test('the empty hash and #/ are home', () => {
  for (const hash of ['', '#', '#/']) assert.deepEqual(parseRoute(hash), { name: 'home' });
});

test('search and events keep their state in the query', () => {
  assert.deepEqual(parseRoute('#/search?q=%D9%87%D8%AC%D9%88%D9%85&country=country%3Aru&sort=date&entity='), {
    name: 'search',
    params: { q: 'هجوم', country: 'country:ru', sort: 'date' },
  });
  assert.deepEqual(parseRoute('#/events?type=ASSAULT'), { name: 'events', params: { type: 'ASSAULT' } });
});

test('ids with colons and slashes survive the round trip', () => {
  const routes: Route[] = [
    { name: 'entity', id: 'country:ru' },
    { name: 'entity', id: 'new:per:ab/cd' },
    { name: 'article', id: 'a-0123456789abcdef' },
    { name: 'search', params: { q: 'لافروف & "سيرغي"', from: '2024-01-01' } },
    { name: 'events', params: {} },
    { name: 'analyze' },
    { name: 'home' },
  ];
  for (const route of routes) assert.deepEqual(parseRoute(routeHref(route)), route);
  assert.equal(entityHref('country:ru'), '#/entity/country%3Aru');
});

test('unknown and malformed paths are not found, never a crash', () => {
  assert.equal(parseRoute('#/nowhere').name, 'not-found');
  assert.equal(parseRoute('#/entity/%E0%A4%A').name, 'not-found');
  assert.equal(parseRoute('#/article/a/b').name, 'not-found');
  assert.equal(parseRoute('#/entity').name, 'not-found');
});

test('changing a filter goes back to the first page', () => {
  assert.deepEqual(withParam({ q: 'x', offset: '40', source: 'a' }, 'source', 'b'), { q: 'x', source: 'b' });
  assert.deepEqual(withParam({ q: 'x', source: 'a' }, 'source', undefined), { q: 'x' });
});

test('a page offset is a whole number, anything else is the first page', () => {
  assert.equal(offsetParam('40'), 40);
  for (const bad of [undefined, '', '-20', '1.5', 'abc', '1e400']) assert.equal(offsetParam(bad), 0);
});
