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

import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../src/core/model-files.ts';
import { ANERGAZET, ANETAC, readNameLists } from '../src/corpus/name-lists.ts';
import { readSaudiNewsNetFile, saudiNewsNetFiles } from '../src/corpus/saudinewsnet.ts';
import { isArabicKey } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokens.ts';

const COMMAND = 'node --import tsx scripts/build-lexicon.ts';
const OUT_DIR = fileURLToPath(new URL('../models/lexicon/', import.meta.url));

/** A word key seen fewer times than this is a typo, a run-together pair or a one-off name. */
const MIN_COUNT = 3;
/** The most frequent keys are function words and news vocabulary, never treated as name parts. */
const FUNCTION_WORDS = 300;
const MIN_WORD_LENGTH = 2;
const MIN_NAME_LENGTH = 3;

const SAUDINEWSNET = 'saudinewsnet/dataset';

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
  for (const { source, type, name } of readNameLists(new Set(['anetac', 'anergazet']))) {
    const keys = bySource.get(`${source} ${type}`) ?? new Set<string>();
    bySource.set(`${source} ${type}`, keys);
    for (const token of tokenize(name)) {
      if (token.kind === 'word' && isArabicKey(token.norm, MIN_NAME_LENGTH)) keys.add(token.norm);
    }
  }
  return bySource;
}

function main(): void {
  const started = performance.now();
  const counts = countWords();
  const words = [...counts]
    .filter(([, n]) => n >= MIN_COUNT)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  progress(`words: ${words.length} keys (of ${counts.size})`);

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
  names.sort();
  progress(
    `names: ${names.length} keys (of ${candidates.size}); dropped ${article} ال-initial, ${frequent} frequent words`,
  );

  const manifest = writeModelFiles(OUT_DIR, COMMAND, [
    {
      name: 'words.tsv.gz',
      text: words.map(([key, n]) => `${key}\t${n}\n`).join(''),
      entries: words.length,
      about: {
        format: `key<TAB>count per line, by descending count then key; Arabic-letter keys of ≥ ${MIN_WORD_LENGTH} letters seen ≥ ${MIN_COUNT} times`,
        sources: [SAUDINEWSNET],
        licence: 'word counts derived from SaudiNewsNet (CC BY-NC-SA 4.0, research use); no article text',
      },
    },
    {
      name: 'names.txt.gz',
      text: names.map((key) => `${key}\n`).join(''),
      entries: names.length,
      about: {
        format: `one key per line, sorted; name parts of ≥ ${MIN_NAME_LENGTH} Arabic letters, without ال-initial keys and the top ${FUNCTION_WORDS} keys of words.tsv`,
        sources: [ANETAC, ANERGAZET, SAUDINEWSNET],
        licence:
          'ANETAC (no licence stated; cite arXiv:1907.03110) and ANERGazet (no licence stated; Benajiba 2007)',
      },
    },
  ]);
  for (const [name, file] of Object.entries(manifest.files)) progress(`${name}: ${file.bytes} bytes`);
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s → ${OUT_DIR}`);
}

main();
