// ANERcorp (Benajiba 2007), read in place from the shared data folder, in the standard CAMeL Lab
// split: lines 1–125,277 train, 125,278–end test (anercorp/SOURCE.md tells how the split was
// recovered). The file is cut by line number before it is cut into sentences, so no sentence
// crosses the boundary: the train part ends on a sentence without its full stop, and the stray `.`
// of line 125,278 opens test sentence 1, as in CAMeL's test file (925 sentences, 25,008 tokens).

import { readFileSync } from 'node:fs';
import { fail } from '../core/errors.ts';
import { readTagged, type TaggedSentence } from '../eval/conll.ts';
import { requireSharedData } from './shared-data.ts';

export const ANERCORP_TEST_FIRST_LINE = 125_278;
/** The copy in shared/data (commit 5d9f998); the repository's later copy drops 4 lines. */
const ANERCORP_LINES = 150_285;
/** Share of the train sentences, the last ones, held out from training for tuning. */
const DEV_SHARE = 0.1;

export interface AnercorpSplits {
  readonly train: TaggedSentence[];
  readonly dev: TaggedSentence[];
  readonly test: TaggedSentence[];
}

/** Train (the first 90 % of CAMeL's train sentences), dev (the last 10 %) and CAMeL's test. */
export function readAnercorpSplits(): AnercorpSplits {
  const { trainText, testText } = splitLines();
  const all = readTagged(trainText).sentences;
  const devSize = Math.round(all.length * DEV_SHARE);
  return {
    train: all.slice(0, all.length - devSize),
    dev: all.slice(all.length - devSize),
    test: readTagged(testText).sentences,
  };
}

/** The raw lines of the test part, `token TAG` per line, for `marsad eval ner`. */
export function anercorpTestText(): string {
  return splitLines().testText;
}

function splitLines(): { trainText: string; testText: string } {
  const path = requireSharedData('anercorp/ANERCorp');
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const boundary = ANERCORP_TEST_FIRST_LINE - 1;
  if (lines.length !== ANERCORP_LINES || lines[boundary]?.trim() !== '. O') {
    throw fail(
      'DATA_CORRUPT',
      path,
      `${lines.length} lines, expected ${ANERCORP_LINES} with a lone \`. O\` on line ${ANERCORP_TEST_FIRST_LINE}`,
      'restore ANERCorp from commit 5d9f998 of ITE-5th/arabic-ner, as anercorp/SOURCE.md describes',
    );
  }
  return { trainText: lines.slice(0, boundary).join('\n'), testText: lines.slice(boundary).join('\n') };
}
