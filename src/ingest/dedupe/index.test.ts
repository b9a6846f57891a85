import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../core/random.ts';
import {
  DuplicateIndex,
  type Fingerprint,
  fingerprint,
  fingerprintDistance,
  NEAR_DUPLICATE_BITS,
} from './index.ts';
import { packSimhash } from './simhash.ts';

const ARTICLE = [
  'التقى وزير الخارجية الروسي سيرغي لافروف نظيره البيلاروسي في مينسك يوم الجمعة لبحث التعاون الثنائي.',
  'وقال لافروف في مؤتمر صحفي مشترك إن البلدين ملتزمان بتعزيز الشراكة الاستراتيجية في المجالات كافة.',
  'وأضاف أن الجانبين ناقشا الوضع في أوكرانيا والعلاقات مع الاتحاد الأوروبي وحلف شمال الأطلسي.',
  'من جهته أكد الوزير البيلاروسي أن بلاده ستواصل التنسيق مع موسكو في المحافل الدولية.',
  'وتأتي الزيارة في إطار جولة يقوم بها لافروف تشمل عددا من دول رابطة الدول المستقلة.',
  'وكانت العاصمة البيلاروسية قد استضافت الشهر الماضي اجتماعا لوزراء دفاع الرابطة.',
  'وشدد الوزيران على أهمية الحوار السياسي المنتظم بين البلدين على أعلى المستويات.',
  'واتفقا على عقد الجولة المقبلة من المشاورات في موسكو قبل نهاية العام الجاري.',
].join(' ');

const OTHER =
  'أعلنت هيئة الأرصاد الجوية أن درجات الحرارة ستشهد ارتفاعا ملحوظا في المناطق الشرقية خلال الأيام المقبلة ودعت المواطنين إلى الحذر.';

/** A fingerprint with a chosen SimHash, to test the index without depending on real texts. */
function synthetic(n: number, hi: number, lo: number): Fingerprint {
  return { contentHash: `h${n}`, simhash: packSimhash({ hi, lo }) };
}

describe('DuplicateIndex', () => {
  test('new, exact and near duplicates', () => {
    const index = new DuplicateIndex();
    assert.equal(index.check('a', fingerprint(ARTICLE)), undefined);
    assert.equal(index.check('b', fingerprint(OTHER)), undefined);
    assert.deepEqual(index.check('c', fingerprint(`\n${ARTICLE.replace(/أ/g, 'ا')}  `)), {
      kind: 'exact',
      id: 'a',
      distance: 0,
    });
    const edited = `الرياض - الأحد 9 أغسطس 2015\n${ARTICLE}\nتابعونا على تويتر.`;
    const near = index.check('d', fingerprint(edited));
    assert.equal(near?.kind, 'near');
    assert.equal(near?.id, 'a');
    assert.ok(near.distance <= NEAR_DUPLICATE_BITS);
    assert.equal(near.distance, fingerprintDistance(fingerprint(ARTICLE), fingerprint(edited)));
    // Exact duplicates are not stored again; near ones are.
    assert.equal(index.size, 3);
  });

  test('find adds nothing; the nearest match wins, the earliest on a tie', () => {
    const index = new DuplicateIndex({ exhaustive: true });
    index.add('far', synthetic(1, 0, 0b111111));
    index.add('first', synthetic(2, 0, 0b11));
    index.add('second', synthetic(3, 0, 0b1100));
    assert.deepEqual(index.find(synthetic(4, 0, 0)), { kind: 'near', id: 'first', distance: 2 });
    assert.equal(index.size, 3);
    assert.equal(index.find(synthetic(5, 0xffffffff, 0)), undefined);
  });

  test('bands find everything within 3 bits; a full scan also finds 4 to 6', () => {
    const banded = new DuplicateIndex();
    const scanning = new DuplicateIndex({ exhaustive: true });
    const stored = synthetic(1, 0, 0);
    banded.add('x', stored);
    scanning.add('x', stored);
    assert.deepEqual(banded.find(synthetic(2, 0, 0b111)), { kind: 'near', id: 'x', distance: 3 });
    // 4 bits apart, one in each 16-bit band: no band in common, so only the scan sees it.
    const spread = synthetic(3, 1 | (1 << 16), 1 | (1 << 16));
    assert.equal(banded.find(spread), undefined);
    assert.deepEqual(scanning.find(spread), { kind: 'near', id: 'x', distance: 4 });
    // 7 bits is past the threshold for both.
    assert.equal(scanning.find(synthetic(4, 0, 0b1111111)), undefined);
  });

  test('the maxDistance option and growth past the initial capacity', () => {
    const index = new DuplicateIndex({ maxDistance: 0, exhaustive: true });
    const random = seededRandom(11);
    for (let i = 0; i < 5000; i++)
      index.add(`id${i}`, synthetic(i, Math.floor(random() * 2 ** 32), Math.floor(random() * 2 ** 32)));
    assert.equal(index.size, 5000);
    assert.equal(index.find(synthetic(-1, 0, 1)), undefined);
    const again = seededRandom(11);
    const hi = Math.floor(again() * 2 ** 32);
    const lo = Math.floor(again() * 2 ** 32);
    assert.deepEqual(index.find(synthetic(-2, hi, lo)), { kind: 'near', id: 'id0', distance: 0 });
  });

  test('a full scan of 200,000 hashes takes milliseconds', () => {
    const index = new DuplicateIndex({ exhaustive: true });
    const random = seededRandom(5);
    for (let i = 0; i < 200_000; i++)
      index.add(`id${i}`, synthetic(i, Math.floor(random() * 2 ** 32), Math.floor(random() * 2 ** 32)));
    const started = performance.now();
    for (let q = 0; q < 10; q++) index.find(synthetic(-q, q, q));
    const perQuery = (performance.now() - started) / 10;
    assert.ok(perQuery < 50, `${perQuery.toFixed(1)} ms per lookup`);
  });
});
