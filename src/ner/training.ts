// Fitting a tagger model: feature strings to dense ids (features seen too rarely get none), the
// averaged perceptron, and, with a dev set, the epoch that scores best there. The training script
// and the silver-name build both fit with this.

import { scoreNer } from '../eval/conll.ts';
import type { FeatureGroup, NerToken } from './features.ts';
import { tokenFeatures } from './features.ts';
import { NER_LABELS, type NerModel, tagSentence } from './model.ts';
import { train } from './perceptron.ts';

/** A feature seen fewer times than this in training gets no weight: it would only memorise. */
const MIN_FEATURE_COUNT = 2;
export const TRAINING_SEED = 20240412;

export interface Fitted {
  readonly model: NerModel;
  /** Feature names by id, for the model file. */
  readonly names: readonly string[];
  /** The best epoch on dev, or the epochs asked for without dev. */
  readonly epochs: number;
  readonly devF1: number;
}

export interface DevSet {
  readonly sentences: readonly (readonly NerToken[])[];
  readonly tags: readonly (readonly string[])[];
  readonly label: string;
}

const labelIndex = new Map<string, number>(NER_LABELS.map((l, i) => [l, i]));

export interface FitOptions {
  readonly groups: ReadonlySet<FeatureGroup>;
  /** The epochs trained; with `dev`, the most tried. */
  readonly epochs: number;
  /** Perceptrons of different shufflings averaged (perceptron.ts, TrainOptions); default 1. */
  readonly shuffles?: number;
  readonly dev?: DevSet;
  readonly log?: (line: string) => void;
}

/** Trains on `sentences` (IOB2 `tags`); with `dev`, scores each epoch there and keeps the best. */
export function fitTagger(
  sentences: readonly (readonly NerToken[])[],
  tags: readonly (readonly string[])[],
  { groups, epochs, shuffles = 1, dev, log = () => {} }: FitOptions,
): Fitted {
  const lists = sentences.map((s) => s.map((_, i) => tokenFeatures(s, i, groups)));
  const counts = new Map<string, number>();
  for (const sentence of lists)
    for (const token of sentence) for (const f of token) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= MIN_FEATURE_COUNT).map(([f]) => f);
  const ids = new Map(names.map((f, i) => [f, i]));
  const data = lists.map((sentence, s) => ({
    tokens: sentence.map((token) => token.flatMap((f) => (ids.has(f) ? [ids.get(f)!] : []))),
    labels: tags[s]!.map((tag) => labelIndex.get(tag) ?? 0),
  }));
  let best = { epoch: epochs, f1: -1 };
  const model = train(data, names.length, NER_LABELS, {
    epochs,
    seed: TRAINING_SEED,
    shuffles,
    ...(dev && {
      onEpoch: (epoch, m) => {
        const named: NerModel = { ...m, features: ids, groups };
        const { overall } = scoreNer(
          dev.tags,
          dev.sentences.map((s) => tagSentence(named, s)),
        );
        log(`  ${dev.label} epoch ${epoch}: dev F1 ${(100 * overall.f1).toFixed(2)}`);
        if (overall.f1 > best.f1) best = { epoch, f1: overall.f1 };
        return overall.f1;
      },
    }),
  });
  return { model: { ...model, features: ids, groups }, names, epochs: best.epoch, devF1: best.f1 };
}
