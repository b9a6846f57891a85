import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { seededRandom } from '../core/random.ts';
import { sharedDataDir } from '../corpus/shared-data.ts';
import { variantKey } from '../link/variant-key.ts';
import { matchKey } from '../text/normalize.ts';
import {
  englishVariantKey,
  entitiesOutsideSplits,
  evaluateGeneratedVariants,
  evaluateVariantKey,
  formatLinkReport,
  type KeyScores,
  LINK_KEYS,
  linkEvaluation,
  type NameKey,
  readAnetac,
  runLinkEvaluation,
  type TranslitEntry,
} from './link.ts';

const e = (english: string, arabic: string, split: TranslitEntry['split'] = 'train'): TranslitEntry => ({
  english,
  arabic,
  split,
});

/** Two variant sets, a repeated spelling that is no variant pair, and look-alikes of other names. */
const ENTRIES: readonly TranslitEntry[] = [
  e('Sergei', 'سيرجي'),
  e('Sergey', 'سيرغي', 'test'),
  e('Mitchel', 'ميتشيل'),
  e('Mitchell', 'ميتشل', 'dev'),
  e('Sami', 'سامي'),
  e('Samy', 'سامي', 'test'),
  e('Sumi', 'سومي'),
  e('Maria', 'ماريا', 'test'),
  e('Mario', 'ماريو'),
];

/** The same figures by looking at every pair. */
function bruteForce(entries: readonly TranslitEntry[], key: NameKey, inScope: (x: TranslitEntry) => boolean) {
  let variantPairs = 0;
  let joined = 0;
  let other = 0;
  let merged = 0;
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i]!;
      const b = entries[j]!;
      if (!inScope(a) && !inScope(b)) continue;
      const same = key(a.arabic) === key(b.arabic);
      if (englishVariantKey(a.english) !== englishVariantKey(b.english)) {
        other++;
        if (same) merged++;
      } else if (a.arabic !== b.arabic) {
        variantPairs++;
        if (same) joined++;
      }
    }
  }
  return { variantPairs, joined, other, merged };
}

describe('englishVariantKey', () => {
  test('joins spellings of one English name', () => {
    for (const [a, b] of [
      ['Sergei', 'Sergey'],
      ['Mitchel', 'Mitchell'],
      ['Stephon', 'Stefon'],
      ['Castrèn', 'Castren'],
      ['Jazaïry', 'Jazairi'],
      ['Fatimah', 'Fatima'],
      ['Abdoul', 'Abdul'],
    ])
      assert.equal(englishVariantKey(a!), englishVariantKey(b!), `${a} / ${b}`);
  });

  test('keeps accents on consonants, long vowels and a leading y', () => {
    for (const [a, b] of [
      ['Kovač', 'Kovac'],
      ['Sameer', 'Samer'],
      ['Yan', 'Ian'],
      ['Nazarbayev', 'Nazarbaev'],
    ])
      assert.notEqual(englishVariantKey(a!), englishVariantKey(b!), `${a} / ${b}`);
  });
});

describe('evaluateVariantKey', () => {
  const heldOut = (x: TranslitEntry) => x.split !== 'train';

  test('counts variant pairs with a held-out name, and merges of different names, by hand', () => {
    // Variant pairs: سيرجي/سيرغي and ميتشيل/ميتشل (سامي twice is one spelling, not a pair).
    // Different-name pairs with a held-out name: 36 pairs in all, less the 10 among the 5 train
    // names, less 3 pairs of one name (Sergei–Sergey, Mitchel–Mitchell, Sami–Samy) = 23. variantKey
    // merges سامي (Samy) with سومي (Sumi), and سامي (Sami) with سومي too, but only the first pair has
    // a held-out name.
    const v = evaluateVariantKey(ENTRIES, variantKey, heldOut);
    assert.deepEqual(v, {
      recall: 1,
      variantPairs: 2,
      variantPairsJoined: 2,
      falseMerge: 1 / 23,
      otherPairs: 23,
      otherPairsMerged: 1,
      namesWithFalseNeighbour: 1 / 4,
      names: 4,
    } satisfies KeyScores);
    const m = evaluateVariantKey(ENTRIES, matchKey, heldOut);
    assert.equal(m.recall, 0);
    assert.equal(m.otherPairsMerged, 0);
    assert.equal(m.namesWithFalseNeighbour, 0);
  });

  test('agrees with a pair-by-pair count on random data, for every key and scope', () => {
    const random = seededRandom(4);
    const letters = ['س', 'ص', 'ي', 'ا', 'ر', 'غ', 'ج', 'و', 'ن'];
    const englishes = ['Sam', 'Samm', 'Sami', 'Samy', 'Rin', 'Ryn', 'Jon', 'John'];
    const splits = ['train', 'dev', 'test'] as const;
    const entries = Array.from({ length: 60 }, () =>
      e(
        englishes[Math.floor(random() * englishes.length)]!,
        Array.from({ length: 2 + Math.floor(random() * 3) }, () => letters[Math.floor(random() * 9)]).join(
          '',
        ),
        splits[Math.floor(random() * 3)]!,
      ),
    );
    for (const key of Object.values(LINK_KEYS)) {
      for (const scope of [heldOut, () => true]) {
        const got = evaluateVariantKey(entries, key, scope);
        const want = bruteForce(entries, key, scope);
        assert.equal(got.variantPairs, want.variantPairs);
        assert.equal(got.variantPairsJoined, want.joined);
        assert.equal(got.otherPairs, want.other);
        assert.equal(got.otherPairsMerged, want.merged);
      }
    }
  });

  test('gives zeros, not NaN, when there is nothing to count', () => {
    const s = evaluateVariantKey([], variantKey);
    assert.equal(s.recall, 0);
    assert.equal(s.falseMerge, 0);
    assert.equal(s.namesWithFalseNeighbour, 0);
  });
});

describe('evaluateGeneratedVariants', () => {
  test('variantKey keeps every spelling rule and no contrast; matchKey keeps only its own folds', () => {
    const rows = evaluateGeneratedVariants(['سيرغي', 'ماريا', 'غوتيريش', 'فلاديمير'], {
      matchKey,
      variantKey,
    });
    for (const row of rows) {
      if (row.cases === 0) continue;
      assert.equal(row.sameKey.variantKey, row.kind === 'contrast' ? 0 : 1, row.rule);
    }
    const diacritics = rows.find((r) => r.rule === 'diacritic or tatweel')!;
    assert.equal(diacritics.cases, 4);
    assert.equal(diacritics.sameKey.matchKey, 1);
    assert.equal(rows.find((r) => r.rule.startsWith('g:'))!.sameKey.matchKey, 0);
    assert.equal(rows.find((r) => r.kind === 'chain')!.cases, 8);
  });
});

describe('linkEvaluation and formatLinkReport', () => {
  test('report held-out and tuning figures per key, and the generated rules', () => {
    const report = linkEvaluation(ENTRIES);
    assert.equal(report.entries, 9);
    assert.equal(report.heldOutEntries, 4);
    assert.deepEqual(Object.keys(report.heldOut), ['exact', 'matchKey', 'variantKey']);
    assert.equal(report.heldOut.variantKey!.variantPairs, 2);
    assert.equal(report.tuning.variantKey!.variantPairs, 0);
    assert.equal(report.generatedNames, 4);
    const text = formatLinkReport(report);
    assert.match(
      text,
      /\(a\) Held-out real variants .*: 2 variant pairs; 23 pairs of different names; 4 names/,
    );
    assert.match(text, /variantKey +100\.0%/);
    assert.match(text, /\(b\) Generated variants of the 4 held-out Arabic spellings/);
    assert.match(text, /contrast rules/);
  });
});

describe('readAnetac', () => {
  test('pairs the .en and .ar lines of each split and rejects files that are not parallel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anetac-'));
    try {
      mkdirSync(join(dir, 'EN-AR Translit'));
      mkdirSync(join(dir, 'EN-AR NE'));
      const write = (name: string, text: string) => writeFileSync(join(dir, 'EN-AR Translit', name), text);
      write('train.en', 'Sergei\r\nMario\n');
      write('train.ar', 'سيرجي\r\nماريو\n');
      write('dev.en', 'Mitchell');
      write('dev.ar', 'ميتشل');
      write('test.en', '');
      write('test.ar', '');
      writeFileSync(
        join(dir, 'EN-AR NE', 'EN-AR Named-entities.txt'),
        'PERSON Sergei سيرجي\nPERSON Ivan إيفان\n',
      );
      const entries = readAnetac(dir);
      assert.deepEqual(entries, [e('Sergei', 'سيرجي'), e('Mario', 'ماريو'), e('Mitchell', 'ميتشل', 'dev')]);
      assert.equal(entitiesOutsideSplits(entries, dir), 1);
      write('test.en', 'Maria\n');
      assert.throws(
        () => readAnetac(dir),
        (err) => err instanceof MarsadError && err.code === 'DATA_CORRUPT',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const anetac = join(sharedDataDir(), 'anetac');
  const skip = existsSync(anetac) ? false : `ANETAC not found under ${sharedDataDir()}`;
  test('reads the shared copy: 79,924 names, every NE-file line in a split', { skip }, () => {
    const entries = readAnetac();
    assert.equal(entries.length, 79_924);
    assert.equal(entries.filter((x) => x.split !== 'train').length, 4_017);
    assert.equal(entitiesOutsideSplits(entries), 0);
  });

  test('runLinkEvaluation returns the report as text or JSON', { skip }, () => {
    const json = JSON.parse(runLinkEvaluation({ json: true }));
    assert.ok(json.heldOut.variantKey.recall > json.heldOut.matchKey.recall);
  });
});
