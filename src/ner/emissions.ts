// Each token's label scores for one model: the weights of the features `tokenFeatures` names, summed.
//
// What a token contributes from each distance (features.ts, featuresSeenFrom) depends on that token
// alone, so it is summed once per distinct token and kept: one row of L scores per slot (itself and
// its four neighbours' views of it). The features that join neighbours (PAIR_TEMPLATES) are looked up
// for every token, but each token's parts are turned into small integers once, with its rows, so
// that joining them costs one lookup of a number instead of building and hashing a name.
//
// The sums are those of adding the named features one by one, bit for bit: a slot's row is summed
// in 32 bits in `tokenFeatures` order, the token's total in 64 bits, slots first, then the joining
// features in their order.
//
// Rows and parts live in typed arrays, one record per token, not in an object per token: a cached
// token costs 200 bytes a model and no garbage, and the records of a sentence are copied side by
// side before they are summed, so the sums read memory in order. The cache holds two generations:
// when the young one is full it becomes the old one, and a token found only in the old one is copied
// back; a token that recurs is thus never summed twice, however long the run, and memory stays
// bounded by two generations.
//
// The tagger's two passes (tagger.ts) share one record per token (createDocumentScorer): the second
// model's features are the first's and the `document` group, so each of the token's features is
// looked up once for both, and the second pass reuses the records the first copied. The `document`
// features depend on the token's place in the document, not on the token alone; they come last in
// their slots' rows, so they are added to a copy of the token's rows per place, which gives the very
// sums of adding them in order after the others.

import { FeatureIndex } from './feature-index.ts';
import {
  type FeatureGroup,
  type FeatureSink,
  featuresSeenFrom,
  type NerToken,
  OFFSETS,
  type Offset,
  PAIR_TEMPLATES,
  type PartOf,
} from './features.ts';
import type { NerModel } from './model.ts';

const SLOTS: readonly Offset[] = [0, ...OFFSETS];
/** Where a token's view of its neighbours at -1 and +1 is in its record. */
const SLOT_BEFORE = SLOTS.indexOf(-1);
const SLOT_AFTER = SLOTS.indexOf(1);
/**
 * Tokens per generation of the cache. Measured over 4,000 SaudiNewsNet articles: 20,000 analysed 7 %
 * slower, 80,000 3 % faster for 33 MiB more per worker (each generation of each model holds up to
 * 8 MiB of records).
 */
const GENERATION_SIZE = 40_000;

/** A feature that joins neighbours, with each part's values numbered and the index's entries by joined numbers. */
interface Join {
  readonly parts: readonly {
    readonly at: number;
    readonly of: PartOf;
    readonly values: Map<string, number>;
  }[];
  /** Feature entry by the parts' numbers read as digits, part 0 first, each in base `values.size`. */
  readonly entries: Map<number, number>;
}

export type Scorer = (sentence: readonly NerToken[]) => Float64Array;

export interface ScorerOptions {
  /** Tokens per generation of the cache (tests turn it over with a small one). */
  readonly generationSize?: number;
}

/**
 * Token records for several models at once: per token, each model's slot rows (`ROW` floats a
 * model, side by side), then the parts of the joining features, numbered alike for all models.
 * A token's features are those of `groups`, which every model reads.
 */
class Records {
  readonly L: number;
  readonly ROW: number;
  readonly RECORD: number;
  readonly PARTS: number;
  readonly index: FeatureIndex;
  readonly joins: readonly Join[];
  /** Each model's id by index entry. */
  readonly ids: readonly Int32Array[];
  readonly weights: readonly Float32Array[];
  /** The record of a sentence boundary, each model's rows under its own groups. */
  readonly boundaryRows: Float32Array;
  readonly boundaryParts: Int32Array;
  private readonly cache: TokenRecords;
  // Where the sink adds: the record's row for the slot, and which model (-1: all).
  private rows: Float32Array = new Float32Array(0);
  private at = 0;
  private only = -1;
  private readonly sink: FeatureSink;

  constructor(
    models: readonly NerModel[],
    private readonly groups: ReadonlySet<FeatureGroup>,
    generationSize: number,
  ) {
    const L = models[0]!.labels.length;
    this.L = L;
    this.ROW = SLOTS.length * L;
    this.RECORD = models.length * this.ROW;
    this.index = new FeatureIndex(models.map((m) => m.features));
    this.ids = this.index.ids;
    this.weights = models.map((m) => m.weights);
    this.joins = PAIR_TEMPLATES.filter((p) => groups.has(p.group)).map((p) =>
      joinOf(this.index, p.template, p.parts),
    );
    this.PARTS = this.joins.reduce((n, j) => n + j.parts.length, 0);
    const { index, ids, weights, ROW } = this;
    const M = models.length;
    this.sink = (template, a, b, c) => {
      const entry = index.entry(template, a, b, c);
      if (entry < 0) return;
      const { rows, at, only } = this;
      for (let m = 0; m < M; m++) {
        const id = ids[m]![entry]!;
        if (id < 0 || (only >= 0 && m !== only)) continue;
        const w = weights[m]!;
        const to = at + m * ROW;
        for (let y = 0; y < L; y++) rows[to + y]! += w[id * L + y]!;
      }
    };
    this.boundaryRows = new Float32Array(this.RECORD);
    this.boundaryParts = new Int32Array(this.PARTS);
    models.forEach((model, m) => {
      this.only = m;
      this.summariseRows(undefined, model.groups, this.boundaryRows, 0);
    });
    this.only = -1;
    this.summariseParts(undefined, this.boundaryParts, 0);
    this.cache = new TokenRecords(this.RECORD, this.PARTS, generationSize, (t, rows, row, parts, part) => {
      this.summariseRows(t, this.groups, rows, row);
      this.summariseParts(t, parts, part);
    });
  }

  private summariseRows(
    t: NerToken | undefined,
    groups: ReadonlySet<FeatureGroup>,
    rows: Float32Array,
    row: number,
  ) {
    this.rows = rows;
    for (let slot = 0; slot < SLOTS.length; slot++) {
      this.at = row + slot * this.L;
      featuresSeenFrom(t, SLOTS[slot]!, groups, this.sink);
    }
  }

  private summariseParts(t: NerToken | undefined, parts: Int32Array, part: number) {
    let k = part;
    for (const join of this.joins)
      for (const p of join.parts) parts[k++] = p.values.get(String(p.of(t))) ?? -1;
  }

  /**
   * Copies the records of `sentence`, then the boundary's, to `rows` and `parts` from record
   * `first` on, and writes each token's joining features' entries (-1: none) to `entries`, `joins`
   * a token from record `first` on.
   */
  load(
    sentence: readonly NerToken[],
    rows: Float32Array,
    parts: Int32Array,
    entries: Int32Array,
    first: number,
  ): void {
    const { RECORD, PARTS, joins } = this;
    const n = sentence.length;
    for (let i = 0; i < n; i++)
      this.cache.copy(sentence[i]!, rows, (first + i) * RECORD, parts, (first + i) * PARTS);
    rows.set(this.boundaryRows, (first + n) * RECORD);
    parts.set(this.boundaryParts, (first + n) * PARTS);
    const J = joins.length;
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let q = 0; q < J; q++) {
        const join = joins[q]!;
        let key = 0;
        for (const p of join.parts) {
          const j = i + p.at;
          const value = parts[(first + (j >= 0 && j < n ? j : n)) * PARTS + k++]!;
          key = value < 0 || key < 0 ? -1 : key * p.values.size + value;
        }
        entries[(first + i) * J + q] = key < 0 ? -1 : (join.entries.get(key) ?? -1);
      }
    }
  }

  /** Model m's emissions of the `n` tokens loaded from record `first` on. */
  sum(m: number, n: number, rows: Float32Array, entries: Int32Array, first: number): Float64Array {
    const { L, ROW, RECORD } = this;
    const J = this.joins.length;
    const ids = this.ids[m]!;
    const weights = this.weights[m]!;
    const emissions = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let slot = 0; slot < SLOTS.length; slot++) {
        const j = i + SLOTS[slot]!;
        const from = (first + (j >= 0 && j < n ? j : n)) * RECORD + m * ROW + slot * L;
        for (let y = 0; y < L; y++) emissions[base + y]! += rows[from + y]!;
      }
      for (let q = 0; q < J; q++) {
        const entry = entries[(first + i) * J + q]!;
        const id = entry < 0 ? -1 : ids[entry]!;
        if (id < 0) continue;
        for (let y = 0; y < L; y++) emissions[base + y]! += weights[id * L + y]!;
      }
    }
    return emissions;
  }
}

export function createScorer(model: NerModel, options: ScorerOptions = {}): Scorer {
  const records = new Records([model], model.groups, options.generationSize ?? GENERATION_SIZE);
  const { RECORD, PARTS } = records;
  const J = records.joins.length;
  return (sentence) => {
    const n = sentence.length;
    const rows = new Float32Array((n + 1) * RECORD);
    const parts = new Int32Array((n + 1) * PARTS);
    const entries = new Int32Array(n * J);
    records.load(sentence, rows, parts, entries, 0);
    return records.sum(0, n, rows, entries, 0);
  };
}

/** Both passes' emissions of one document's sentences (tagger.ts), from one record per token. */
export interface DocumentScorer {
  /** Takes a document: its tokens' records are looked up once, for both passes. */
  load(sentences: readonly (readonly NerToken[])[]): void;
  /** The first model's emissions of sentence `s` of the document. */
  first(s: number): Float64Array;
  /**
   * The second model's emissions of sentence `s`, each token's `document` feature being
   * `memory[i]` (its own when undefined). Once per sentence: it adds to the loaded records.
   */
  second(s: number, memory: readonly (string | undefined)[]): Float64Array;
}

/** The second model's ids of the `document` features of one value. */
interface DocumentIds {
  readonly own: number;
  readonly before: number;
  readonly after: number;
  /** `dg` by gazetteer flags. */
  readonly byGazetteer: Map<number, number>;
}

/**
 * A DocumentScorer for a first model and a second that reads the first's groups and `document`;
 * undefined for models not so related, which are scored one by one (createScorer).
 */
export function createDocumentScorer(
  firstModel: NerModel,
  secondModel: NerModel,
  options: ScorerOptions = {},
): DocumentScorer | undefined {
  const groups = firstModel.groups;
  const related =
    firstModel.labels.length === secondModel.labels.length &&
    !groups.has('document') &&
    secondModel.groups.has('document') &&
    secondModel.groups.size === groups.size + 1 &&
    [...groups].every((g) => secondModel.groups.has(g));
  if (!related) return undefined;
  const records = new Records([firstModel, secondModel], groups, options.generationSize ?? GENERATION_SIZE);
  const { L, ROW, RECORD, PARTS, index } = records;
  const J = records.joins.length;
  const secondIds = records.ids[1]!;
  const secondWeights = records.weights[1]!;
  const idOf = (template: string, a: string, b?: number) => {
    const entry = index.entry(template, a, b);
    return entry < 0 ? -1 : secondIds[entry]!;
  };
  // The feature names of features.ts's `document` group, in the order it sends them.
  const documentIds = new Map<string, DocumentIds>();
  const idsOf = (value: string) => {
    let ids = documentIds.get(value);
    if (!ids) {
      ids = {
        own: idOf('d', value),
        before: idOf('d-1', value),
        after: idOf('d+1', value),
        byGazetteer: new Map(),
      };
      documentIds.set(value, ids);
    }
    return ids;
  };
  const add = (rows: Float32Array, at: number, id: number) => {
    if (id < 0) return;
    for (let y = 0; y < L; y++) rows[at + y]! += secondWeights[id * L + y]!;
  };

  let sentences: readonly (readonly NerToken[])[] = [];
  /** Each sentence's first record; its tokens' records follow, then the boundary's. */
  let starts = new Int32Array(0);
  let rows = new Float32Array(0);
  let parts = new Int32Array(0);
  let entries = new Int32Array(0);
  return {
    load(document) {
      sentences = document;
      const count = document.reduce((n, s) => n + s.length + 1, 0);
      if (starts.length < document.length) starts = new Int32Array(2 * document.length);
      if (rows.length < count * RECORD) {
        rows = new Float32Array(2 * count * RECORD);
        parts = new Int32Array(2 * count * PARTS);
        entries = new Int32Array(2 * count * J);
      }
      let first = 0;
      document.forEach((sentence, s) => {
        starts[s] = first;
        records.load(sentence, rows, parts, entries, first);
        first += sentence.length + 1;
      });
    },
    first: (s) => records.sum(0, sentences[s]!.length, rows, entries, starts[s]!),
    second(s, memory) {
      const sentence = sentences[s]!;
      const first = starts[s]!;
      for (let i = 0; i < sentence.length; i++) {
        const t = sentence[i]!;
        const ids = idsOf(memory[i] ?? t.document ?? '-');
        let grouped = ids.byGazetteer.get(t.gazetteer);
        if (grouped === undefined) {
          grouped = idOf('dg', memory[i] ?? t.document ?? '-', t.gazetteer);
          ids.byGazetteer.set(t.gazetteer, grouped);
        }
        const at = (first + i) * RECORD + ROW;
        add(rows, at, ids.own);
        add(rows, at, grouped);
        add(rows, at + SLOT_BEFORE * L, ids.before);
        add(rows, at + SLOT_AFTER * L, ids.after);
      }
      return records.sum(1, sentence.length, rows, entries, first);
    },
  };
}

/**
 * The joining feature `template` of the index as numbered parts. A name `template=v` is entered at
 * every way of cutting v at its `|` into as many parts as the template has, so parts find an entry
 * exactly when the name they join to is in a model, even where a part holds a `|` itself (the form
 * of the token `|`).
 */
function joinOf(
  index: FeatureIndex,
  template: string,
  declared: readonly { readonly at: number; readonly of: PartOf }[],
): Join {
  const parts = declared.map(({ at, of }) => ({ at, of, values: new Map<string, number>() }));
  const cutsAndEntries = [...index.values(template)].flatMap(([value, entry]) =>
    cuts(value, parts.length).map((cut) => {
      cut.forEach((piece, p) => {
        const values = parts[p]!.values;
        if (!values.has(piece)) values.set(piece, values.size);
      });
      return [cut, entry] as const;
    }),
  );
  const combinations = parts.reduce((n, p) => n * Math.max(1, p.values.size), 1);
  if (!Number.isSafeInteger(combinations))
    throw new RangeError(`NER model: too many values of ${template} to number their combinations`);
  const entries = new Map<number, number>();
  for (const [cut, entry] of cutsAndEntries)
    entries.set(
      cut.reduce((key, piece, p) => key * parts[p]!.values.size + parts[p]!.values.get(piece)!, 0),
      entry,
    );
  return { parts, entries };
}

/** Every way of cutting `value` at its `|` into `count` pieces, in order. */
function cuts(value: string, count: number): string[][] {
  if (count === 1) return [[value]];
  const out: string[][] = [];
  for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1))
    for (const rest of cuts(value.slice(bar + 1), count - 1)) out.push([value.slice(0, bar), ...rest]);
  return out;
}

type Summarise = (t: NerToken, rows: Float32Array, row: number, parts: Int32Array, part: number) => void;

/** One generation: the records of up to `size` tokens, its arrays grown as it fills. */
class Generation {
  readonly slotOf = new Map<NerToken, number>();
  rows: Float32Array;
  parts: Int32Array;

  constructor(
    private readonly row: number,
    private readonly part: number,
    private readonly size: number,
  ) {
    const first = Math.min(size, 1024);
    this.rows = new Float32Array(first * row);
    this.parts = new Int32Array(first * part);
  }

  get full(): boolean {
    return this.slotOf.size >= this.size;
  }

  /** A new slot for `t`, its record not yet written. */
  add(t: NerToken): number {
    const slot = this.slotOf.size;
    if (slot * this.row >= this.rows.length) {
      const size = Math.min(this.size, 2 * slot);
      const rows = new Float32Array(size * this.row);
      rows.set(this.rows);
      const parts = new Int32Array(size * this.part);
      parts.set(this.parts);
      this.rows = rows;
      this.parts = parts;
    }
    this.slotOf.set(t, slot);
    return slot;
  }
}

/** Token records by token object (ner-tokens.ts hands out one object per distinct token). */
class TokenRecords {
  private young: Generation;
  private old: Generation | undefined;

  constructor(
    private readonly row: number,
    private readonly part: number,
    private readonly size: number,
    private readonly summarise: Summarise,
  ) {
    this.young = new Generation(row, part, size);
  }

  /** Copies the record of `t` to `rows[row …]` and `parts[part …]`, summarising `t` if neither generation has it. */
  copy(t: NerToken, rows: Float32Array, row: number, parts: Int32Array, part: number): void {
    let slot = this.young.slotOf.get(t);
    if (slot === undefined) {
      const old = this.old;
      const oldSlot = old?.slotOf.get(t);
      if (this.young.full) {
        this.old = this.young;
        this.young = new Generation(this.row, this.part, this.size);
      }
      slot = this.young.add(t);
      const { rows: youngRows, parts: youngParts } = this.young;
      if (old === undefined || oldSlot === undefined)
        this.summarise(t, youngRows, slot * this.row, youngParts, slot * this.part);
      else {
        copyRows(old.rows, oldSlot * this.row, youngRows, slot * this.row, this.row);
        copyParts(old.parts, oldSlot * this.part, youngParts, slot * this.part, this.part);
      }
    }
    copyRows(this.young.rows, slot * this.row, rows, row, this.row);
    copyParts(this.young.parts, slot * this.part, parts, part, this.part);
  }
}

// Two copies rather than one generic one: each loop then sees a single array type, which V8 compiles
// to plain loads and stores (measured: the generic one cost as much as the sums).
function copyRows(from: Float32Array, start: number, to: Float32Array, at: number, count: number) {
  for (let k = 0; k < count; k++) to[at + k] = from[start + k]!;
}

function copyParts(from: Int32Array, start: number, to: Int32Array, at: number, count: number) {
  for (let k = 0; k < count; k++) to[at + k] = from[start + k]!;
}
