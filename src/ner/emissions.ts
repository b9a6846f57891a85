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
// token costs 200 bytes and no garbage, and the records of a sentence are copied side by side
// before they are summed, so the sums read memory in order. The cache holds two generations: when
// the young one is full it becomes the old one, and a token found only in the old one is copied
// back; a token that recurs is thus never summed twice, however long the run, and memory stays
// bounded by two generations.

import { FeatureIndex } from './feature-index.ts';
import {
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
/**
 * Tokens per generation of the cache. Measured over 4,000 SaudiNewsNet articles: 20,000 analysed 7 %
 * slower, 80,000 3 % faster for 33 MiB more per worker (each generation of each model holds up to
 * 8 MiB of records).
 */
const GENERATION_SIZE = 40_000;

/** A feature that joins neighbours, with each part's values numbered and the model's ids by joined numbers. */
interface Join {
  readonly parts: readonly {
    readonly at: number;
    readonly of: PartOf;
    readonly values: Map<string, number>;
  }[];
  /** Feature id by the parts' numbers read as digits, part 0 first, each in base `values.size`. */
  readonly ids: Map<number, number>;
}

export type Scorer = (sentence: readonly NerToken[]) => Float64Array;

export interface ScorerOptions {
  /** Tokens per generation of the cache (tests turn it over with a small one). */
  readonly generationSize?: number;
}

export function createScorer(model: NerModel, options: ScorerOptions = {}): Scorer {
  const L = model.labels.length;
  const ROW = SLOTS.length * L;
  const { weights, groups } = model;
  const index = new FeatureIndex(model.features);
  const joins = PAIR_TEMPLATES.filter((p) => groups.has(p.group)).map((p) =>
    joinOf(index, p.template, p.parts),
  );
  const PARTS = joins.reduce((n, j) => n + j.parts.length, 0);

  /** A sink that adds the weights of the features it is given to `into[at …at + L)`. */
  const adder =
    (into: Float32Array, at: number): FeatureSink =>
    (template, a, b, c) => {
      const id = index.id(template, a, b, c);
      if (id < 0) return;
      for (let y = 0; y < L; y++) into[at + y]! += weights[id * L + y]!;
    };
  /** Writes the record of `t` (undefined: a sentence boundary): its slot rows, then its part numbers. */
  const summarise = (
    t: NerToken | undefined,
    rows: Float32Array,
    row: number,
    parts: Int32Array,
    part: number,
  ) => {
    SLOTS.forEach((offset, slot) => {
      featuresSeenFrom(t, offset, groups, adder(rows, row + slot * L));
    });
    let k = part;
    for (const join of joins) for (const p of join.parts) parts[k++] = p.values.get(String(p.of(t))) ?? -1;
  };
  const boundaryRows = new Float32Array(ROW);
  const boundaryParts = new Int32Array(PARTS);
  summarise(undefined, boundaryRows, 0, boundaryParts, 0);
  const cache = new TokenRecords(ROW, PARTS, options.generationSize ?? GENERATION_SIZE, summarise);

  return (sentence) => {
    const n = sentence.length;
    // The sentence's records side by side, then the boundary's: a neighbour outside the sentence reads it.
    const rows = new Float32Array((n + 1) * ROW);
    const parts = new Int32Array((n + 1) * PARTS);
    for (let i = 0; i < n; i++) cache.copy(sentence[i]!, rows, i * ROW, parts, i * PARTS);
    rows.set(boundaryRows, n * ROW);
    parts.set(boundaryParts, n * PARTS);
    const emissions = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let slot = 0; slot < SLOTS.length; slot++) {
        const j = i + SLOTS[slot]!;
        const from = (j >= 0 && j < n ? j : n) * ROW + slot * L;
        for (let y = 0; y < L; y++) emissions[base + y]! += rows[from + y]!;
      }
      let k = 0;
      for (const join of joins) {
        let key = 0;
        for (const p of join.parts) {
          const j = i + p.at;
          const value = parts[(j >= 0 && j < n ? j : n) * PARTS + k++]!;
          key = value < 0 || key < 0 ? -1 : key * p.values.size + value;
        }
        const id = key < 0 ? undefined : join.ids.get(key);
        if (id === undefined) continue;
        for (let y = 0; y < L; y++) emissions[base + y]! += weights[id * L + y]!;
      }
    }
    return emissions;
  };
}

/**
 * The joining feature `template` of the model as numbered parts. A name `template=v` is entered at
 * every way of cutting v at its `|` into as many parts as the template has, so parts find an id
 * exactly when the name they join to is in the model, even where a part holds a `|` itself (the
 * form of the token `|`).
 */
function joinOf(
  index: FeatureIndex,
  template: string,
  declared: readonly { readonly at: number; readonly of: PartOf }[],
): Join {
  const parts = declared.map(({ at, of }) => ({ at, of, values: new Map<string, number>() }));
  const cutsAndIds = [...index.values(template)].flatMap(([value, id]) =>
    cuts(value, parts.length).map((cut) => {
      cut.forEach((piece, p) => {
        const values = parts[p]!.values;
        if (!values.has(piece)) values.set(piece, values.size);
      });
      return [cut, id] as const;
    }),
  );
  const combinations = parts.reduce((n, p) => n * Math.max(1, p.values.size), 1);
  if (!Number.isSafeInteger(combinations))
    throw new RangeError(`NER model: too many values of ${template} to number their combinations`);
  const ids = new Map<number, number>();
  for (const [cut, id] of cutsAndIds)
    ids.set(
      cut.reduce((key, piece, p) => key * parts[p]!.values.size + parts[p]!.values.get(piece)!, 0),
      id,
    );
  return { parts, ids };
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
