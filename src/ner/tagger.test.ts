import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeArticle } from '../ingest/article.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { withDocumentMemory } from './document.ts';
import { loadNerTagger, tagSentence } from './model.ts';
import { defaultNerResources, findMentions, nerTokensOfStrings, tagDocument } from './tagger.ts';

const layer = createTextAnalyzer(loadLexicon());
const mentionsOf = (text: string) => findMentions({ article: makeArticle({ text }), ...layer(text) });

test('finds people and places in a news sentence, as spans of the text, not yet linked', () => {
  const text = 'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا تدعم الاتحاد الأوروبي.';
  const mentions = mentionsOf(text);
  const found = mentions.map((m) => `${m.text}:${m.type}`);
  assert.ok(found.includes('سيرغي لافروف:PER'), found.join(' | '));
  assert.ok(found.includes('موسكو:LOC'), found.join(' | '));
  for (const m of mentions) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.entity, null);
  }
});

test('an article without names has no mentions, and an empty one has none either', () => {
  assert.deepEqual(mentionsOf('ارتفعت الأسعار في الأسواق هذا الأسبوع.'), []);
  assert.deepEqual(mentionsOf(''), []);
});

test('tags a document as the two passes do when each model scores its tokens alone', () => {
  const tagger = loadNerTagger();
  const toNer = nerTokensOfStrings(defaultNerResources());
  const sentences = [
    'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو',
    'وأكد لافروف أن روسيا تدعم الاتحاد الأوروبي',
    'لافروف',
    'التقى لافروف نظيره في جنيف و موسكو',
  ].map((s) => toNer(s.split(' ')));
  const first = sentences.map((s) => tagSentence(tagger.local, s));
  const second = withDocumentMemory(sentences, first).map((s) => tagSentence(tagger.global, s));
  assert.deepEqual(tagDocument(tagger, sentences), second);
});
