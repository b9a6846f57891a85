import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { trainWeakClassifier } from './weak-classifier.ts';

const analyze = createAnalyzer();

test('learns from the rules’ own events and adds the type where the rules found none, with a trigger in the sentence', () => {
  const training = [
    'وقع هجوم إرهابي في موسكو أسفر عن مقتل عشرة أشخاص.',
    'أدى الهجوم في بغداد إلى مقتل خمسة مدنيين.',
    'استهدف هجوم مسلح قافلة في كابول وأسفر عن مقتل جنديين.',
    'ارتفعت أسعار النفط في الأسواق اليوم.',
    'افتتح المعرض الدولي للكتاب أبوابه للزوار.',
  ].map((text) => analyze({ text, publishedAt: '2024-04-12' }));
  assert.ok(training.slice(0, 3).every((d) => d.events.some((e) => e.type === 'ASSAULT')));
  const classifier = trainWeakClassifier(Array.from({ length: 5 }, () => training).flat());
  const doc = analyze({ text: 'سقط عشرة قتلى بعد مقتل جنديين في كابول.', publishedAt: '2024-04-12' });
  const events = classifier.withLearned(doc);
  const learned = events.filter((e) => !doc.events.includes(e));
  for (const e of learned) {
    assert.ok(e.trigger.start >= e.evidence.start && e.trigger.end <= e.evidence.end);
    assert.equal(e.confidence, 0.3);
  }
  const quiet = analyze({ text: 'افتتح المعرض أبوابه.', publishedAt: '2024-04-12' });
  assert.deepEqual(classifier.withLearned(quiet), [...quiet.events]);
});
