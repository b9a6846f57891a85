import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { toFts5Match } from './fts5.ts';
import { parseQuery } from './query.ts';
import type { ParsedQuery } from './types.ts';

const kb = loadCuratedKnowledgeBase();
const textLayer = createTextAnalyzer(loadLexicon());
const parse = (text: string) => parseQuery(text, kb, textLayer);

/** Each clause as its stems and entity ids, for short assertions. */
function shape(q: ParsedQuery): string[][] {
  return q.clauses.map((c) => c.alternatives.map((a) => (a.kind === 'stems' ? a.stems.join(' ') : a.id)));
}

test('a word is its light stem, so every clitic form of it asks for one stem', () => {
  assert.deepEqual(shape(parse('هجوم')), [['هجوم']]);
  assert.deepEqual(shape(parse('بالهجوم')), [['هجوم']]);
  assert.deepEqual(shape(parse('والهجوم')), [['هجوم']]);
});

test('a name of a knowledge-base entity also asks for the entity, in Arabic, in English, in any spelling', () => {
  assert.deepEqual(shape(parse('لافروف')), [['لافروف', 'per:sergey-lavrov']]);
  assert.deepEqual(shape(parse('Lavrov')), [['lavrov', 'per:sergey-lavrov']]);
  assert.deepEqual(shape(parse('Sergey Lavrov')), [['sergey lavrov', 'per:sergey-lavrov']]);
  // Two words naming one entity are one clause: the phrase of their stems, or the entity.
  assert.deepEqual(shape(parse('سيرغي لافروف')), [['سيرغي لافروف', 'per:sergey-lavrov']]);
  // A Persian گ for غ: no alias has it, the variant key does.
  assert.ok(shape(parse('سيرگي لافروف'))[0]!.includes('per:sergey-lavrov'));
});

test('a word that is a name only without its ال stays a word (خبر is news, الخبر is Khobar)', () => {
  assert.deepEqual(shape(parse('خبر')), [['خبر']]);
  assert.ok(shape(parse('الخبر'))[0]!.includes('city:sa:khobar'));
});

test('quoted text is one phrase clause; the rest word by word', () => {
  assert.deepEqual(shape(parse('"وزير الخارجية" موسكو')), [['وزير خارجي'], ['موسكو', 'city:ru:moscow']]);
  assert.deepEqual(shape(parse('«وزير الخارجية»')), [['وزير خارجي']]);
  assert.deepEqual(shape(parse('"وزير')), [['وزير']], 'an unclosed quote is punctuation');
  assert.deepEqual(shape(parse('"" ...')), []);
});

test('the FTS5 expression: stems in title and body, entity tokens in their own column', () => {
  assert.equal(toFts5Match(parse('')), null);
  assert.equal(
    toFts5Match(parse('لافروف هجوم')),
    '({title body} : "لافروف" OR entities : "e_per_sergey_lavrov") AND ({title body} : "هجوم")',
  );
});
