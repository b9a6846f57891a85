import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../core/random.ts';
import {
  contentHash,
  dedupeText,
  dedupeWords,
  fnv1a64,
  hammingDistance,
  hammingDistanceParts,
  lshBands,
  packSimhash,
  popcount32,
  simhash,
  simhashHex,
  simhashWords,
  unpackSimhash,
} from './simhash.ts';

const ARTICLE = [
  'التقى وزير الخارجية الروسي سيرغي لافروف نظيره البيلاروسي في مينسك يوم الجمعة لبحث التعاون الثنائي.',
  'وقال لافروف في مؤتمر صحفي مشترك إن البلدين ملتزمان بتعزيز الشراكة الاستراتيجية في المجالات كافة.',
  'وأضاف أن الجانبين ناقشا الوضع في أوكرانيا والعلاقات مع الاتحاد الأوروبي وحلف شمال الأطلسي.',
  'من جهته أكد الوزير البيلاروسي أن بلاده ستواصل التنسيق مع موسكو في المحافل الدولية.',
  'وتأتي الزيارة في إطار جولة يقوم بها لافروف تشمل عددا من دول رابطة الدول المستقلة.',
  'وكانت العاصمة البيلاروسية قد استضافت الشهر الماضي اجتماعا لوزراء دفاع الرابطة.',
].join(' ');

const OTHER = [
  'أعلنت هيئة الأرصاد الجوية أن درجات الحرارة ستشهد ارتفاعا ملحوظا في المناطق الشرقية خلال الأيام المقبلة.',
  'ودعت الهيئة المواطنين إلى تجنب التعرض المباشر لأشعة الشمس في ساعات الظهيرة وشرب كميات كافية من الماء.',
  'وتوقعت أن تصل درجات الحرارة العظمى إلى ما يقارب الخمسين درجة مئوية في بعض المحافظات.',
].join(' ');

describe('fnv1a64', () => {
  test('matches the published FNV-1a 64 test vectors on ASCII', () => {
    const out = new Uint32Array(2);
    for (const [input, expected] of [
      ['', 'cbf29ce484222325'],
      ['a', 'af63dc4c8601ec8c'],
      ['foobar', '85944171f73967e8'],
    ] as const) {
      fnv1a64(input, out, 0);
      assert.equal(out[0]!.toString(16).padStart(8, '0') + out[1]!.toString(16).padStart(8, '0'), expected);
    }
  });
});

describe('contentHash', () => {
  test('ignores diacritics, tatweel, letter variants and whitespace; sees words', () => {
    const base = contentHash('قال الرئيس إن المحادثات مستمرة');
    assert.equal(contentHash('  قالَ   الرئيسُ\nإنّ المحادثـــات مستمرة '), base);
    assert.equal(contentHash('قال الرئيس ان المحادثات مستمره'), base);
    assert.notEqual(contentHash('قال الرئيس إن المحادثات متوقفة'), base);
    assert.match(base, /^[0-9a-f]{32}$/);
  });

  test('dedupeText and dedupeWords', () => {
    assert.equal(dedupeText(' أَحمد\t\tو  ٣ '), 'احمد و 3');
    assert.deepEqual(dedupeWords('قال: «نعم»، 2024!'), ['قال', 'نعم', '2024']);
  });
});

describe('simhash', () => {
  test('identical and folded-identical texts have the same hash; different texts are far apart', () => {
    assert.equal(simhash(ARTICLE), simhash(`  ${ARTICLE.replace(/ا/g, 'أ')}  `));
    assert.ok(hammingDistance(simhash(ARTICLE), simhash(OTHER)) > 16);
  });

  test('a light edit moves few bits', () => {
    const withAd = `${ARTICLE} تابعونا على تويتر.`;
    assert.ok(hammingDistance(simhash(ARTICLE), simhash(withAd)) <= 6);
  });

  test('short texts: no words is 0, one or two words is one shingle', () => {
    assert.equal(simhash(''), 0n);
    assert.equal(simhash('...'), 0n);
    assert.notEqual(simhash('كلمة'), 0n);
    assert.notEqual(simhash('كلمة'), simhash('كلمة أخرى'));
  });

  // 31 words make 29 shingles: an odd count, so no bit is a tie (ties give 0).
  test('bits are balanced over random texts (the shingle hash mixes well)', () => {
    const random = seededRandom(7);
    const vocabulary = dedupeWords(ARTICLE + OTHER);
    const ones = new Array<number>(64).fill(0);
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const words = Array.from({ length: 31 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      const { hi, lo } = simhashWords(words);
      for (let b = 0; b < 32; b++) {
        ones[b]! += (lo >>> b) & 1;
        ones[b + 32]! += (hi >>> b) & 1;
      }
    }
    for (const count of ones) assert.ok(count > 0.4 * n && count < 0.6 * n, `bit set ${count} of ${n} times`);
  });

  test('fast enough: 2,000 articles of 400 words in well under a second', () => {
    const words = dedupeWords(ARTICLE);
    const long = Array.from({ length: 400 }, (_, i) => words[(i * 7) % words.length]!);
    const started = performance.now();
    for (let i = 0; i < 2000; i++) simhashWords(long);
    const ms = performance.now() - started;
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
  });
});

describe('hammingDistance and bands', () => {
  test('counts differing bits', () => {
    assert.equal(hammingDistance(0n, 0n), 0);
    assert.equal(hammingDistance(0n, 0xffffffffffffffffn), 64);
    assert.equal(hammingDistance(0b1011n, 0b0001n), 2);
    assert.equal(hammingDistance(1n << 63n, 1n), 2);
    assert.equal(hammingDistanceParts({ hi: 0x80000000, lo: 1 }, { hi: 0, lo: 0 }), 2);
    assert.equal(popcount32(0xffffffff), 32);
  });

  test('pack, unpack and hex round-trip', () => {
    const hash = 0x0123456789abcdefn;
    assert.deepEqual(unpackSimhash(hash), { hi: 0x01234567, lo: 0x89abcdef });
    assert.equal(packSimhash(unpackSimhash(hash)), hash);
    assert.equal(simhashHex(0xabn), '00000000000000ab');
  });

  test('four 16-bit bands with distinct key ranges', () => {
    assert.deepEqual(lshBands(0x0123456789abcdefn), [
      0xcdef,
      0x10000 + 0x89ab,
      0x20000 + 0x4567,
      0x30000 + 0x0123,
    ]);
  });

  test('every pair within 3 bits shares a band (pigeonhole)', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 2000; trial++) {
      const hash = packSimhash({ hi: Math.floor(random() * 2 ** 32), lo: Math.floor(random() * 2 ** 32) });
      let other = hash;
      const flips = 1 + (trial % 3);
      const bits = new Set<number>();
      while (bits.size < flips) bits.add(Math.floor(random() * 64));
      for (const bit of bits) other ^= 1n << BigInt(bit);
      assert.equal(hammingDistance(hash, other), flips);
      const a = lshBands(hash);
      const b = lshBands(other);
      assert.ok(
        a.some((key, i) => key === b[i]),
        `no shared band for ${simhashHex(hash)} / ${simhashHex(other)}`,
      );
    }
  });
});
