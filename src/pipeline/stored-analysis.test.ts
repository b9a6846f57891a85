import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from './analyze.ts';
import { toAnalysisJson } from './contract.ts';
import { docFromFacts, fromStoredAnalysis, toStoredAnalysis } from './stored-analysis.ts';

const doc = createAnalyzer()({
  text: 'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا تدعم الاتحاد الأوروبي والمشاركين 3 مرات.',
  title: 'لافروف في موسكو',
  publishedAt: '2024-04-12',
});
const wire = JSON.stringify(toAnalysisJson(doc));

test('a store keeps the facts and metadata of an analysis, not its text or text layers', () => {
  const stored = JSON.parse(toStoredAnalysis(doc));
  assert.deepEqual(Object.keys(stored), [
    'article',
    'mentions',
    'entities',
    'dates',
    'figures',
    'events',
    'quotes',
  ]);
  assert.deepEqual(stored.article, {
    id: doc.article.id,
    title: 'لافروف في موسكو',
    publishedAt: '2024-04-12',
  });
  assert.ok(doc.tokens.length > 10 && doc.numbers.length > 0 && doc.mentions.length > 0);
});

test('a stored analysis reads back as the analysis JSON, byte for byte, its text layers read again from the text', () => {
  assert.equal(JSON.stringify(fromStoredAnalysis(toStoredAnalysis(doc), doc.article.text)), wire);
});

test('a row that holds the whole analysis JSON (written before the layers were left out) is read as it is', () => {
  assert.equal(JSON.stringify(fromStoredAnalysis(wire, 'another text')), wire);
});

test('a Doc from its facts and its stored analysis is the Doc, its other layers read only when asked', () => {
  const { article, mentions, entities, events, quotes } = doc;
  const facts = structuredClone({ article, mentions, entities, events, quotes });
  const back = docFromFacts(facts, toStoredAnalysis(doc));
  assert.equal(back.entities, facts.entities, 'the facts are taken as they are');
  assert.equal(JSON.stringify(toAnalysisJson(back)), wire);
  assert.equal(back.tokens, back.tokens, 'the layers are read once');
  assert.throws(() => docFromFacts(facts, '{').tokens, SyntaxError, 'and only when one is read');
});
