// The shipped NER model (models/ner/), its text form, and tagging with it. The text form is one
// line per feature with its non-zero weights, scaled to integers: small, diffable and quick to load.

import { fileURLToPath } from 'node:url';
import { BoundedMap } from '../core/bounded-map.ts';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';
import {
  FEATURE_GROUPS,
  type FeatureGroup,
  featuresSeenFrom,
  type NerToken,
  OFFSETS,
  type Offset,
  pairFeatures,
} from './features.ts';
import { decode, type SequenceModel } from './perceptron.ts';

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
  return decode(model, featureIdsOf(model)(sentence)).map((y) => model.labels[y]!);
}

/** Above this many distinct tokens the id cache starts afresh. */
const CACHE_LIMIT = 200_000;
type Views = ReadonlyMap<Offset, readonly number[]>;
const idCaches = new WeakMap<NerModel, (sentence: readonly NerToken[]) => number[][]>();

/**
 * The feature ids of each token of a sentence, as `tokenFeatures` names them. What a token
 * contributes from each distance depends on that token alone, so it is looked up once per distinct
 * token and kept; only the few features that join neighbours are looked up every time.
 */
function featureIdsOf(model: NerModel): (sentence: readonly NerToken[]) => number[][] {
  let ids = idCaches.get(model);
  if (ids) return ids;
  const known = (names: readonly string[]) => {
    const out: number[] = [];
    for (const name of names) {
      const id = model.features.get(name);
      if (id !== undefined) out.push(id);
    }
    return out;
  };
  const slots: readonly Offset[] = [0, ...OFFSETS];
  const viewsOf = (t: NerToken | undefined): Views =>
    new Map(slots.map((o) => [o, known(featuresSeenFrom(t, o, model.groups))]));
  const boundary = viewsOf(undefined);
  // Keyed by the token object: the tagger hands out one object per distinct token (ner-tokens.ts).
  const byToken = new BoundedMap<NerToken, Views>(CACHE_LIMIT);
  const cached = (t: NerToken): Views => byToken.get(t) ?? byToken.set(t, viewsOf(t));
  ids = (sentence) => {
    const views = sentence.map(cached);
    return sentence.map((_, i) => {
      const out = [...views[i]!.get(0)!];
      for (const d of OFFSETS) out.push(...(views[i + d] ?? boundary).get(d)!);
      out.push(...known(pairFeatures(sentence, i, model.groups)));
      return out;
    });
  };
  idCaches.set(model, ids);
  return ids;
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
