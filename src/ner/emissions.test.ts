import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocumentScorer, createScorer } from './emissions.ts';
import { FEATURE_GROUPS, type FeatureGroup, type NerToken, tokenFeatures } from './features.ts';
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
const allGroups: ReadonlySet<FeatureGroup> = new Set(FEATURE_GROUPS);

/**
 * A model that knows every other feature of the sentences, with weights in eighths: such sums are
 * exact in any order and precision, so the scorer must match a plain sum of the named features.
 */
function modelOf(
  sentences: readonly NerToken[][],
  groups: ReadonlySet<FeatureGroup> = allGroups,
  skip = 1,
): NerModel {
  const names = [...new Set(sentences.flatMap((s) => s.flatMap((_, i) => tokenFeatures(s, i, groups))))];
  const kept = names.filter((_, f) => f % 3 !== skip);
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

test('scores both passes of a document as each model scores its tokens with their memory', () => {
  const local = new Set(FEATURE_GROUPS.filter((g) => g !== 'document'));
  const memory = sentences.map((s) => s.map((_, i) => (['PER', undefined, 'O', 'LOC'] as const)[i % 4]));
  const remembered = sentences.map((s, k) =>
    s.map((t, i) => {
      const document = memory[k]![i] ?? t.document;
      return document === undefined ? t : { ...t, document };
    }),
  );
  const first = modelOf(sentences, local, 2);
  const second = modelOf([...sentences, ...remembered]);
  for (const generationSize of [2, 1000]) {
    const scorer = createDocumentScorer(first, second, { generationSize });
    assert.ok(scorer);
    scorer.load(sentences);
    sentences.forEach((sentence, k) => {
      assert.deepEqual(Array.from(scorer.first(k)), summed(first, sentence));
      assert.deepEqual(Array.from(scorer.second(k, memory[k]!)), summed(second, remembered[k]!));
    });
  }
});

test('leaves models that are not a first pass and its second to be scored one by one', () => {
  const model = modelOf(sentences);
  assert.equal(createDocumentScorer(model, model), undefined);
});
