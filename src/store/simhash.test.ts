import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hammingDistance, SIMHASH_BANDS, simhashBands, simhashFromHex, simhashToHex } from './simhash.ts';

test('a simhash is stored as 16 hex digits and read back, the top bit too', () => {
  for (const h of [0n, 1n, 0x8000000000000000n, 0xffffffffffffffffn, 0x0123456789abcdefn]) {
    const hex = simhashToHex(h);
    assert.equal(hex.length, 16);
    assert.equal(simhashFromHex(hex), h);
  }
  assert.throws(() => simhashToHex(-1n), RangeError);
  assert.throws(() => simhashToHex(1n << 64n), RangeError);
  assert.throws(() => simhashFromHex('xyz'), RangeError);
});

test('bands are the four 16-bit quarters, lowest first', () => {
  assert.deepEqual(simhashBands(0x0004000300020001n), [1, 2, 3, 4]);
  assert.equal(SIMHASH_BANDS, 4);
});

test('Hamming distance counts differing bits', () => {
  assert.equal(hammingDistance(0n, 0n), 0);
  assert.equal(hammingDistance(0n, 0xffffffffffffffffn), 64);
  assert.equal(hammingDistance(0b1011n, 0b0001n), 2);
});

test('bands find every hash within three bits: one band at least is untouched', () => {
  const h = 0x1234_5678_9abc_def0n;
  const near = h ^ (1n << 3n) ^ (1n << 20n) ^ (1n << 40n);
  const same = simhashBands(h).filter((b, i) => simhashBands(near)[i] === b);
  assert.equal(same.length, 1);
});
