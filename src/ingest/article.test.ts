import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { makeArticle, parseIsoDate } from './article.ts';

test('gives the same text the same id, and different texts different ids', () => {
  assert.equal(makeArticle({ text: 'نص' }).id, makeArticle({ text: 'نص' }).id);
  assert.notEqual(makeArticle({ text: 'نص' }).id, makeArticle({ text: 'نص آخر' }).id);
  assert.match(makeArticle({ text: '' }).id, /^a-[0-9a-f]{16}$/);
});

test('keeps a given id, title and date', () => {
  const a = makeArticle({ text: 'x', id: 'my-id', title: 'عنوان', publishedAt: '2024-04-12' });
  assert.deepEqual(a, { id: 'my-id', title: 'عنوان', publishedAt: '2024-04-12', text: 'x' });
});

test('rejects impossible and malformed dates with BAD_DATE', () => {
  for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '12/04/2024', '2024-4-12', '0000-01-01', '']) {
    assert.throws(
      () => parseIsoDate(bad),
      (e: unknown) => e instanceof MarsadError && e.code === 'BAD_DATE',
      bad,
    );
  }
  assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
});
