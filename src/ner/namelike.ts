// How much a word looks like a name, from its letters alone: character-trigram models of the name
// lists (ANETAC's people, places and organisations) against one of ordinary news words. A foreign name
// the tagger never saw (سافاريان، نيستلروي) reads like ANETAC's names (-يان، -وف، -سكي) and unlike
// Arabic words of the same length; this carries to unseen names what the gazetteers give to listed
// ones. Built by scripts/build-gazetteer.ts into models/gazetteer/namelike.tsv.gz as trigram counts.

import { fileURLToPath } from 'node:url';
import { BoundedMap } from '../core/bounded-map.ts';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';

export const NAMELIKE_FILE = 'namelike.tsv.gz';
export const NAME_CLASSES = ['PER', 'LOC', 'ORG'] as const;
/** The class of ordinary words the name classes are weighed against. */
export const WORD_CLASS = 'WORD';
export type LetterClass = (typeof NAME_CLASSES)[number] | typeof WORD_CLASS;

const ORDER = 3;
const START = '^';
const END = '$';
/** Add-k smoothing over an alphabet of about this many letters. */
const SMOOTHING = 0.1;
const ALPHABET = 40;
/** The score is the log-ratio per letter, doubled and rounded into buckets −BUCKETS … +BUCKETS. */
const BUCKETS = 4;

/** Trigram and history counts of one class. */
export interface LetterCounts {
  readonly grams: ReadonlyMap<string, number>;
  readonly histories: ReadonlyMap<string, number>;
}

export function countLetters(words: Iterable<string>): LetterCounts {
  const grams = new Map<string, number>();
  const histories = new Map<string, number>();
  for (const word of words)
    for (const gram of trigrams(word)) {
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
      histories.set(gram.slice(0, -1), (histories.get(gram.slice(0, -1)) ?? 0) + 1);
    }
  return { grams, histories };
}

function* trigrams(word: string): Generator<string> {
  const padded = START.repeat(ORDER - 1) + word + END;
  for (let i = ORDER - 1; i < padded.length; i++) yield padded.slice(i - ORDER + 1, i + 1);
}

/** log P(last letter of `gram` | its history) under one class, add-k smoothed. */
function logTerm(counts: LetterCounts, gram: string): number {
  const seen = counts.grams.get(gram) ?? 0;
  const history = counts.histories.get(gram.slice(0, -1)) ?? 0;
  return Math.log((seen + SMOOTHING) / (history + SMOOTHING * ALPHABET));
}

export interface NameLikeness {
  /** The name class the word reads most like and how strongly, −BUCKETS … +BUCKETS (0: no more than a word). */
  of(word: string): { readonly score: number; readonly type: (typeof NAME_CLASSES)[number] };
}

const CLASSES = [WORD_CLASS, ...NAME_CLASSES] as const;
/** Distinct trigrams whose terms are kept; news writes far fewer, so this only bounds odd input. */
const TERMS_LIMIT = 200_000;

export function nameLikenessFrom(models: Readonly<Record<LetterClass, LetterCounts>>): NameLikeness {
  // Every new token of the tagger asks, and words share their trigrams: each trigram's term under
  // every class is worked out once, then each class's terms are summed in the word's order, which
  // gives the very sums (and scores) of adding them up trigram by trigram, class by class.
  const terms = new BoundedMap<string, Float64Array>(TERMS_LIMIT);
  const termsOf = (gram: string) =>
    terms.get(gram) ??
    terms.set(
      gram,
      Float64Array.from(CLASSES, (c) => logTerm(models[c], gram)),
    );
  const sums = new Float64Array(CLASSES.length);
  return {
    of(word) {
      sums.fill(0);
      let n = 0;
      for (const gram of trigrams(word)) {
        const t = termsOf(gram);
        for (let c = 0; c < CLASSES.length; c++) sums[c]! += t[c]!;
        n++;
      }
      // Mean log-probability per letter of the word under each class, against ordinary words.
      const asWord = sums[0]! / n;
      let best = Number.NEGATIVE_INFINITY;
      let type: (typeof NAME_CLASSES)[number] = 'PER';
      NAME_CLASSES.forEach((c, i) => {
        const ratio = sums[i + 1]! / n - asWord;
        if (ratio > best) {
          best = ratio;
          type = c;
        }
      });
      return { score: Math.max(-BUCKETS, Math.min(BUCKETS, Math.round(best * 2))), type };
    },
  };
}

/** The model file's lines: `class<TAB>trigram<TAB>count`, sorted. */
export function serializeLetterCounts(models: Readonly<Record<LetterClass, LetterCounts>>): string[] {
  const lines: string[] = [];
  for (const c of [...NAME_CLASSES, WORD_CLASS] as const)
    for (const [gram, n] of models[c].grams) lines.push(`${c}\t${gram}\t${n}\n`);
  return lines.sort();
}

const DEFAULT_DIR = fileURLToPath(new URL('../../models/gazetteer/', import.meta.url));
const REBUILD = 'rebuild it with `npm run build:gazetteer`';

export const loadNameLikeness = loadOncePerFolder(DEFAULT_DIR, (dir) => {
  const byClass = new Map<string, [string, number][]>();
  for (const line of readModelFile(dir, NAMELIKE_FILE, REBUILD).split('\n')) {
    const [c, gram, n] = line.split('\t');
    if (c === undefined || gram === undefined || n === undefined) continue;
    const list = byClass.get(c) ?? [];
    list.push([gram, Number(n)]);
    byClass.set(c, list);
  }
  const counts = (c: LetterClass): LetterCounts => {
    const grams = new Map(byClass.get(c) ?? []);
    const histories = new Map<string, number>();
    for (const [gram, n] of grams)
      histories.set(gram.slice(0, -1), (histories.get(gram.slice(0, -1)) ?? 0) + n);
    return { grams, histories };
  };
  return nameLikenessFrom({
    PER: counts('PER'),
    LOC: counts('LOC'),
    ORG: counts('ORG'),
    WORD: counts(WORD_CLASS),
  });
});
