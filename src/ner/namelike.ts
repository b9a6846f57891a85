// How much a word looks like a name, from its letters alone: character-trigram models of the name
// lists (ANETAC's people, places and organisations) against one of ordinary news words. A foreign name
// the tagger never saw (سافاريان، نيستلروي) reads like ANETAC's names (-يان، -وف، -سكي) and unlike
// Arabic words of the same length; this carries to unseen names what the gazetteers give to listed
// ones. Built by scripts/build-gazetteer.ts into models/gazetteer/namelike.tsv.gz as trigram counts.

import { fileURLToPath } from 'node:url';
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

const CLASSES = [WORD_CLASS, ...NAME_CLASSES] as const;

/**
 * The letters (UTF-16 code units) the models' trigrams are written in, padding marks included. At most
 * 255 fit the table of nameLikenessFrom; a model in more would be a model of some other script.
 */
function lettersOf(models: Readonly<Record<LetterClass, LetterCounts>>): string[] {
  const letters = new Set<string>([START, END]);
  for (const c of CLASSES)
    for (const gram of models[c].grams.keys()) for (let i = 0; i < gram.length; i++) letters.add(gram[i]!);
  if (letters.size > 255) throw new RangeError(`name-likeness model: ${letters.size} letters, at most 255`);
  return [...letters].sort();
}

export interface NameLikeness {
  /** The name class the word reads most like and how strongly, −BUCKETS … +BUCKETS (0: no more than a word). */
  of(word: string): { readonly score: number; readonly type: (typeof NAME_CLASSES)[number] };
}

export function nameLikenessFrom(models: Readonly<Record<LetterClass, LetterCounts>>): NameLikeness {
  // Every new token of the tagger asks, and words share their trigrams. The models' trigrams are
  // written in a few dozen letters (the padding marks among them), so a trigram is three small
  // numbers, every letter outside them the same one: a term depends on the counts of the trigram
  // and of its history, which are 0 for every trigram holding such a letter. Each trigram's term
  // under every class is worked out once, on first use, into a table indexed by those numbers; then
  // each class's terms are summed in the word's order, which gives the very sums (and scores) of
  // adding them up trigram by trigram, class by class, with no trigram string made or hashed.
  const alphabet = lettersOf(models);
  const letterIndex = new Uint8Array(0x10000);
  alphabet.forEach((letter, i) => {
    letterIndex[letter.charCodeAt(0)] = i + 1;
  });
  // Stands for every letter outside the alphabet when a term is worked out: one that is not in it.
  let other = 0xffff;
  while (letterIndex[other] !== 0) other--;
  const OTHER = String.fromCharCode(other);
  const letterOf = (i: number) => (i === 0 ? OTHER : alphabet[i - 1]!);
  const B = alphabet.length + 1;
  const C = CLASSES.length;
  const terms = new Float64Array(B * B * B * C);
  const known = new Uint8Array(B * B * B);
  const termsAt = (a: number, b: number, c: number) => {
    const at = (a * B + b) * B + c;
    if (known[at] === 0) {
      const gram = letterOf(a) + letterOf(b) + letterOf(c);
      CLASSES.forEach((k, i) => {
        terms[at * C + i] = logTerm(models[k], gram);
      });
      known[at] = 1;
    }
    return at * C;
  };
  const start = letterIndex[START.charCodeAt(0)]!;
  const end = letterIndex[END.charCodeAt(0)]!;
  const sums = new Float64Array(C);
  return {
    of(word) {
      sums.fill(0);
      // The trigrams of START START word END, as trigrams() cuts them.
      let a = start;
      let b = start;
      const n = word.length + 1;
      for (let k = 0; k < n; k++) {
        const c = k < word.length ? letterIndex[word.charCodeAt(k)]! : end;
        const at = termsAt(a, b, c);
        for (let i = 0; i < C; i++) sums[i]! += terms[at + i]!;
        a = b;
        b = c;
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
