import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityName, excerpt, formatNumber, webHref, wikidataHref } from './format.ts';

test('only http and https addresses become links', () => {
  assert.equal(webHref('https://example.com/a?b=1'), 'https://example.com/a?b=1');
  assert.equal(webHref('http://example.com'), 'http://example.com/');
  assert.equal(webHref('javascript:alert(1)'), null);
  assert.equal(webHref(' JavaScript:alert(1)'), null);
  assert.equal(webHref('data:text/html,<script>alert(1)</script>'), null);
  assert.equal(webHref('/relative'), null);
  assert.equal(webHref(null), null);
});

test('wikidata links only for item ids', () => {
  assert.equal(wikidataHref('Q159'), 'https://www.wikidata.org/wiki/Q159');
  assert.equal(wikidataHref('Q1"><x'), null);
  assert.equal(wikidataHref(undefined), null);
});

test('an entity reads in the UI language, in Arabic when it has no English name', () => {
  const russia = { name: { ar: 'روسيا', en: 'Russia' } };
  const provisional = { name: { ar: 'سافاريان', en: null } };
  assert.equal(entityName(russia, 'ar'), 'روسيا');
  assert.equal(entityName(russia, 'en'), 'Russia');
  assert.equal(entityName(provisional, 'en'), 'سافاريان');
});

test('numbers are grouped with Latin digits in both languages', () => {
  assert.equal(formatNumber('en', 12345), '12,345');
  assert.match(formatNumber('ar', 12345), /^12.345$/u);
});

test('an excerpt cuts at a word and says so', () => {
  assert.equal(excerpt('قال  الوزير\nإن'), 'قال الوزير إن');
  assert.equal(excerpt('aaaa bbbb cccc', 10), 'aaaa bbbb…');
});
