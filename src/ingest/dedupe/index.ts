// Duplicate detection for ingestion: exact duplicates by content hash, near duplicates by SimHash
// distance (simhash.ts), with candidates found through LSH bands or, optionally, a full scan.
//
// The threshold, NEAR_DUPLICATE_BITS = 6, is measured (measure.ts; the table below):
// over all 446 million pairs of SaudiNewsNet articles no two different stories come within 6 bits
// (the 3 pairs at 6 bits share 46–49 % of their word 3-shingles: one story rewritten); from 7 bits
// on, a newspaper's daily market reports (same template, other figures) start to match. At 6 bits a
// lightly edited copy is caught 56 % of the time over all edits on 3,000 articles (date line changed
// 86 %, ad appended 70 %, sentence dropped 43 %, all three 25 %), 81 % for articles of 300+ words.
// A 3-bit threshold, the usual choice for web pages, catches 27 %: a dropped sentence in a
// 200-word article already moves SimHash ~7 bits.
//
// | ≤ bits | drop | date | ad  | all | all edits | via 4×16 bands | different stories within (446 M pairs) |
// |-------:|-----:|-----:|----:|----:|----------:|---------------:|---------------------------------------:|
// | 3      | 16.3 | 51.6 | 31.5|  7.8|      26.8 |           26.8 | 0                                      |
// | 6      | 43.0 | 85.7 | 70.4| 25.0|      56.0 |           48.8 | 3 (rewrites sharing 46–49 %)           |
// | 8      | 58.3 | 95.0 | 86.2| 39.3|      69.7 |           54.0 | 17                                     |
// | 10     | 72.1 | 98.2 | 94.2| 54.1|      79.6 |           56.1 | 88                                     |
//
// Candidates: the 4 LSH bands of 16 bits find every pair within 3 bits (pigeonhole) and, measured,
// 87 % of those within 6; `exhaustive: true` compares with every stored hash instead (complete,
// O(n) per lookup on typed arrays, a few ms per million). A store should look up the bands and
// also scan the articles of the same few days, where rewrites of one story cluster.

import {
  dedupeText,
  hammingDistanceParts,
  hashDedupeText,
  lshBands,
  packSimhash,
  popcount32,
  simhashWords,
  unpackSimhash,
  wordsOfDedupeText,
} from './simhash.ts';

export * from './simhash.ts';

/** Largest SimHash distance, in bits, at which two texts count as near duplicates (measured above). */
export const NEAR_DUPLICATE_BITS = 6;

export interface Fingerprint {
  /** Equal for texts equal after matchKey folding and whitespace collapsing. */
  readonly contentHash: string;
  readonly simhash: bigint;
}

export function fingerprint(text: string): Fingerprint {
  const folded = dedupeText(text);
  return {
    contentHash: hashDedupeText(folded),
    simhash: packSimhash(simhashWords(wordsOfDedupeText(folded))),
  };
}

export type DuplicateMatch =
  | { readonly kind: 'exact'; readonly id: string; readonly distance: 0 }
  | { readonly kind: 'near'; readonly id: string; readonly distance: number };

export interface DuplicateIndexOptions {
  /** Near-duplicate threshold in bits; NEAR_DUPLICATE_BITS by default. */
  readonly maxDistance?: number;
  /** Compare with every stored hash rather than only those sharing an LSH band. */
  readonly exhaustive?: boolean;
}

/** An in-memory index of fingerprints: which stored text, if any, a new one duplicates. */
export class DuplicateIndex {
  readonly maxDistance: number;
  readonly exhaustive: boolean;
  private readonly byContent = new Map<string, string>();
  private readonly bands = new Map<number, number[]>();
  private readonly ids: string[] = [];
  private his = new Uint32Array(1024);
  private los = new Uint32Array(1024);

  constructor(opts: DuplicateIndexOptions = {}) {
    this.maxDistance = opts.maxDistance ?? NEAR_DUPLICATE_BITS;
    this.exhaustive = opts.exhaustive ?? false;
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The stored text this one duplicates: the exact duplicate if there is one, else the nearest
   * within maxDistance (the earliest stored on a tie), else undefined. Adds nothing.
   */
  find(fp: Fingerprint): DuplicateMatch | undefined {
    const exact = this.byContent.get(fp.contentHash);
    if (exact !== undefined) return { kind: 'exact', id: exact, distance: 0 };
    const parts = unpackSimhash(fp.simhash);
    let best = -1;
    let bestDistance = this.maxDistance + 1;
    const consider = (slot: number) => {
      const d =
        popcount32((this.his[slot]! ^ parts.hi) >>> 0) + popcount32((this.los[slot]! ^ parts.lo) >>> 0);
      if (d < bestDistance || (d === bestDistance && slot < best)) {
        best = slot;
        bestDistance = d;
      }
    };
    if (this.exhaustive) {
      for (let slot = 0; slot < this.ids.length; slot++) consider(slot);
    } else {
      for (const key of lshBands(fp.simhash)) for (const slot of this.bands.get(key) ?? []) consider(slot);
    }
    return best < 0 ? undefined : { kind: 'near', id: this.ids[best]!, distance: bestDistance };
  }

  /** Stores a fingerprint under `id`. A second text with the same content hash keeps the first id. */
  add(id: string, fp: Fingerprint): void {
    if (!this.byContent.has(fp.contentHash)) this.byContent.set(fp.contentHash, id);
    const slot = this.ids.length;
    if (slot === this.his.length) {
      this.his = grow(this.his);
      this.los = grow(this.los);
    }
    const parts = unpackSimhash(fp.simhash);
    this.his[slot] = parts.hi;
    this.los[slot] = parts.lo;
    this.ids.push(id);
    for (const key of lshBands(fp.simhash)) {
      const bucket = this.bands.get(key);
      if (bucket) bucket.push(slot);
      else this.bands.set(key, [slot]);
    }
  }

  /** `find`, then `add` unless it is an exact duplicate (near ones are kept: later copies may match them). */
  check(id: string, fp: Fingerprint): DuplicateMatch | undefined {
    const match = this.find(fp);
    if (match?.kind !== 'exact') this.add(id, fp);
    return match;
  }
}

function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(array.length * 2);
  next.set(array);
  return next;
}

/** Distance between two fingerprints' SimHashes. */
export function fingerprintDistance(a: Fingerprint, b: Fingerprint): number {
  return hammingDistanceParts(unpackSimhash(a.simhash), unpackSimhash(b.simhash));
}
