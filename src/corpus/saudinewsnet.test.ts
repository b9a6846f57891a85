import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { readSaudiNewsNet, saudiNewsNetFiles } from './saudinewsnet.ts';
import { requireSharedData, SHARED_DATA_ENV, sharedDataDir } from './shared-data.ts';

const skip = existsSync(join(sharedDataDir(), 'saudinewsnet/dataset'))
  ? false
  : `SaudiNewsNet not found under ${sharedDataDir()}`;

const SOURCES = new Set([
  'aawsat',
  'aleqtisadiya',
  'aljazirah',
  'almadina',
  'alriyadh',
  'alwatan',
  'alweeam',
  'alyaum',
  'arreyadi',
  'arreyadiyah',
  'okaz',
  'sabq',
  'was',
  '3alyoum',
]);

describe('SaudiNewsNet reader', { skip }, () => {
  test('reads the first 50 articles with an id, a source, a url, a date, a title and a text', () => {
    const articles = [...readSaudiNewsNet({ limit: 50 })];
    assert.equal(articles.length, 50);
    for (const a of articles) {
      assert.match(a.id, /^snn-[0-9a-f]{12}$/);
      assert.ok(SOURCES.has(a.source), a.source);
      assert.match(a.url, /^https?:\/\//);
      assert.match(a.date, /^2015-07-21$/, 'the first zip is 2015-07-21');
      assert.equal(typeof a.title, 'string');
      assert.equal(typeof a.text, 'string');
    }
    assert.ok(
      articles.some((a) => /[\u0621-\u064a]{3}/.test(a.text)),
      'the texts are Arabic',
    );
  });

  test('yields the same articles in the same order every time', () => {
    const first = [...readSaudiNewsNet({ limit: 50 })];
    const again = [...readSaudiNewsNet({ limit: 50 })];
    assert.deepEqual(again, first);
    assert.deepEqual(
      [...readSaudiNewsNet({ limit: 5 })].map((a) => a.id),
      first.slice(0, 5).map((a) => a.id),
    );
  });

  test('yields nothing for a limit of 0', () => {
    assert.deepEqual([...readSaudiNewsNet({ limit: 0 })], []);
  });

  test('counts all 31,030 articles across the 18 zips, each with its own id, dates in order', () => {
    assert.equal(saudiNewsNetFiles().length, 18);
    const ids = new Set<string>();
    let n = 0;
    let lastDate = '';
    for (const a of readSaudiNewsNet()) {
      n++;
      ids.add(a.id);
      assert.ok(a.date >= lastDate, `${a.date} after ${lastDate}`);
      lastDate = a.date;
    }
    assert.equal(n, 31_030);
    assert.equal(ids.size, 31_030);
    assert.equal(lastDate, '2015-08-11');
  });
});

describe('shared data folder', () => {
  test('names the folder and the environment variable when a data set is missing', () => {
    assert.throws(
      () => requireSharedData('no-such-corpus'),
      (e: unknown) =>
        e instanceof MarsadError &&
        e.code === 'DATA_MISSING' &&
        e.message.includes('no-such-corpus') &&
        e.message.includes(SHARED_DATA_ENV),
    );
  });

  test(`follows ${SHARED_DATA_ENV} when it is set`, () => {
    const saved = process.env[SHARED_DATA_ENV];
    process.env[SHARED_DATA_ENV] = '/nowhere/data';
    try {
      assert.equal(sharedDataDir(), '/nowhere/data');
    } finally {
      if (saved === undefined) delete process.env[SHARED_DATA_ENV];
      else process.env[SHARED_DATA_ENV] = saved;
    }
  });
});
