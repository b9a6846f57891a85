import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURE_GROUPS } from './features.ts';
import { parseModel, serializeModel } from './model.ts';

test('a model reads back from its text form with weights to a thousandth, zeros left out', () => {
  const labels = ['O', 'B-PER', 'I-PER'];
  const model = {
    labels,
    weights: Float32Array.from([0.5, -1.25, 0, 0, 0, 0, 2, 0, 0.001]),
    transitions: Float32Array.from([0, 1, -3, 0.5, 0, 0, 0, 0, 0, 0, 0, 0.25]),
    outsideBias: 2,
  };
  const groups = new Set(FEATURE_GROUPS);
  const { text, features } = serializeModel(model, ['w=قال', 'w=صفر', 'f=لافروف'], groups);
  assert.equal(features, 2, 'a feature with no weight is not written');
  const back = parseModel(text);
  assert.deepEqual(back.labels, labels);
  assert.deepEqual([...back.groups], [...groups]);
  assert.equal(back.outsideBias, 2);
  assert.deepEqual([...back.features.keys()], ['w=قال', 'f=لافروف']);
  assert.deepEqual(
    Array.from(back.weights),
    [0.5, -1.25, 0, 2, 0, 0.001].map((w) => Math.fround(w)),
  );
  assert.deepEqual(Array.from(back.transitions), Array.from(model.transitions));
});

test('refuses a file that is not a model, saying which line is wrong', () => {
  assert.throws(() => parseModel('hello\n'), /line 1 should start with labels/);
});
