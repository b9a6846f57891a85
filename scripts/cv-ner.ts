// Cross-validation of the first-pass NER model over ANERcorp's train lines (train + dev; the test
// tail is never read): 5 contiguous folds, each trained on the other four, every epoch's tags of the
// held-out fold pooled over the folds, and the epoch with the best pooled F1 reported. This is how
// the README's table of tried changes was measured: a change is taken only when it moves this (and
// dev, for both passes) by more than noise.
// Run: npx tsx scripts/cv-ner.ts [--without GROUP[,GROUP…]] [--with phrases] [--epochs 12] [--phrases SOURCE,…]
//   --phrases  the phrase gazetteer's sources (scripts/phrase-list.ts), default the shipped ones; `none`
//   --seed     the shuffling seed (training's by default): run two to see the noise
//   --seeds    perceptrons of that many shufflings (seed, seed + 1, …), their weights averaged
//   --share    train on that percentage of each training fold's sentences (a learning curve); the
//              held-out folds stay whole

import { parseArgs } from 'node:util';
import { readAnercorpSplits } from '../src/corpus/anercorp.ts';
import { scoreNer, toIob2 } from '../src/eval/conll.ts';
import { FEATURE_GROUPS, type FeatureGroup, OPT_IN_GROUPS, tokenFeatures } from '../src/ner/features.ts';
import { NER_LABELS, type NerModel, tagSentence } from '../src/ner/model.ts';
import { train } from '../src/ner/perceptron.ts';
import { phraseGazetteerFrom } from '../src/ner/phrases.ts';
import { defaultNerResources, nerTokensOfStrings } from '../src/ner/tagger.ts';
import { TRAINING_SEED } from '../src/ner/training.ts';
import { listedPhrases, type PhraseSource, SHIPPED_PHRASE_SOURCES } from './phrase-list.ts';

const { values } = parseArgs({
  options: {
    without: { type: 'string', default: '' },
    with: { type: 'string', default: '' },
    epochs: { type: 'string', default: '12' },
    folds: { type: 'string', default: '5' },
    phrases: { type: 'string', default: SHIPPED_PHRASE_SOURCES.join(',') },
    seed: { type: 'string', default: String(TRAINING_SEED) },
    seeds: { type: 'string', default: '1' },
    share: { type: 'string', default: '100' },
  },
});
const without = new Set(values.without.split(',').filter(Boolean));
const withOptIn = new Set(values.with.split(',').filter(Boolean));
const groups = new Set<FeatureGroup>(
  FEATURE_GROUPS.filter(
    (g) => g !== 'document' && !without.has(g) && (!OPT_IN_GROUPS.includes(g) || withOptIn.has(g)),
  ),
);
const epochs = Number(values.epochs);
const FOLDS = Number(values.folds);
const share = Number(values.share);
if (!(share > 0 && share <= 100)) throw new Error(`--share is a percentage in (0, 100], not ${values.share}`);
/** Whether sentence `i` is among the `share` per cent kept: spread evenly, the same ones every run. */
const kept = (i: number) => (i * 7919) % 100 < share;
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

const splits = readAnercorpSplits();
const all = [...splits.train, ...splits.dev];
const resources = defaultNerResources();
const sources = values.phrases === 'none' ? [] : values.phrases.split(',');
const phrases = phraseGazetteerFrom(listedPhrases(new Set(sources as PhraseSource[])));
const toNer = nerTokensOfStrings(groups.has('phrases') ? { ...resources, phrases } : resources);
const sentences = all.map((s) => toNer(s.tokens));
const tags = all.map((s) => toIob2(s.tags));
const labelIndex = new Map<string, number>(NER_LABELS.map((l, i) => [l, i]));
const features = sentences.map((s) => s.map((_, i) => tokenFeatures(s, i, groups)));

// predicted[epoch - 1][sentence]
const predicted: string[][][] = Array.from({ length: epochs }, () => new Array(sentences.length));
const size = Math.ceil(sentences.length / FOLDS);
for (let k = 0; k < FOLDS; k++) {
  const from = k * size;
  const to = Math.min(sentences.length, from + size);
  const inTrain = (i: number) => (i < from || i >= to) && kept(i);
  const counts = new Map<string, number>();
  features.forEach((sentence, s) => {
    if (inTrain(s))
      for (const token of sentence) for (const f of token) counts.set(f, (counts.get(f) ?? 0) + 1);
  });
  const names = [...counts].filter(([, n]) => n >= 2).map(([f]) => f);
  const ids = new Map(names.map((f, i) => [f, i]));
  const data = features.flatMap((sentence, s) =>
    inTrain(s)
      ? [
          {
            tokens: sentence.map((token) => token.flatMap((f) => (ids.has(f) ? [ids.get(f)!] : []))),
            labels: tags[s]!.map((tag) => labelIndex.get(tag) ?? 0),
          },
        ]
      : [],
  );
  train(data, names.length, NER_LABELS, {
    epochs,
    seed: Number(values.seed),
    shuffles: Number(values.seeds),
    onEpoch: (epoch, m) => {
      const model: NerModel = { ...m, features: ids, groups };
      for (let s = from; s < to; s++) predicted[epoch - 1]![s] = tagSentence(model, sentences[s]!);
      return epoch;
    },
  });
  log(`fold ${k + 1}/${FOLDS} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
let best = { epoch: 0, f1: -1 };
const pct = (x: number) => (100 * x).toFixed(2);
for (let e = 1; e <= epochs; e++) {
  const { overall } = scoreNer(tags, predicted[e - 1]!);
  if (overall.f1 > best.f1) best = { epoch: e, f1: overall.f1 };
}
const scores = scoreNer(tags, predicted[best.epoch - 1]!);
const byType = Object.entries(scores.byType)
  .map(([type, s]) => `${type} ${pct(s.f1)} (R ${pct(s.recall)})`)
  .join(' · ');
const perEpoch = Array.from({ length: epochs }, (_, e) => pct(scoreNer(tags, predicted[e]!).overall.f1)).join(
  ' ',
);
console.log(
  `CV ${FOLDS}-fold, ${values.seeds} seed(s),${share < 100 ? ` ${share} % of each training fold,` : ''} groups ${[...groups].join(',')}${groups.has('phrases') ? ` (phrases from ${sources.join(',')})` : ''}: F1 ${pct(best.f1)} at epoch ${best.epoch} · P ${pct(scores.overall.precision)} R ${pct(scores.overall.recall)} · ${byType}\n  per epoch: ${perEpoch}`,
);
if (process.env.CV_DUMP) {
  const { writeFileSync } = await import('node:fs');
  const best_ = predicted[best.epoch - 1]!;
  writeFileSync(
    process.env.CV_DUMP,
    all
      .map((s, i) => s.tokens.map((t, j) => `${t}\t${tags[i]![j]}\t${best_[i]![j]}`).join('\n'))
      .join('\n\n'),
  );
}
