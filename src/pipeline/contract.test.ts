import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from './analyze.ts';
import { docFromFacts, fromAnalysisJson, toAnalysisJson } from './contract.ts';

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

test('a Doc from its facts and its analysis JSON string is the Doc, its text layers read from the string when asked', () => {
  const { article, mentions, entities, events, quotes } = doc;
  const wire = JSON.stringify(toAnalysisJson(doc));
  const facts = structuredClone({ article, mentions, entities, events, quotes });
  const back = docFromFacts(facts, wire);
  assert.equal(back.entities, facts.entities, 'the facts are taken as they are');
  assert.equal(JSON.stringify(toAnalysisJson(back)), wire);
  assert.equal(back.tokens, back.tokens, 'the string is read once');
  assert.throws(() => docFromFacts(facts, '{').tokens, SyntaxError, 'and only when a text layer is read');
});
