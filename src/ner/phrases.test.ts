import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURE_GROUPS, tokenFeatures } from './features.ts';
import { PHRASE_TYPES, phraseGazetteerFrom } from './phrases.ts';
import { testToken } from './test-tokens.ts';

const token = testToken;

const { ORG, LOC } = PHRASE_TYPES;
const phrases = phraseGazetteerFrom([
  ['الامم المتحده', ORG],
  ['الامم', LOC],
  ['مجلس الامن', ORG],
  ['مجلس الامن الدولي', ORG],
  ['روسيا', LOC],
]);

test('marks the longest whole name, its first word with its proclitics', () => {
  const sentence = [
    token('قال'),
    token('وبالامم', { form: 'امم', proclitics: 'وبال' }),
    token('المتحده'),
    token('مجلس'),
    token('الامن'),
    token('الدولي'),
    token('روسيا'),
    token('الامم'),
  ];
  const marked = phrases.mark(sentence);
  assert.deepEqual(
    marked.map((t) => t.phrase),
    [undefined, `B${ORG}`, `L${ORG}`, `B${ORG}`, `I${ORG}`, `L${ORG}`, `U${LOC}`, `U${LOC}`],
  );
  // Everything else about the token is kept, and a token outside names is the same object.
  assert.equal(marked[1]!.form, 'امم');
  assert.equal(marked[0], sentence[0]);
  // One object per token and place, so that the tagger's per-token caches hit.
  assert.equal(phrases.mark(sentence)[1], marked[1]);
});

test('leaves a sentence without names as it is', () => {
  const sentence = [token('قال'), token('مجلس'), token('.', { kind: 'punct' })];
  assert.equal(phrases.mark(sentence), sentence);
  assert.equal(phrases.flags(['مجلس', 'الامن']), ORG);
  assert.equal(phrases.flags(['مجلس']), 0);
});

test('the phrase features are read from the token and its neighbours', () => {
  const sentence = phrases.mark([token('في'), token('روسيا'), token('.', { kind: 'punct' })]);
  const groups = new Set(FEATURE_GROUPS);
  assert.ok(tokenFeatures(sentence, 1, groups).includes(`ph=U${LOC}`));
  assert.ok(tokenFeatures(sentence, 0, groups).includes(`ph+1=U${LOC}`));
  assert.ok(tokenFeatures(sentence, 2, groups).includes(`ph-1=U${LOC}`));
  assert.ok(tokenFeatures(sentence, 0, groups).includes('ph-1=<s>'));
  const without = new Set(FEATURE_GROUPS.filter((g) => g !== 'phrases'));
  assert.ok(!tokenFeatures(sentence, 1, without).some((f) => f.startsWith('ph')));
});
