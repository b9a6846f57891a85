import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from './analyze.ts';
import { type AnalysisJson, toAnalysisJson } from './contract.ts';
import { contractViolations } from './contract-check.ts';

const json = toAnalysisJson(
  createAnalyzer()({
    text: 'قال وزير الخارجية الروسي سيرغي لافروف أمس إن ١٤٤ شخصاً قتلوا في موسكو.',
    publishedAt: '2024-04-12',
  }),
);

test('a real analysis keeps every invariant', () => {
  assert.deepEqual(contractViolations(json), []);
  assert.ok(json.mentions.length > 0 && json.dates.length > 0);
});

test('names each broken invariant: a span past the end, a mention that misquotes, a pair cut in two', () => {
  const text = 'لافروف 😀';
  const broken = {
    ...json,
    article: { ...json.article, text },
    sentences: [{ start: 0, end: text.length + 1 }],
    tokens: [
      { start: 0, end: 6, norm: 'لافروف', kind: 'word' as const },
      { start: 7, end: 8, norm: '?', kind: 'symbol' as const },
    ],
    words: [],
    numbers: [],
    mentions: [{ start: 0, end: 6, text: 'لافروڤ', type: 'PER' as const, entity: null }],
    entities: [],
    dates: [],
    figures: [],
    events: [],
    quotes: [],
  } satisfies AnalysisJson;
  assert.deepEqual(contractViolations(broken), [
    'sentence 0 [0, 10) lies outside the text (length 9)',
    'token 1 [7, 8) cuts a surrogate pair in two',
    'mention 0 reads "لافروڤ", the text there "لافروف"',
  ]);
});
