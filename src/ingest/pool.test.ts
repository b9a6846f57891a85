import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { toStoredAnalysis } from '../pipeline/stored-analysis.ts';
import { buildSearchDocument } from '../search/index-document.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { analyzeInPool } from './pool.ts';

async function* articles(texts: readonly string[]) {
  for (const [i, text] of texts.entries()) yield { tag: i, article: { text, publishedAt: '2024-04-12' } };
}

test('every article comes back analysed, tagged, from two workers', async () => {
  const texts = Array.from(
    { length: 12 },
    (_, i) => `قال سيرغي لافروف في موسكو إن الاجتماع رقم ${i} كان مفيدا.`,
  );
  const seen = new Map<number, string[]>();
  for await (const result of analyzeInPool(articles(texts), { workers: 2, queuePerWorker: 1 })) {
    assert.ok(result.ok);
    if (result.ok)
      seen.set(
        result.tag,
        result.doc.entities.map((e) => e.id),
      );
  }
  assert.equal(seen.size, texts.length);
  for (const ids of seen.values())
    assert.ok(ids.includes('per:sergey-lavrov') && ids.includes('city:ru:moscow'));
});

test('an article that cannot be analysed comes back as an error, and the rest go on', async () => {
  const bad = { tag: 'bad', article: { text: 'نص', publishedAt: '2024-02-30' } };
  async function* items() {
    yield { tag: 'good', article: { text: 'انعقد الاجتماع في مينسك.' } };
    yield bad;
  }
  const results = [];
  for await (const r of analyzeInPool(items(), { workers: 1 })) results.push(r);
  assert.deepEqual(results.map((r) => [r.tag, r.ok]).sort(), [
    ['bad', false],
    ['good', true],
  ]);
  const failed = results.find((r) => !r.ok);
  assert.ok(failed && !failed.ok && failed.error.code === 'BAD_DATE');
});

test('a worker sends what the store would build from the Doc: its stored analysis and search document', async () => {
  const text = 'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا تدعم الاتحاد الأوروبي.';
  const article = { text, title: 'لافروف في موسكو', publishedAt: '2024-04-12' };
  async function* one() {
    yield { tag: 'one', article };
  }
  const results = [];
  for await (const r of analyzeInPool(one(), { workers: 1 })) results.push(r);
  const [result] = results;
  assert.ok(result?.ok && result.prepared);
  const doc = createAnalyzer()(article);
  assert.equal(result.prepared.analysis, toStoredAnalysis(doc));
  assert.deepEqual(result.prepared.search, buildSearchDocument(doc, createTextAnalyzer(loadLexicon())));
  assert.deepEqual(result.doc.entities, doc.entities);
});
