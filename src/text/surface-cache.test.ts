import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashRange } from '../core/string-table.ts';
import { matchKey } from './normalize.ts';
import { SurfaceCache } from './surface-cache.ts';

/** A text of `n` distinct made-up Arabic words, some repeated, some long, with their ranges. */
function corpus(n: number) {
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    for (let x = i + 1; x > 0; x = Math.floor(x / 28)) w += String.fromCharCode(0x0628 + (x % 28));
    words.push(i % 97 === 0 ? `${w}ـًًٌُُِّْ${'ك'.repeat(20)}` : i % 5 === 0 ? `أ${w}ة` : w);
  }
  const order = Array.from({ length: n * 3 }, (_, k) => (k * 7919) % n);
  const text = order.map((i) => words[i]).join(' ');
  const ranges: [number, number][] = [];
  let at = 0;
  for (const i of order) {
    ranges.push([at, at + words[i]!.length]);
    at += words[i]!.length + 1;
  }
  return { text, ranges };
}

test('always answers with the entry of exactly the surface asked for, through evictions and resets', () => {
  const { text, ranges } = corpus(120_000);
  const cache = new SurfaceCache(50_000);
  for (const [start, end] of ranges) {
    const entry = cache.at(text, start, end, hashRange(text, start, end));
    const surface = text.slice(start, end);
    assert.equal(entry.surface, surface);
    assert.equal(entry.key, matchKey(surface));
  }
});

test('hands back one shared entry for every occurrence of a surface', () => {
  const text = 'قال لافروف قال لافروف';
  const cache = new SurfaceCache();
  const a = cache.at(text, 0, 3, hashRange(text, 0, 3));
  const b = cache.at(text, 11, 14, hashRange(text, 11, 14));
  assert.equal(a, b);
  a.shape = { segments: [], stem: 'قال' };
  assert.equal(b.shape?.stem, 'قال');
});

test('tells apart surfaces whose keys are equal: أحمد and احمد share a key, not an entry', () => {
  const text = 'أحمد احمد';
  const cache = new SurfaceCache();
  const a = cache.at(text, 0, 4, hashRange(text, 0, 4));
  const b = cache.at(text, 5, 9, hashRange(text, 5, 9));
  assert.notEqual(a, b);
  assert.equal(a.key, b.key);
});
