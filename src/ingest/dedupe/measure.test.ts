import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { seededRandom } from '../../core/random.ts';
import { sharedDataDir } from '../../corpus/shared-data.ts';
import { EDIT_KINDS, editPair, formatReport, measureSimhash, shingleJaccard } from './measure.ts';

const skip = existsSync(join(sharedDataDir(), 'saudinewsnet/dataset'))
  ? false
  : `SaudiNewsNet not found under ${sharedDataDir()}`;

/** Synthetic articles: sentences drawn from a shared vocabulary, so different articles differ. */
function syntheticArticles(n: number): { id: string; text: string }[] {
  const random = seededRandom(2);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `كلمة${i}`);
  return Array.from({ length: n }, (_, a) => {
    const sentences = Array.from({ length: 8 }, () => {
      const words = Array.from({ length: 15 }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
      return `${words.join(' ')}.`;
    });
    return { id: `s${a}`, text: sentences.join(' ') };
  });
}

describe('editPair', () => {
  const text = 'الجملة الأولى هنا. الجملة الثانية هناك. الجملة الثالثة أيضا.';
  test('each edit changes the copy as described', () => {
    const random = seededRandom(1);
    const drop = editPair(text, 'drop', random)!;
    assert.equal(drop.original, text);
    assert.equal(drop.copy.split('. ').length, 2);
    const date = editPair(text, 'date', random)!;
    assert.notEqual(date.original.split('\n')[0], date.copy.split('\n')[0]);
    assert.equal(date.original.split('\n')[1], text);
    assert.equal(date.copy.split('\n')[1], text);
    const ad = editPair(text, 'ad', random)!;
    assert.ok(ad.copy.startsWith(`${text}\n`) && ad.copy.length > text.length + 40);
    assert.equal(editPair('جملة واحدة فقط', 'drop', random), undefined);
  });
});

describe('measureSimhash', () => {
  test('on synthetic articles: edits are close, different articles far, the table adds up', () => {
    const report = measureSimhash({ articles: syntheticArticles(300), maxThreshold: 8 });
    assert.equal(report.articles, 300);
    assert.equal(report.differentPairs, (300 * 299) / 2);
    for (const kind of EDIT_KINDS) assert.equal(report.editedPairs[kind], 300);
    assert.equal(report.rows.length, 9);
    const at = (t: number) => report.rows[t]!;
    assert.equal(at(8).falsePairs, 0);
    assert.ok(at(8).recall.date > 0.8, `date recall ${at(8).recall.date}`);
    for (let t = 1; t < report.rows.length; t++) assert.ok(at(t).recallAll >= at(t - 1).recallAll);
    for (const row of report.rows) assert.ok(row.recallBanded <= row.recallAll);
    const total = report.differentHistogram.reduce((a, b) => a + b, 0);
    assert.equal(total, report.differentPairs);
    const table = formatReport(report);
    assert.match(table, /\| ≤ bits \| recall: drop/);
    assert.equal(table.split('\n').filter((line) => /^\| \d+ \|/.test(line)).length, 9);
  });

  test('on SaudiNewsNet (300 articles): edits come far closer than different articles', { skip }, () => {
    const report = measureSimhash({ limit: 300 });
    assert.ok(report.articles > 250);
    const p1 = report.differentHistogram.findIndex(
      (_, d) =>
        report.differentHistogram.slice(0, d + 1).reduce((a, b) => a + b, 0) >= 0.01 * report.differentPairs,
    );
    assert.ok(p1 >= 16, `1st percentile of different pairs at ${p1} bits`);
    assert.ok(report.rows[6]!.recall.date > 0.7);
    assert.equal(report.rows[6]!.falsePairs, 0);
  });
});

describe('shingleJaccard', () => {
  test('overlap of word 3-shingle sets', () => {
    assert.equal(shingleJaccard(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']), 1);
    assert.equal(shingleJaccard(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'e']), 1 / 3);
    assert.equal(shingleJaccard(['a'], ['b']), 0);
  });
});
