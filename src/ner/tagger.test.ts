import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from '../pipeline/analyze.ts';

const analyze = createAnalyzer();

test('finds people and places in a news sentence, as spans of the text', () => {
  const text = 'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا تدعم الاتحاد الأوروبي.';
  const doc = analyze({ text });
  const found = doc.mentions.map((m) => `${m.text}:${m.type}`);
  assert.ok(found.includes('سيرغي لافروف:PER'), found.join(' | '));
  assert.ok(found.includes('موسكو:LOC'), found.join(' | '));
  for (const m of doc.mentions) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.entity, null);
  }
});

test('an article without names has no mentions, and an empty one has none either', () => {
  assert.deepEqual(analyze({ text: 'ارتفعت الأسعار في الأسواق هذا الأسبوع.' }).mentions, []);
  assert.deepEqual(analyze({ text: '' }).mentions, []);
});
