// The shipped NER model (models/ner/), its text form, and tagging with it. The text form is one
// line per feature with its non-zero weights, scaled to integers: small, diffable and quick to load.

import { fileURLToPath } from 'node:url';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';
import { createScorer, type Scorer } from './emissions.ts';
import { FEATURE_GROUPS, type FeatureGroup, type NerToken } from './features.ts';
import { type SequenceModel, viterbi } from './perceptron.ts';

export const NER_LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-LOC',
  'I-LOC',
  'B-ORG',
  'I-ORG',
  'B-MISC',
  'I-MISC',
] as const;
/** The first pass, on local features only, and the second, which also reads the document memory. */
export const NER_LOCAL_FILE = 'local.tsv.gz';
export const NER_MODEL_FILE = 'model.tsv.gz';

export interface NerModel extends SequenceModel {
  readonly features: ReadonlyMap<string, number>;
  readonly groups: ReadonlySet<FeatureGroup>;
}

const SCALE = 1000;
const DEFAULT_DIR = fileURLToPath(new URL('../../models/ner/', import.meta.url));
const REBUILD = 'rebuild it with `npm run train:ner`';

/** Label of each token of a sentence. */
export function tagSentence(model: NerModel, sentence: readonly NerToken[]): string[] {
  return viterbi(model, scorerOf(model)(sentence), sentence.length).map((y) => model.labels[y]!);
}

const scorers = new WeakMap<NerModel, Scorer>();
function scorerOf(model: NerModel): Scorer {
  let scorer = scorers.get(model);
  if (!scorer) {
    scorer = createScorer(model);
    scorers.set(model, scorer);
  }
  return scorer;
}

export function serializeModel(
  model: SequenceModel,
  featureNames: readonly string[],
  groups: ReadonlySet<FeatureGroup>,
) {
  const L = model.labels.length;
  const scaled = (w: number) => Math.round(w * SCALE);
  const lines = [
    `labels\t${model.labels.join('\t')}`,
    `groups\t${[...groups].join('\t')}`,
    `transitions\t${Array.from(model.transitions, scaled).join(' ')}`,
    `outside-bias\t${scaled(model.outsideBias ?? 0)}`,
  ];
  let kept = 0;
  featureNames.forEach((name, f) => {
    const parts: string[] = [];
    for (let y = 0; y < L; y++) {
      const w = scaled(model.weights[f * L + y]!);
      if (w !== 0) parts.push(`${y}:${w}`);
    }
    if (parts.length > 0) {
      lines.push(`${name}\t${parts.join(' ')}`);
      kept++;
    }
  });
  return { text: `${lines.join('\n')}\n`, features: kept };
}

export function parseModel(text: string): NerModel {
  const lines = text.split('\n');
  const field = (i: number, name: string) => {
    const line = lines[i] ?? '';
    if (!line.startsWith(`${name}\t`)) throw new Error(`NER model: line ${i + 1} should start with ${name}`);
    return line.slice(name.length + 1);
  };
  const labels = field(0, 'labels').split('\t');
  const groups = new Set(
    field(1, 'groups')
      .split('\t')
      .filter((g): g is FeatureGroup => (FEATURE_GROUPS as readonly string[]).includes(g)),
  );
  const transitions = Float32Array.from(field(2, 'transitions').split(' '), (w) => Number(w) / SCALE);
  const outsideBias = Number(field(3, 'outside-bias')) / SCALE;
  const L = labels.length;
  const features = new Map<string, number>();
  const rows = lines.slice(4).filter((line) => line.length > 0);
  const weights = new Float32Array(rows.length * L);
  rows.forEach((line, f) => {
    const tab = line.lastIndexOf('\t');
    features.set(line.slice(0, tab), f);
    for (const part of line.slice(tab + 1).split(' ')) {
      const colon = part.indexOf(':');
      weights[f * L + Number(part.slice(0, colon))] = Number(part.slice(colon + 1)) / SCALE;
    }
  });
  return { labels, groups, transitions, outsideBias, features, weights };
}

export interface NerTagger {
  readonly local: NerModel;
  readonly global: NerModel;
}

export const loadNerTagger = loadOncePerFolder(
  DEFAULT_DIR,
  (dir): NerTagger => ({
    local: parseModel(readModelFile(dir, NER_LOCAL_FILE, REBUILD)),
    global: parseModel(readModelFile(dir, NER_MODEL_FILE, REBUILD)),
  }),
);
