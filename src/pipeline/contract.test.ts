import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from './analyze.ts';
import { fromAnalysisJson, toAnalysisJson } from './contract.ts';

const doc = createAnalyzer()({
  text: 'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا تدعم الاتحاد الأوروبي والمشاركين.',
  publishedAt: '2024-04-12',
});

test('the analysis JSON gives back the Doc it was made from, as plain data', () => {
  const json = toAnalysisJson(doc);
  const back = fromAnalysisJson(structuredClone(json));
  assert.deepEqual(toAnalysisJson(back), json);
  for (const [i, shape] of back.words.entries()) assert.equal(shape?.stem, doc.words[i]?.stem);
});
