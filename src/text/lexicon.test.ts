import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MarsadError } from '../core/errors.ts';
import { lexiconFromEntries, loadLexicon } from './lexicon.ts';
import { matchKey } from './normalize.ts';

const SHIPPED = fileURLToPath(new URL('../../models/lexicon/', import.meta.url));

describe('the shipped lexicon', () => {
  const lexicon = loadLexicon();

  test('knows التعاون as a frequent word', () => {
    assert.ok(lexicon.count('التعاون') > 1000, String(lexicon.count('التعاون')));
  });

  test('counts في as more frequent than التعاون', () => {
    assert.ok(lexicon.count('في') > lexicon.count('التعاون'));
  });

  test('counts المملكة, written with vowel marks and ة, under its key', () => {
    assert.equal(matchKey('المَمْلَكَة'), 'المملكه');
    assert.ok(lexicon.count(matchKey('المَمْلَكَة')) > 10_000);
  });

  test('knows بوتين as a name', () => {
    assert.ok(lexicon.isName('بوتين'));
    assert.ok(lexicon.isName(matchKey('بُوتِين')));
    assert.ok(lexicon.isName(matchKey('\u200fبوتين\u200f')), 'bidi marks vanish from the key');
  });

  test('knows إسرائيل, آسيا and موسى as names once folded to their keys', () => {
    assert.ok(lexicon.isName(matchKey('إسرائيل')));
    assert.ok(lexicon.isName(matchKey('آسيا')));
    assert.ok(lexicon.isName(matchKey('موسى')));
  });

  test('does not take function words or ال-words for names', () => {
    for (const key of ['في', 'من', 'علي', 'التي', 'التعاون', 'الرياض'])
      assert.equal(lexicon.isName(key), false, key);
  });

  test('counts 0 for a word it never saw', () => {
    assert.equal(lexicon.count('قثغظضشس'), 0);
    assert.equal(lexicon.isName('قثغظضشس'), false);
  });

  test('holds as many word keys as its manifest says', () => {
    const manifest = JSON.parse(readFileSync(join(SHIPPED, 'MANIFEST.json'), 'utf8'));
    assert.equal(lexicon.size, manifest.files['words.tsv.gz'].entries);
    assert.ok(lexicon.size > 50_000);
  });

  test('is read once and shared', () => {
    assert.equal(loadLexicon(), lexicon);
    assert.equal(loadLexicon(SHIPPED), lexicon);
  });
});

describe('a damaged lexicon', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-lexicon-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('is refused when a file does not match its checksum, with the command that rebuilds it', () => {
    const bad = join(dir, 'tampered');
    copyShipped(bad);
    const words = readFileSync(join(bad, 'words.tsv.gz'));
    words.writeUInt8(words.readUInt8(0) ^ 0xff, 0);
    writeFileSync(join(bad, 'words.tsv.gz'), words);
    assert.throws(
      () => loadLexicon(bad),
      (e: unknown) =>
        e instanceof MarsadError && e.code === 'DATA_CORRUPT' && e.message.includes('npm run build:lexicon'),
    );
  });

  test('is reported missing when there is no manifest', () => {
    assert.throws(
      () => loadLexicon(join(dir, 'empty')),
      (e: unknown) =>
        e instanceof MarsadError && e.code === 'DATA_MISSING' && e.message.includes('npm run build:lexicon'),
    );
  });
});

describe('a lexicon from entries', () => {
  const lexicon = lexiconFromEntries(
    [
      ['في', 300],
      ['التعاون', 40],
    ],
    ['بوتين', 'لافروف'],
  );

  test('counts its words and 0 for others', () => {
    assert.equal(lexicon.count('في'), 300);
    assert.equal(lexicon.count('التعاون'), 40);
    assert.equal(lexicon.count('روسيا'), 0);
    assert.equal(lexicon.size, 2);
  });

  test('knows its names and nothing else', () => {
    assert.ok(lexicon.isName('لافروف'));
    assert.equal(lexicon.isName('في'), false);
  });
});

function copyShipped(to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of ['MANIFEST.json', 'words.tsv.gz', 'names.txt.gz'])
    copyFileSync(join(SHIPPED, name), join(to, name));
}
