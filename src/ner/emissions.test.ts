import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScorer } from './emissions.ts';
import { FEATURE_GROUPS, type NerToken, tokenFeatures } from './features.ts';
import type { NerModel } from './model.ts';
import { testToken } from './test-tokens.ts';

const token = testToken;

const lavrov = token('لافروف', { gazetteer: 1, clusters: [3, 17, 250], nameScore: 3, nameType: 'PER' });
const sentences: NerToken[][] = [
  [token('قال'), token('وزير', { frequency: 4 }), lavrov, token('.', { kind: 'punct' })],
  // A token whose form is `|`, the character that joins the parts of a feature's name.
  [
    token('|', { kind: 'punct' }),
    lavrov,
    token('بال|هجوم', { proclitics: 'بال' }),
    token('|', { kind: 'punct' }),
  ],
  [token('موسكو', { gazetteer: 2, document: 'LOC' })],
  // Tokens of a whole listed name (phrases.ts).
  [token('الامم', { phrase: 'B6' }), token('المتحده', { phrase: 'L6' }), token('في'), lavrov],
];
const labels = ['O', 'B-PER', 'I-PER'];
const groups = new Set(FEATURE_GROUPS);

/**
 * A model that knows every other feature of the sentences, with weights in eighths: such sums are
 * exact in any order and precision, so the scorer must match a plain sum of the named features.
 */
function modelOf(sentences: readonly NerToken[][]): NerModel {
  const names = [...new Set(sentences.flatMap((s) => s.flatMap((_, i) => tokenFeatures(s, i, groups))))];
  const kept = names.filter((_, f) => f % 3 !== 1);
  const features = new Map(kept.map((name, f) => [name, f]));
  const weights = Float32Array.from(
    { length: kept.length * labels.length },
    (_, k) => ((k * 7) % 17) / 8 - 1,
  );
  return {
    labels,
    groups,
    features,
    weights,
    transitions: new Float32Array((labels.length + 1) * labels.length),
  };
}

function summed(model: NerModel, sentence: readonly NerToken[]): number[] {
  const L = model.labels.length;
  return sentence.flatMap((_, i) => {
    const row = new Array<number>(L).fill(0);
    for (const name of tokenFeatures(sentence, i, model.groups)) {
      const id = model.features.get(name);
      if (id !== undefined) for (let y = 0; y < L; y++) row[y]! += model.weights[id * L + y]!;
    }
    return row;
  });
}

test('scores every token as the weights of the features tokenFeatures names, summed', () => {
  const model = modelOf(sentences);
  const score = createScorer(model);
  for (const sentence of sentences) assert.deepEqual(Array.from(score(sentence)), summed(model, sentence));
});

test('joins a neighbour whose form is `|` to the right feature', () => {
  const model = modelOf(sentences);
  assert.ok(model.features.has('f-1f=||لافروف') || model.features.has('ff+1=بال|هجوم||'));
  const score = createScorer(model);
  assert.deepEqual(Array.from(score(sentences[1]!)), summed(model, sentences[1]!));
});

test('scores alike once its cache has turned over many times', () => {
  const model = modelOf(sentences);
  const small = createScorer(model, { generationSize: 2 });
  const large = createScorer(model);
  for (let round = 0; round < 5; round++)
    for (const sentence of sentences) assert.deepEqual(small(sentence), large(sentence));
});
