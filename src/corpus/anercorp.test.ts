import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { entitySpans, readTagged, type TaggedSentence } from '../eval/conll.ts';
import { ANERCORP_TEST_FIRST_LINE, anercorpTestText, readAnercorpSplits } from './anercorp.ts';
import { SHARED_DATA_ENV, sharedDataDir } from './shared-data.ts';

const FILE = join(sharedDataDir(), 'anercorp/ANERCorp');
const skip = existsSync(FILE) ? false : `ANERcorp not found under ${sharedDataDir()}`;

const tokenCount = (sentences: readonly TaggedSentence[]) =>
  sentences.reduce((n, s) => n + s.tokens.length, 0);

function entityCounts(sentences: readonly TaggedSentence[]): Record<string, number> {
  const counts: Record<string, number> = { PER: 0, LOC: 0, ORG: 0, MISC: 0 };
  for (const s of sentences) for (const e of entitySpans(s.tags)) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}

describe('ANERcorp in the CAMeL Lab split', { skip }, () => {
  const splits = skip ? { train: [], dev: [], test: [] } : readAnercorpSplits();
  const { train, dev, test: testSplit } = splits;

  test('the test part is CAMeL’s: 25,008 tokens from line 125,278 on, opened by its stray full stop', () => {
    assert.equal(tokenCount(testSplit), 25_008);
    assert.equal(testSplit.length, 931);
    assert.deepEqual(testSplit[0]!.tokens.slice(0, 5), ['.', 'المفرق', '-', 'غيث', 'الطراونة']);
    assert.deepEqual(testSplit[0]!.tags.slice(0, 5), ['O', 'B-LOC', 'O', 'B-PER', 'I-PER']);
    const raw = anercorpTestText().split('\n');
    assert.equal(raw.length, 25_008);
    assert.equal(raw[0], '. O');
    assert.equal(raw[0], readFileSync(FILE, 'utf8').split('\n')[ANERCORP_TEST_FIRST_LINE - 1]);
  });

  test('dev holds the last 10 % of the train sentences, and train the rest', () => {
    assert.equal(train.length, 3_548);
    assert.equal(dev.length, 394);
    assert.equal(tokenCount(train), 111_315);
    assert.equal(tokenCount(dev), 13_770);
    assert.deepEqual(dev.at(-1)!.tokens.slice(-3), ['مختلف', 'أنحاء', 'المصنع'], 'cut before its full stop');
  });

  test('train, dev and test together hold every parseable line of the file once, in file order', () => {
    const whole = readTagged(readFileSync(FILE, 'utf8'));
    assert.equal(whole.malformed, 192, 'the merged line, 5 lines without a token, 186 lone U+200F tokens');
    const parseable = 150_285 - whole.malformed;
    assert.equal(tokenCount(train) + tokenCount(dev) + tokenCount(testSplit), parseable);
    const flat = (sentences: readonly TaggedSentence[]) => sentences.flatMap((s) => s.tokens);
    assert.deepEqual(
      [...train, ...dev, ...testSplit].flatMap((s) => s.tokens),
      flat(whole.sentences),
    );
  });

  test('cuts by line number first, so no sentence crosses the train/test line or sits in two splits', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    const before = readTagged(lines.slice(0, ANERCORP_TEST_FIRST_LINE - 1).join('\n')).sentences;
    assert.deepEqual([...train, ...dev], before);
    assert.deepEqual(testSplit, readTagged(anercorpTestText()).sentences);
  });

  test('counts the entities of each split', () => {
    assert.deepEqual(entityCounts(train), { PER: 2_386, LOC: 3_464, ORG: 1_269, MISC: 785 });
    assert.deepEqual(entityCounts(dev), { PER: 338, LOC: 315, ORG: 316, MISC: 108 });
    assert.deepEqual(entityCounts(testSplit), { PER: 884, LOC: 657, ORG: 450, MISC: 230 });
  });
});

test('refuses a copy of ANERCorp whose lines do not fit the split, rather than cutting it in the wrong place', () => {
  const root = mkdtempSync(join(tmpdir(), 'marsad-anercorp-'));
  const saved = process.env[SHARED_DATA_ENV];
  try {
    mkdirSync(join(root, 'anercorp'));
    writeFileSync(join(root, 'anercorp/ANERCorp'), 'أعلن O\nاتحاد B-ORG\n. O');
    process.env[SHARED_DATA_ENV] = root;
    assert.throws(
      () => readAnercorpSplits(),
      (e: unknown) => e instanceof MarsadError && e.code === 'DATA_CORRUPT' && e.message.includes('3 lines'),
    );
  } finally {
    if (saved === undefined) delete process.env[SHARED_DATA_ENV];
    else process.env[SHARED_DATA_ENV] = saved;
    rmSync(root, { recursive: true });
  }
});
