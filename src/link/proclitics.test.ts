import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingFilter, readingsWithoutProclitics } from './proclitics.ts';

const KEYS = ['روسيا', 'الامم', 'موسكو', 'لافروف', 'الناتو', 'بريكس', 'يريفان', 'ارمينيا', 'سي'];
const FRONTS = [
  '',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'لل',
  'ولل',
  'فلل',
  'ال',
  'وال',
  'بال',
];

test('the filter lets through every word one of whose readings is a key', () => {
  const filter = readingFilter(KEYS);
  const keys = new Set(KEYS);
  for (const key of KEYS)
    for (const front of FRONTS)
      for (const word of [front + key, front + key.replace(/^ال/, '')]) {
        const matches = readingsWithoutProclitics(word).some((r) => keys.has(r.key));
        if (matches) assert.ok(filter.mayMatch(word), word);
      }
  // As many keys as the knowledge base's names begin with, made up: none is ever turned away.
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const made = Array.from({ length: 3000 }, (_, n) =>
    Array.from({ length: 3 + (n % 5) }, (_, k) => letters[(n * 7 + k * 13 + (n >> k)) % letters.length]).join(
      '',
    ),
  );
  const many = readingFilter(made);
  const madeKeys = new Set(made);
  for (const key of made)
    for (const front of FRONTS) {
      const word = front + key;
      if (readingsWithoutProclitics(word).some((r) => madeKeys.has(r.key)))
        assert.ok(many.mayMatch(word), word);
    }
  // للامم reads as الامم, ولروسيا as روسيا.
  assert.ok(filter.mayMatch('للامم') && filter.mayMatch('ولروسيا') && filter.mayMatch('سي'));
});

test('the filter turns away words none of whose readings is a key', () => {
  const filter = readingFilter(KEYS);
  const keys = new Set(KEYS);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let seed = 7;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  let others = 0;
  let letThrough = 0;
  for (let n = 0; n < 5000; n++) {
    const length = 2 + (next() % 8);
    const word = Array.from({ length }, () => letters[next() % letters.length]).join('');
    if (readingsWithoutProclitics(word).some((r) => keys.has(r.key))) continue;
    others++;
    if (filter.mayMatch(word)) letThrough++;
  }
  assert.ok(others > 4900);
  assert.ok(letThrough <= others / 1000, `${letThrough} of ${others} let through`);
  assert.equal(filter.mayMatch('الاجتماع'), false);
  assert.equal(filter.mayMatch('روسي'), false);
});
