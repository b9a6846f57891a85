// Trains the NER models (models/ner/) on ANERcorp's train lines (1–125,277; the test tail is never
// read here). Two passes, as the tagger runs them (src/ner/tagger.ts):
//   1. the local model, on features of a token and its neighbours;
//   2. the document model, which also reads what the first pass said about the same word elsewhere in
//      the document. Its training data gets first-pass tags from models that never saw those
//      sentences (5-fold jackknife), so it learns how far to trust them.
// Epochs are chosen on dev (the last 10 % of the train sentences); the shipped models are then trained
// on train + dev with those epochs.
// Run: npm run train:ner [-- --without GROUP[,GROUP…] --with GROUP[,GROUP…] --epochs N --shuffles N --dry-run]
//   --without  leave feature groups out (ablation; see src/ner/features.ts); --with: add opt-in groups
//   (OPT_IN_GROUPS: phrases); --shuffles: perceptrons of different shufflings averaged, for every
//   model trained; --dry-run: dev figures only

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeModelFiles } from '../src/core/model-files.ts';
import { readAnercorpSplits } from '../src/corpus/anercorp.ts';
import { formatNerScores, scoreNer, toIob2 } from '../src/eval/conll.ts';
import { withDocumentMemory } from '../src/ner/document.ts';
import { FEATURE_GROUPS, type FeatureGroup, type NerToken, OPT_IN_GROUPS } from '../src/ner/features.ts';
import {
  NER_LOCAL_FILE,
  NER_MODEL_FILE,
  type NerModel,
  serializeModel,
  tagSentence,
} from '../src/ner/model.ts';
import { loadPhraseGazetteer } from '../src/ner/phrases.ts';
import {
  DOCUMENT_SENTENCES,
  defaultNerResources,
  nerTokensOfStrings,
  tagDocument,
} from '../src/ner/tagger.ts';
import { type FitOptions, type Fitted, fitTagger } from '../src/ner/training.ts';

const OUT_DIR = fileURLToPath(new URL('../models/ner/', import.meta.url));
const FOLDS = 5;
const OUTSIDE_BIASES = [0, 2, 5, 10, 20, 40];

const { values } = parseArgs({
  options: {
    without: { type: 'string', default: '' },
    with: { type: 'string', default: '' },
    epochs: { type: 'string', default: '15' },
    shuffles: { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const without = new Set(values.without.split(',').filter(Boolean));
const withOptIn = new Set(values.with.split(',').filter(Boolean));
for (const g of [...without, ...withOptIn])
  if (!(FEATURE_GROUPS as readonly string[]).includes(g)) throw new Error(`unknown feature group ${g}`);
const groups = new Set<FeatureGroup>(
  FEATURE_GROUPS.filter((g) => !without.has(g) && (!OPT_IN_GROUPS.includes(g) || withOptIn.has(g))),
);
const localGroups = new Set<FeatureGroup>([...groups].filter((g) => g !== 'document'));
const maxEpochs = Number(values.epochs);
const shuffles = Number(values.shuffles);
/** Fits with the shuffles asked for. */
const fit = (
  sentences: readonly (readonly NerToken[])[],
  tags: readonly (readonly string[])[],
  options: Omit<FitOptions, 'shuffles'>,
) => fitTagger(sentences, tags, { ...options, shuffles });
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const started = performance.now();
const splits = readAnercorpSplits();
const resources = {
  ...defaultNerResources(),
  ...(groups.has('phrases') && { phrases: loadPhraseGazetteer() }),
};
const toNer = nerTokensOfStrings(resources);
const trainNer = splits.train.map((s) => toNer(s.tokens));
const devNer = splits.dev.map((s) => toNer(s.tokens));
const trainTags = splits.train.map((s) => toIob2(s.tags));
const devTags = splits.dev.map((s) => toIob2(s.tags));
log(
  `train ${trainNer.length} sentences, dev ${devNer.length}; features: ${[...groups].join(', ')} (${seconds(started)})`,
);

function withBias(fitted: Fitted, bias: number): Fitted {
  return { ...fitted, model: { ...fitted.model, outsideBias: bias } };
}

/** First-pass tags for every sentence from models that did not train on it. */
function jackknife(
  sentences: readonly (readonly NerToken[])[],
  tags: readonly (readonly string[])[],
  epochs: number,
): string[][] {
  const out: string[][] = new Array(sentences.length);
  const size = Math.ceil(sentences.length / FOLDS);
  for (let k = 0; k < FOLDS; k++) {
    const from = k * size;
    const to = Math.min(sentences.length, from + size);
    const inFold = (i: number) => i >= from && i < to;
    const fold = fit(
      sentences.filter((_, i) => !inFold(i)),
      tags.filter((_, i) => !inFold(i)),
      { groups: localGroups, epochs },
    );
    for (let i = from; i < to; i++) out[i] = tagSentence(fold.model, sentences[i]!);
  }
  return out;
}

/** Sentences with the document memory of the blocks of DOCUMENT_SENTENCES they fall in. */
function remember(
  sentences: readonly (readonly NerToken[])[],
  firstPass: readonly (readonly string[])[],
): NerToken[][] {
  const out: NerToken[][] = [];
  for (let s = 0; s < sentences.length; s += DOCUMENT_SENTENCES)
    out.push(
      ...withDocumentMemory(
        sentences.slice(s, s + DOCUMENT_SENTENCES),
        firstPass.slice(s, s + DOCUMENT_SENTENCES),
      ),
    );
  return out;
}

// 1. The local model: epochs on dev.
const local = fit(trainNer, trainTags, {
  groups: localGroups,
  epochs: maxEpochs,
  dev: { sentences: devNer, tags: devTags, label: 'local' },
  log,
});
log(`local: best dev F1 ${(100 * local.devF1).toFixed(2)} at epoch ${local.epochs} (${seconds(started)})`);

// 2. The document model: first-pass tags by jackknife on train, by the local model on dev.
let global: Fitted = local;
let devForBias: readonly (readonly NerToken[])[] = devNer;
if (groups.has('document')) {
  const trainMemory = remember(trainNer, jackknife(trainNer, trainTags, local.epochs));
  const localOnTrain = fit(trainNer, trainTags, { groups: localGroups, epochs: local.epochs });
  const devMemory = remember(
    devNer,
    devNer.map((s) => tagSentence(localOnTrain.model, s)),
  );
  global = fit(trainMemory, trainTags, {
    groups,
    epochs: maxEpochs,
    dev: { sentences: devMemory, tags: devTags, label: 'document' },
    log,
  });
  log(
    `document: best dev F1 ${(100 * global.devF1).toFixed(2)} at epoch ${global.epochs} (${seconds(started)})`,
  );
  devForBias = devMemory;
}

// The O bias of the final pass, chosen on dev.
let outsideBias = 0;
let biasF1 = -1;
for (const bias of OUTSIDE_BIASES) {
  const model: NerModel = { ...global.model, outsideBias: bias };
  const { overall } = scoreNer(
    devTags,
    devForBias.map((s) => tagSentence(model, s)),
  );
  log(`  outside bias ${bias}: dev F1 ${(100 * overall.f1).toFixed(2)}`);
  if (overall.f1 > biasF1) {
    biasF1 = overall.f1;
    outsideBias = bias;
  }
}
log(`outside bias ${outsideBias}: dev F1 ${(100 * biasF1).toFixed(2)}`);
if (values['dry-run']) process.exit(0);

// 3. The shipped models, on train + dev.
const allNer = [...trainNer, ...devNer];
const allTags = [...trainTags, ...devTags];
const finalLocal = fit(allNer, allTags, { groups: localGroups, epochs: local.epochs });
const finalGlobal = withBias(
  groups.has('document')
    ? fit(remember(allNer, jackknife(allNer, allTags, local.epochs)), allTags, {
        groups,
        epochs: global.epochs,
      })
    : finalLocal,
  outsideBias,
);
const files = [
  { name: NER_LOCAL_FILE, fitted: finalLocal, epochs: local.epochs, devF1: local.devF1 },
  { name: NER_MODEL_FILE, fitted: finalGlobal, epochs: global.epochs, devF1: global.devF1 },
].map(({ name, fitted, epochs, devF1 }) => {
  const { text, features } = serializeModel(fitted.model, fitted.names, fitted.model.groups);
  return {
    name,
    text,
    entries: features,
    about: {
      format: 'lines: labels, feature groups, transitions, then `feature<TAB>label:weight…` (weights × 1000)',
      method: `averaged structured perceptron, first-order Viterbi${shuffles > 1 ? `, the weights of ${shuffles} shufflings averaged` : ''}; ${epochs} epochs chosen on dev (F1 ${(100 * devF1).toFixed(2)}), then trained on train + dev; outside bias ${fitted.model.outsideBias ?? 0}`,
      data: 'ANERcorp lines 1–125,277 (CAMeL Lab train split); the test tail is never read',
      groups: [...fitted.model.groups],
    },
  };
});
const manifest = writeModelFiles(OUT_DIR, 'npm run train:ner', files);
for (const [name, file] of Object.entries(manifest.files))
  log(`${name}: ${file.entries} features, ${file.bytes} bytes`);
const tagger = { local: finalLocal.model, global: finalGlobal.model };
const devAgain = remember(
  devNer,
  devNer.map((s) => tagSentence(tagger.local, s)),
).map((s) => tagSentence(tagger.global, s));
log(
  `dev, now seen in training (a sanity check, not a score):\n${formatNerScores(scoreNer(devTags, devAgain))}`,
);
log(
  `document tagging agrees with the training path: ${JSON.stringify(tagDocument(tagger, devNer.slice(0, 25))) === JSON.stringify(devAgain.slice(0, 25))}`,
);
log(`done in ${seconds(started)}`);
