// A 64-bit simhash as the store keeps it: 16 lower-case hex digits (portable TEXT; PostgreSQL's
// BIGINT is signed and SQLite's INTEGER too, so neither holds the top bit cleanly), plus four 16-bit
// bands in a table of their own. Two hashes within Hamming distance 3 agree on at least one whole
// band (four bands, three differing bits: pigeonhole), so an exact band lookup finds every candidate
// at distance ≤ 3 without scanning; wider searches fall back to a scan.

export const SIMHASH_BANDS = 4;
const BAND_BITS = 16;
const MAX = (1n << 64n) - 1n;
const HEX = /^[0-9a-f]{16}$/;

/** The hash as stored; throws on anything that is not an unsigned 64-bit integer. */
export function simhashToHex(hash: bigint): string {
  if (hash < 0n || hash > MAX) throw new RangeError(`simhash out of 64-bit range: ${hash}`);
  return hash.toString(16).padStart(16, '0');
}

export function simhashFromHex(hex: string): bigint {
  if (!HEX.test(hex)) throw new RangeError(`not a stored simhash: ${hex}`);
  return BigInt(`0x${hex}`);
}

/** Band i holds bits 16i … 16i+15. */
export function simhashBands(hash: bigint): number[] {
  simhashToHex(hash);
  return Array.from({ length: SIMHASH_BANDS }, (_, i) => Number((hash >> BigInt(i * BAND_BITS)) & 0xffffn));
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = a ^ b;
  let bits = 0;
  while (x > 0n) {
    x &= x - 1n;
    bits++;
  }
  return bits;
}
