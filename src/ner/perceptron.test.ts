import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, type SequenceModel, train } from './perceptron.ts';

const labels = ['O', 'B-PER', 'I-PER'];

// Feature 0: "a title word precedes"; 1: "a name word"; 2: "a follower of a name word".
const sentences = [
  { tokens: [[0], [1], [2], [0]], labels: [0, 1, 2, 0] },
  { tokens: [[0], [0], [1]], labels: [0, 0, 1] },
  { tokens: [[1], [2]], labels: [1, 2] },
  { tokens: [[0], [0], [0]], labels: [0, 0, 0] },
];

test('learns to separate what it was shown and decodes it back', () => {
  const model = train(sentences, 3, labels, { epochs: 10, seed: 1 });
  for (const s of sentences) assert.deepEqual(decode(model, s.tokens), s.labels);
});

test('trains reproducibly for a given seed', () => {
  const a = train(sentences, 3, labels, { epochs: 5, seed: 7 });
  const b = train(sentences, 3, labels, { epochs: 5, seed: 7 });
  assert.deepEqual(a.weights, b.weights);
  assert.deepEqual(a.transitions, b.transitions);
});

test('keeps the epoch that scores best and reports every epoch', () => {
  const seen: number[] = [];
  train(sentences, 3, labels, {
    epochs: 4,
    seed: 1,
    onEpoch: (epoch) => {
      seen.push(epoch);
      return epoch === 2 ? 1 : 0;
    },
  });
  assert.deepEqual(seen, [1, 2, 3, 4]);
});

test('Viterbi follows the transitions: I-PER never opens a sentence when the model forbids it', () => {
  const model: SequenceModel = {
    labels,
    weights: Float32Array.from([0, 0, 5]),
    transitions: Float32Array.from([0, 0, -100, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  };
  assert.deepEqual(decode(model, [[0]]), [0]);
});

test('an outside bias trades O for names', () => {
  const model: SequenceModel = {
    labels,
    weights: Float32Array.from([1, 0.5, 0]),
    transitions: new Float32Array(12),
  };
  assert.deepEqual(decode(model, [[0]]), [0]);
  assert.deepEqual(decode({ ...model, outsideBias: 1 }, [[0]]), [1]);
});

test('shufflings averaged: one is plain training, several average their weights epoch by epoch', () => {
  const one = train(sentences, 3, labels, { epochs: 3, seed: 5 });
  assert.deepEqual(train(sentences, 3, labels, { epochs: 3, seed: 5, shuffles: 1 }), one);
  const other = train(sentences, 3, labels, { epochs: 3, seed: 6 });
  assert.notDeepEqual(other.weights, one.weights, 'another shuffling, other weights');
  const both = train(sentences, 3, labels, { epochs: 3, seed: 5, shuffles: 2 });
  assert.deepEqual(
    both.weights,
    Float32Array.from(one.weights, (w, i) => Math.fround(Math.fround(w / 2) + other.weights[i]! / 2)),
  );
  const seen: number[] = [];
  const best = train(sentences, 3, labels, {
    epochs: 3,
    seed: 5,
    shuffles: 2,
    onEpoch: (epoch, m) => {
      seen.push(epoch);
      assert.equal(m.weights.length, one.weights.length);
      return epoch === 2 ? 1 : 0;
    },
  });
  assert.deepEqual(seen, [1, 2, 3], 'the caller sees the averaged models only');
  assert.notDeepEqual(best.weights, both.weights, 'the best epoch is kept');
});

test('an empty sentence decodes to nothing', () => {
  assert.deepEqual(decode(train(sentences, 3, labels, { epochs: 1, seed: 1 }), []), []);
});
