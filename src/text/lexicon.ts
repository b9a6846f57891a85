// The shipped lexicon (models/lexicon/, built by scripts/build-lexicon.ts): how often each Arabic
// word key occurs in SaudiNewsNet, and which keys are parts of person, place and organisation names.
// Keys are matching keys (token.norm, see normalize.ts). Files are checked against MANIFEST.json's
// sha256 before use, so a stale or hand-edited lexicon fails loudly instead of skewing results.

import { fileURLToPath } from 'node:url';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';
import { hashRange, StringTable } from '../core/string-table.ts';

export interface Lexicon {
  /** Occurrences of the key as a word in SaudiNewsNet; 0 when unseen or seen fewer than 3 times. */
  count(key: string): number;
  /** True when the key is one word of a known person, place or organisation name. */
  isName(key: string): boolean;
  /** Number of word keys with a count. */
  readonly size: number;
}

// This module sits two levels below the repository root both as src/text/*.ts and as dist/text/*.js.
const DEFAULT_DIR = fileURLToPath(new URL('../../models/lexicon/', import.meta.url));
const WORDS = 'words.tsv.gz';
const NAMES = 'names.txt.gz';
const REBUILD = 'rebuild it with `npm run build:lexicon` (node --import tsx scripts/build-lexicon.ts)';

/** The lexicon in `dir` (default `<repo>/models/lexicon`), read and verified on the first call only. */
export const loadLexicon = loadOncePerFolder(DEFAULT_DIR, readLexicon);

export function lexiconFromEntries(words: Iterable<[string, number]>, names: Iterable<string>): Lexicon {
  const builder = new LexiconBuilder();
  for (const [key, count] of words) builder.word(key, 0, key.length, count);
  for (const key of names) builder.name(key, 0, key.length);
  return builder.build();
}

/**
 * Keys live in a typed-array string table, not a Map: the clitic rules look keys up for every new
 * word, and each lookup in a large Map is several trips to main memory (see core/string-table.ts).
 */
class LexiconBuilder {
  private readonly keys = new StringTable(1 << 17);
  private counts = new Int32Array(1 << 17);
  private names = new Uint8Array(1 << 17);
  private words = 0;

  word(text: string, start: number, end: number, count: number): void {
    if (end <= start) return;
    this.counts[this.idOf(text, start, end)] = count;
    this.words++;
  }

  name(text: string, start: number, end: number): void {
    if (end > start) this.names[this.idOf(text, start, end)] = 1;
  }

  build(): Lexicon {
    const { keys, counts, names } = this;
    const idOf = (key: string) => keys.getRange(key, 0, key.length, hashRange(key, 0, key.length));
    return {
      count: (key) => {
        const id = idOf(key);
        return id < 0 ? 0 : counts[id]!;
      },
      isName: (key) => {
        const id = idOf(key);
        return id >= 0 && names[id] === 1;
      },
      size: this.words,
    };
  }

  private idOf(text: string, start: number, end: number): number {
    const id = this.keys.addRange(text, start, end, hashRange(text, start, end));
    if (id >= this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      const names = new Uint8Array(this.names.length * 2);
      names.set(this.names);
      this.names = names;
    }
    return id;
  }
}

function readLexicon(dir: string): Lexicon {
  const builder = new LexiconBuilder();
  const words = readModelFile(dir, WORDS, REBUILD);
  forEachLine(words, (start, end) => {
    const tab = words.indexOf('\t', start);
    if (tab > start && tab < end) builder.word(words, start, tab, Number(words.slice(tab + 1, end)));
  });
  const names = readModelFile(dir, NAMES, REBUILD);
  forEachLine(names, (start, end) => builder.name(names, start, end));
  return builder.build();
}

function forEachLine(text: string, line: (start: number, end: number) => void): void {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line(start, end);
    start = end + 1;
  }
}
