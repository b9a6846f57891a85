// Builds the shipped lexicon in models/lexicon/ from ../shared/data (see src/corpus/shared-data.ts):
//   words.tsv.gz   `key\tcount` for every Arabic word key seen at least MIN_COUNT times in SaudiNewsNet,
//                  by descending count, then key;
//   names.txt.gz   one key per line, sorted: single-word parts of person, place and organisation names
//                  from ANETAC and ANERGazet that do not look like common words;
//   MANIFEST.json  sha256, size, entry count, sources and this command for each file.
// Keys are token.norm from tokenize(), so they match what the pipeline looks up. Output is
// byte-for-byte reproducible: fixed sort orders, gzip level 9 with no mtime.
//
// Run: node --import tsx scripts/build-lexicon.ts

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, strToU8 } from 'fflate';
import { readSaudiNewsNetFile, saudiNewsNetFiles } from '../src/corpus/saudinewsnet.ts';
import { requireSharedData } from '../src/corpus/shared-data.ts';
import { tokenize } from '../src/text/tokens.ts';

const COMMAND = 'node --import tsx scripts/build-lexicon.ts';
const OUT_DIR = fileURLToPath(new URL('../models/lexicon/', import.meta.url));

/** A word key seen fewer times than this is a typo, a run-together pair or a one-off name. */
const MIN_COUNT = 3;
/** The most frequent keys are function words and news vocabulary, never treated as name parts. */
const FUNCTION_WORDS = 300;
const MIN_WORD_LENGTH = 2;
const MIN_NAME_LENGTH = 3;

const ANETAC = 'anetac/EN-AR NE/EN-AR Named-entities.txt';
const ANETAC_CLASSES = new Set(['PERSON', 'LOCATION', 'ORGANIZATION']);
const ANERGAZET = 'anercorp/ANERGazet';
const SAUDINEWSNET = 'saudinewsnet/dataset';

/** True when the key is only Arabic letters ء…ي (U+0621–U+064A, tatweel excluded) and long enough. */
function isArabicKey(key: string, minLength: number): boolean {
  if (key.length < minLength) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a || c === 0x0640) return false;
  }
  return true;
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function countWords(): Map<string, number> {
  const counts = new Map<string, number>();
  const files = saudiNewsNetFiles();
  let articles = 0;
  for (const [i, file] of files.entries()) {
    for (const article of readSaudiNewsNetFile(file)) {
      articles++;
      for (const text of [article.title, article.text]) {
        for (const token of tokenize(text)) {
          if (token.kind !== 'word' || !isArabicKey(token.norm, MIN_WORD_LENGTH)) continue;
          counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1);
        }
      }
    }
    progress(`words: ${i + 1}/${files.length} files, ${articles} articles, ${counts.size} distinct keys`);
  }
  return counts;
}

/** Name keys by source, each the word tokens of one name entry that are ≥ MIN_NAME_LENGTH Arabic letters. */
function collectNames(): Map<string, Set<string>> {
  const bySource = new Map<string, Set<string>>();
  const add = (source: string, name: string) => {
    const keys = bySource.get(source) ?? new Set<string>();
    bySource.set(source, keys);
    for (const token of tokenize(name)) {
      if (token.kind === 'word' && isArabicKey(token.norm, MIN_NAME_LENGTH)) keys.add(token.norm);
    }
  };

  // ANETAC: `CLASS English Arabic`, space separated; the Arabic side is whatever holds Arabic letters.
  for (const line of readFileSync(requireSharedData(ANETAC), 'utf8').split('\n')) {
    const [cls, ...rest] = line.trim().split(/\s+/);
    if (cls === undefined || !ANETAC_CLASSES.has(cls)) continue;
    for (const part of rest) if (/[\u0621-\u064a]/.test(part)) add(`anetac ${cls}`, part);
  }
  progress('names: 1/2 sources (ANETAC)');

  // ANERGazet: one name per line in <kind>/data; `====` and `****` lines head continent and country sections.
  const gazet = requireSharedData(ANERGAZET);
  for (const kind of readdirSync(gazet).sort()) {
    for (const line of readFileSync(join(gazet, kind, 'data'), 'utf8').split('\n')) {
      if (/^\s*(=+|\*+)\s*$/.test(line)) continue;
      add(`anergazet ${kind}`, line);
    }
  }
  progress('names: 2/2 sources (ANERGazet)');
  return bySource;
}

function gzip(text: string): Uint8Array {
  return gzipSync(strToU8(text), { level: 9, mtime: 0 });
}

interface ManifestEntry {
  sha256: string;
  bytes: number;
  entries: number;
  format: string;
  sources: string[];
  licence: string;
  command: string;
}

function writeGz(
  name: string,
  text: string,
  entries: number,
  meta: Omit<ManifestEntry, 'sha256' | 'bytes' | 'entries' | 'command'>,
): ManifestEntry {
  const bytes = gzip(text);
  writeFileSync(join(OUT_DIR, name), bytes);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    entries,
    ...meta,
    command: COMMAND,
  };
}

/** JSON laid out as `biome format` lays it out (arrays on one line when they fit), so lint passes as built. */
function formatJson(value: unknown): string {
  const LINE_WIDTH = 110;
  return `${JSON.stringify(value, null, 2).replace(
    /^( *)(.*)\[\n((?: *"(?:[^"\\]|\\.)*",?\n)+) *\]/gm,
    (whole, indent: string, head: string, items: string) => {
      const line = `${indent}${head}[${items.trim().split(/,\n */).join(', ')}]`;
      return line.length <= LINE_WIDTH ? line : whole;
    },
  )}\n`;
}

function main(): void {
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });

  const counts = countWords();
  const words = [...counts]
    .filter(([, n]) => n >= MIN_COUNT)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const wordsEntry = writeGz(
    'words.tsv.gz',
    words.map(([key, n]) => `${key}\t${n}\n`).join(''),
    words.length,
    {
      format: `key<TAB>count per line, by descending count then key; Arabic-letter keys of ≥ ${MIN_WORD_LENGTH} letters seen ≥ ${MIN_COUNT} times`,
      sources: [SAUDINEWSNET],
      licence: 'word counts derived from SaudiNewsNet (CC BY-NC-SA 4.0, research use); no article text',
    },
  );
  progress(`words.tsv.gz: ${words.length} keys (of ${counts.size}), ${wordsEntry.bytes} bytes`);

  const functionWords = new Set(words.slice(0, FUNCTION_WORDS).map(([key]) => key));
  const bySource = collectNames();
  const candidates = new Set<string>();
  for (const [source, keys] of bySource) {
    progress(`  ${source}: ${keys.size} keys`);
    for (const key of keys) candidates.add(key);
  }
  let article = 0;
  let frequent = 0;
  const names: string[] = [];
  for (const key of candidates) {
    // ال marks common nouns and adjectives; the cost is that ال-family names (الشافعي, الغنامي) go too.
    if (key.startsWith('ال')) article++;
    else if (functionWords.has(key)) frequent++;
    else names.push(key);
  }
  const sortedNames = names.sort();
  const namesEntry = writeGz(
    'names.txt.gz',
    sortedNames.map((key) => `${key}\n`).join(''),
    sortedNames.length,
    {
      format: `one key per line, sorted; name parts of ≥ ${MIN_NAME_LENGTH} Arabic letters, without ال-initial keys and the top ${FUNCTION_WORDS} keys of words.tsv`,
      sources: [ANETAC, ANERGAZET, SAUDINEWSNET],
      licence:
        'ANETAC (no licence stated; cite arXiv:1907.03110) and ANERGazet (no licence stated; Benajiba 2007)',
    },
  );
  progress(
    `names.txt.gz: ${sortedNames.length} keys (of ${candidates.size}), ${namesEntry.bytes} bytes; dropped ${article} ال-initial, ${frequent} frequent words`,
  );

  const manifest = {
    about: 'Shipped lexicon; rebuild from ../shared/data with the command below, never edit by hand.',
    command: COMMAND,
    files: { 'words.tsv.gz': wordsEntry, 'names.txt.gz': namesEntry },
  };
  writeFileSync(join(OUT_DIR, 'MANIFEST.json'), formatJson(manifest));
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s → ${OUT_DIR}`);
}

main();
