// Stemming accuracy: our light stemmer beside the Snowball Arabic stemmer on the same word lists.
// Stems are compared as matching keys, so hamza seats and ta marbuta spelling do not count as errors.

import { readFileSync } from 'node:fs';
import { matchKey } from '../text/normalize.ts';

export interface StemCase {
  readonly word: string;
  readonly stem: string;
}

export type Stemmer = (word: string) => string;

export interface StemmingScore {
  readonly cases: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly errors: readonly { word: string; expected: string; got: string }[];
}

export function scoreStemmer(cases: readonly StemCase[], stem: Stemmer): StemmingScore {
  const errors: { word: string; expected: string; got: string }[] = [];
  for (const { word, stem: expected } of cases) {
    const got = stem(word);
    if (matchKey(got) !== matchKey(expected)) errors.push({ word, expected, got });
  }
  const correct = cases.length - errors.length;
  return { cases: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, errors };
}

/** golden_corpus_arabic: words.txt and stems.txt are line-aligned. */
export function readGoldenCorpus(dir: string): StemCase[] {
  const words = readFileSync(`${dir}/words.txt`, 'utf8').split('\n');
  const stems = readFileSync(`${dir}/stems.txt`, 'utf8').split('\n');
  const cases: StemCase[] = [];
  words.forEach((w, i) => {
    const word = w.trim();
    const stem = stems[i]?.trim();
    if (word && stem) cases.push({ word, stem });
  });
  return cases;
}

/** A `word<TAB>stem` list; lines starting with # are comments. */
export function readStemList(path: string): StemCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [word = '', stem = ''] = line.split('\t');
      return { word: word.trim(), stem: stem.trim() };
    });
}
