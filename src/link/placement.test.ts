import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { placedCandidate, vowelAgreement } from './placement.ts';

const kb = loadCuratedKnowledgeBase();
const amman = kb.get('city:jo:amman')!;
const oman = kb.get('country:om')!;

test('vowel marks the writer added agree with one reading and rule out the other', () => {
  assert.equal(vowelAgreement('عمّان', amman), 1);
  assert.equal(vowelAgreement('عمّان', oman), -1);
  assert.equal(vowelAgreement('عُمان', oman), 1);
  assert.equal(vowelAgreement('عُمان', amman), -1);
  assert.equal(vowelAgreement('عمان', amman), 0, 'no marks written: nothing to compare');
  assert.equal(vowelAgreement('عمّـان', amman), 1, 'tatweel is not a letter');
});

test('marks or a demonym beside the name single out a candidate; otherwise no choice is made', () => {
  assert.equal(placedCandidate([oman, amman], 'عمّان', []), amman);
  assert.equal(placedCandidate([oman, amman], 'عمان', ['country:jo']), amman, 'العاصمة الأردنية عمان');
  assert.equal(
    placedCandidate([oman, amman], 'عمان', ['country:om']),
    null,
    'a state is not placed in itself',
  );
  assert.equal(placedCandidate([oman, amman], 'عمان', []), null);
  assert.equal(placedCandidate([oman, amman], 'عمان', ['country:fr']), null);
  assert.equal(placedCandidate([oman], 'عمّان', []), null, 'one candidate: nothing to choose');
});
