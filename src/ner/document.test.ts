import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDocumentMemory } from './document.ts';
import type { NerToken } from './features.ts';
import { testToken } from './test-tokens.ts';

const token = (form: string, kind: NerToken['kind'] = 'word'): NerToken => testToken(form, { kind });

test('tells each occurrence what the first pass said about the others', () => {
  const sentences = [[token('قال'), token('لافروف')], [token('وأكد'), token('لافروف')], [token('لافروف')]];
  const tags = [['O', 'B-PER'], ['O', 'B-PER'], ['O']];
  const out = withDocumentMemory(sentences, tags);
  assert.equal(out[2]![0]!.document, 'PER', 'the untagged third occurrence hears of the two others');
  assert.equal(out[0]![1]!.document, 'PER');
  assert.equal(out[0]![0]!.document, undefined, 'a word that occurs once has no memory');
});

test('an occurrence is not its own evidence', () => {
  const out = withDocumentMemory([[token('مينسك')], [token('مينسك')]], [['B-LOC'], ['O']]);
  assert.equal(out[0]![0]!.document, 'O');
  assert.equal(out[1]![0]!.document, 'LOC');
});

test('numbers and punctuation carry no memory', () => {
  const out = withDocumentMemory([[token('2024', 'number'), token('2024', 'number')]], [['O', 'O']]);
  assert.equal(out[0]![0]!.document, undefined);
});
