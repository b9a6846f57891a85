import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Repository } from '../store/repository.ts';
import { openSqliteRepository } from '../store/sqlite.ts';
import { fingerprint, hammingDistance, NEAR_DUPLICATE_BITS } from './dedupe/index.ts';
import { ingest } from './ingest.ts';
import type { IngestArticle, IngestItem } from './sources/item.ts';

const [first] = readFileSync(new URL('../../examples/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as IngestArticle);
const original = { ...first!, id: 'original' };
// The same report with one word added, as a second outlet runs it.
const words = original.text.split(' ');
const copy = { ...original, id: 'copy', text: [...words.slice(0, 10), 'أيضاً', ...words.slice(10)].join(' ') };

async function* items(...articles: IngestArticle[]): AsyncGenerator<IngestItem> {
  for (const [i, article] of articles.entries())
    yield { ok: true, article, origin: `item ${i}`, language: 'ar' };
}

async function store(): Promise<Repository> {
  const repo = openSqliteRepository(':memory:');
  await repo.migrate();
  return repo;
}

test('the copy is a near duplicate of the original (the premise of the tests below)', () => {
  assert.notEqual(copy.text, original.text);
  const distance = hammingDistance(fingerprint(copy.text).simhash, fingerprint(original.text).simhash);
  assert.ok(distance <= NEAR_DUPLICATE_BITS, `${distance} bits apart`);
});

test('a copy sent for analysis before its original is stored is linked to it', async () => {
  const repo = await store();
  const report = await ingest(items(original, copy), repo, { workers: 1 });
  assert.deepEqual(report, { added: 1, duplicates: 0, nearDuplicates: 1, failed: [] });
  assert.equal((await repo.getArticle('copy'))?.duplicateOf, 'original');
  assert.equal((await repo.getArticle('original'))?.duplicateOf, null);
});

test('a copy whose original in the same batch could not be saved is saved unlinked', async () => {
  const repo = await store();
  // A store that loses the original of every batch, as a save that fails would.
  const losing: Repository = {
    ...repo,
    saveArticles: async (inputs) => {
      const kept = inputs.filter((input) => input.doc.article.id !== 'original');
      const saved = await repo.saveArticles(kept);
      return inputs.map((input) =>
        input.doc.article.id === 'original' ? { ok: false, error: new Error('lost') } : saved.shift()!,
      );
    },
  };
  const report = await ingest(items(original, copy), losing, { workers: 1 });
  assert.equal(report.added, 1);
  assert.equal(report.nearDuplicates, 0);
  assert.deepEqual(
    report.failed.map((f) => f.item),
    ['item 0'],
  );
  assert.equal((await repo.getArticle('copy'))?.duplicateOf, null);
});
