import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { WordShape } from '../core/doc.ts';
import { MarsadError } from '../core/errors.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { CLUSTERS_FILE, cliticParts, clustersFromEntries, loadClusters, strippedForm } from './clusters.ts';

const SHIPPED = fileURLToPath(new URL('../../models/clusters/', import.meta.url));
const analyze = createTextAnalyzer(loadLexicon());

/** The stripped form of every word of `text`, as the text layer shapes it. */
function formsOf(text: string): string[] {
  const { tokens, words } = analyze(text);
  return tokens.flatMap((t, i) =>
    t.kind === 'word' ? [strippedForm(text.slice(t.start, t.end), words[i]!)] : [],
  );
}

/** Share of pairs (one from each list, or distinct pairs within one list) whose cluster at `level` is the same. */
function sharedShare(level: 0 | 1 | 2, a: readonly string[], b?: readonly string[]): number {
  const clusters = loadClusters();
  const id = (form: string) => {
    const ids = clusters.of(form);
    assert.ok(ids, `${form} has clusters`);
    return ids[level];
  };
  let same = 0;
  let pairs = 0;
  for (let i = 0; i < a.length; i++) {
    const others = b ?? a.slice(i + 1);
    for (const other of others) {
      pairs++;
      if (id(a[i]!) === id(other)) same++;
    }
  }
  return same / pairs;
}

describe('strippedForm', () => {
  test('gives و|بال|هجوم and الهجوم the one form هجوم, vowel marks and tatweel aside', () => {
    assert.deepEqual(formsOf('وبالهجوم الهجوم وَبِالْهُجُومِ وبـالهجوم هجوم'), [
      'هجوم',
      'هجوم',
      'هجوم',
      'هجوم',
      'هجوم',
    ]);
  });

  test('takes off ل, لل, و and the future س but keeps names whole', () => {
    assert.deepEqual(formsOf('لروسيا وروسيا للعراق وسيعقد بوتين'), [
      'روسيا',
      'روسيا',
      'عراق',
      'يعقد',
      'بوتين',
    ]);
  });

  test('takes off a pronoun suffix: كتابهم → كتاب, نشرتها → نشرت', () => {
    assert.deepEqual(formsOf('كتابهم نشرتها'), ['كتاب', 'نشرت']);
  });

  test('folds the form to its matching key: والمملكة → مملكه, إليها → الي', () => {
    assert.deepEqual(formsOf('والمملكة إليها'), ['مملكه', 'الي']);
  });

  test('keeps the whole key of a word that is nothing but clitics', () => {
    const allClitics: WordShape = {
      segments: [
        { start: 0, end: 1, role: 'prep' },
        { start: 1, end: 3, role: 'pron' },
      ],
      stem: 'بها',
    };
    assert.equal(strippedForm('بها', allClitics), 'بها');
  });

  test('gives the key for a token without a shape', () => {
    assert.equal(strippedForm('أحمد', null), 'احمد');
  });

  test('reports the clitics it took off, in key spelling', () => {
    const text = 'وَبِالْهُجُومِ نشرتها';
    const { tokens, words } = analyze(text);
    const parts = tokens.map((t, i) => cliticParts(text.slice(t.start, t.end), words[i]!));
    assert.deepEqual(parts, [
      { proclitics: 'وبال', form: 'هجوم', pronoun: '' },
      { proclitics: '', form: 'نشرت', pronoun: 'ها' },
    ]);
  });
});

describe('the shipped clusters', () => {
  const clusters = loadClusters();
  const countries = formsOf(
    'روسيا فرنسا إيران مصر سوريا العراق اليمن تركيا لبنان الصين بريطانيا ليبيا باكستان',
  );
  const verbs = formsOf('قال أكد أعلن أضاف أشار أوضح ذكر استقبل زار اجتمع');
  const givenNames = formsOf('محمد عبدالله أحمد خالد سلمان فيصل نايف سعود فهد');

  test('put country names in one c64 cluster far more often than chance (1 in 64)', () => {
    const share = sharedShare(0, countries);
    assert.ok(share >= 0.7, `${(share * 100).toFixed(0)} % of country pairs share c64`);
  });

  test('keep country names apart from reporting verbs', () => {
    const share = sharedShare(0, countries, verbs);
    assert.ok(share <= 0.05, `${(share * 100).toFixed(0)} % of country–verb pairs share c64`);
  });

  test('put reporting verbs together, and given names together, at c256', () => {
    const verbShare = sharedShare(1, verbs);
    const nameShare = sharedShare(1, givenNames);
    assert.ok(verbShare >= 0.3, `${(verbShare * 100).toFixed(0)} % of verb pairs share c256`);
    assert.ok(nameShare >= 0.7, `${(nameShare * 100).toFixed(0)} % of given-name pairs share c256`);
    assert.equal(sharedShare(1, givenNames, countries), 0);
  });

  test('give ids below 64, 256 and 1024', () => {
    for (const form of [...countries, ...verbs, ...givenNames]) {
      const [c64, c256, c1024] = clusters.of(form)!;
      assert.ok(c64 >= 0 && c64 < 64 && c256 >= 0 && c256 < 256 && c1024 >= 0 && c1024 < 1024, form);
    }
  });

  test('know nothing of a form news never wrote, nor of an unstripped key', () => {
    assert.equal(clusters.of('قثغظضشس'), undefined);
    assert.equal(clusters.of('الهجوم'), undefined, 'clusters are keyed by stripped forms');
    assert.ok(clusters.of('هجوم'));
  });

  test('hold as many forms as the manifest says', () => {
    const manifest = JSON.parse(readFileSync(join(SHIPPED, 'MANIFEST.json'), 'utf8'));
    assert.equal(clusters.size, manifest.files[CLUSTERS_FILE].entries);
    assert.ok(clusters.size > 30_000);
  });

  test('are read once and shared', () => {
    assert.equal(loadClusters(), clusters);
    assert.equal(loadClusters(SHIPPED), clusters);
  });
});

describe('damaged clusters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-clusters-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('are refused when the file does not match its checksum, with the command that rebuilds it', () => {
    const bad = join(dir, 'tampered');
    copyShipped(bad);
    const bytes = readFileSync(join(bad, CLUSTERS_FILE));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(join(bad, CLUSTERS_FILE), bytes);
    assert.throws(
      () => loadClusters(bad),
      (e: unknown) =>
        e instanceof MarsadError && e.code === 'DATA_CORRUPT' && e.message.includes('npm run build:clusters'),
    );
  });

  test('are reported missing when there is no manifest', () => {
    assert.throws(
      () => loadClusters(join(dir, 'empty')),
      (e: unknown) =>
        e instanceof MarsadError && e.code === 'DATA_MISSING' && e.message.includes('npm run build:clusters'),
    );
  });

  test('are reported missing when the manifest lists a file that is gone', () => {
    const gone = join(dir, 'gone');
    copyShipped(gone);
    rmSync(join(gone, CLUSTERS_FILE));
    assert.throws(
      () => loadClusters(gone),
      (e: unknown) => e instanceof MarsadError && e.code === 'DATA_MISSING',
    );
  });
});

describe('clusters from entries', () => {
  const clusters = clustersFromEntries([
    ['روسيا', [3, 12, 40]],
    ['قال', [5, 30, 200]],
  ]);

  test('answer for their forms and nothing else', () => {
    assert.deepEqual(clusters.of('روسيا'), [3, 12, 40]);
    assert.equal(clusters.of('فرنسا'), undefined);
    assert.equal(clusters.size, 2);
  });
});

function copyShipped(to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of ['MANIFEST.json', CLUSTERS_FILE]) copyFileSync(join(SHIPPED, name), join(to, name));
}
