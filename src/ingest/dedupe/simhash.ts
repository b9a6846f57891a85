// Fingerprints for duplicate detection.
//
// Exact duplicates: `contentHash`, the SHA-256 of the text as matching sees it (matchKey folds:
// no diacritics or tatweel, one alef, ى→ي, ة→ه, ASCII digits; whitespace runs collapsed), so the
// same article re-encoded, re-spaced or re-vowelled hashes the same.
//
// Near duplicates: `simhash`, Charikar's 64-bit SimHash over word 3-shingles of that same text.
// Each shingle gets a 64-bit hash (FNV-1a over the UTF-16 code units of each word, then the three
// word hashes combined with MurmurHash3's mixing into two independent 32-bit halves, since FNV's
// high bits barely depend on a word's last letters); bit i of the SimHash is the majority of bit i
// over all shingles. Texts sharing most shingles differ in few bits: `hammingDistance`.
// All arithmetic is on 32-bit halves with Math.imul; BigInt only packs the result.

import { createHash } from 'node:crypto';
import { matchKey } from '../../text/normalize.ts';

/** The text as duplicates compare it: matchKey-folded, whitespace runs one space, trimmed. */
export function dedupeText(text: string): string {
  return matchKey(text).replace(/\s+/g, ' ').trim();
}

/** 32 hex digits (128 bits) of the SHA-256 of `dedupeText(text)`: equal for exact duplicates. */
export function contentHash(text: string): string {
  return hashDedupeText(dedupeText(text));
}

/** contentHash of a text already through dedupeText. */
export function hashDedupeText(folded: string): string {
  return createHash('sha256').update(folded).digest('hex').slice(0, 32);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text after dedupeText (letters and digits; punctuation separates). */
export function dedupeWords(text: string): string[] {
  return wordsOfDedupeText(dedupeText(text));
}

/** dedupeWords of a text already through dedupeText. */
export function wordsOfDedupeText(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** FNV-1a 64 of the code units of `s`, as [hi, lo] unsigned 32-bit halves, into `out` at `at`. */
export function fnv1a64(s: string, out: Uint32Array, at: number): void {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < s.length; i++) {
    lo = (lo ^ s.charCodeAt(i)) >>> 0;
    // h × (2^40 + 0x1b3) mod 2^64, on halves: lo × 0x1b3 < 2^41 is exact in a double.
    const loMul = lo * 0x1b3;
    const carry = Math.floor(loMul / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = loMul >>> 0;
  }
  out[at] = hi;
  out[at + 1] = lo;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** One MurmurHash3 body step: mixes the 32-bit block `k` into `h`. */
function murmurStep(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 64-bit SimHash as its two unsigned 32-bit halves. */
export interface SimHashParts {
  readonly hi: number;
  readonly lo: number;
}

/**
 * SimHash of already-split words (word 3-shingles; a text of one or two words is one shingle; no
 * words gives 0). Use `simhash` for a text.
 */
export function simhashWords(words: readonly string[]): SimHashParts {
  const n = words.length;
  if (n === 0) return { hi: 0, lo: 0 };
  const wordHashes = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) fnv1a64(words[i]!, wordHashes, 2 * i);
  const width = Math.min(3, n);
  const shingles = n - width + 1;
  // ones[b]: how many shingle hashes have bit b set (0–31 the low half, 32–63 the high half).
  const ones = new Uint32Array(64);
  for (let s = 0; s < shingles; s++) {
    let a = 0x9747b28c;
    let b = 0x3c6ef372;
    for (let w = 0; w < width; w++) {
      const hi = wordHashes[2 * (s + w)]!;
      const lo = wordHashes[2 * (s + w) + 1]!;
      a = murmurStep(murmurStep(a, lo), hi);
      b = murmurStep(murmurStep(b, hi), lo);
    }
    const lo = fmix32(a ^ width);
    const hi = fmix32(b ^ (width + 0x100));
    for (let bit = 0; bit < 32; bit++) {
      ones[bit]! += (lo >>> bit) & 1;
      ones[bit + 32]! += (hi >>> bit) & 1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > shingles) lo |= 1 << bit;
    if (2 * ones[bit + 32]! > shingles) hi |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** The 64-bit SimHash of a text (see the module comment). */
export function simhash(text: string): bigint {
  return packSimhash(simhashWords(dedupeWords(text)));
}

export function packSimhash(parts: SimHashParts): bigint {
  return (BigInt(parts.hi) << 32n) | BigInt(parts.lo);
}

export function unpackSimhash(hash: bigint): SimHashParts {
  return { hi: Number((hash >> 32n) & 0xffffffffn), lo: Number(hash & 0xffffffffn) };
}

/** 16 hex digits, for storage and logs. */
export function simhashHex(hash: bigint): string {
  return hash.toString(16).padStart(16, '0');
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** How many of the 64 bits differ. */
export function hammingDistance(a: bigint, b: bigint): number {
  const x = unpackSimhash(a ^ b);
  return popcount32(x.hi) + popcount32(x.lo);
}

export function hammingDistanceParts(a: SimHashParts, b: SimHashParts): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

export const LSH_BANDS = 4;
export const LSH_BAND_BITS = 16;

/**
 * The 4 LSH band keys of a SimHash: band i (bits 16i … 16i+15) as `i × 65536 + value`, so the four
 * keys of all hashes live in one integer space (0 … 262,143) and one index column holds them.
 * Two hashes within 3 bits agree on at least one band (4 bands, at most 3 differing bits: by the
 * pigeonhole principle one band has none), so looking up the 4 keys finds every such pair.
 */
export function lshBands(hash: bigint): number[] {
  const { hi, lo } = unpackSimhash(hash);
  return [lo & 0xffff, 0x10000 + (lo >>> 16), 0x20000 + (hi & 0xffff), 0x30000 + (hi >>> 16)];
}
