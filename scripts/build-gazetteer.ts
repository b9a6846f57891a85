// Builds models/gazetteer/:
//   names.tsv.gz     `key<TAB>flags` for every word of every listed name (ANETAC, ANERGazet,
//                    mledoze's Arabic country names), flags as in src/ner/gazetteer.ts;
//   namelike.tsv.gz  letter-trigram counts of ANETAC's person, place and organisation words and of
//                    ordinary news words (the lexicon's words seen 50 times or more that no list
//                    names), for the name-likeness feature (src/ner/namelike.ts);
//   phrases.tsv.gz   `keys<TAB>type flags` for every whole name of ANERGazet, the country names and the
//                    knowledge base's Arabic names and aliases, for the phrase gazetteer
//                    (src/ner/phrases.ts; scripts/phrase-list.ts).
// Run: npm run build:gazetteer   (after build:lexicon and build:kb)

import { fileURLToPath } from 'node:url';
import { readModelFile, writeModelFiles } from '../src/core/model-files.ts';
import { ANERGAZET, ANETAC, COUNTRIES, readNameLists } from '../src/corpus/name-lists.ts';
import { GAZETTEER_FILE, GAZETTEER_FLAGS } from '../src/ner/gazetteer.ts';
import { countLetters, NAMELIKE_FILE, serializeLetterCounts, WORD_CLASS } from '../src/ner/namelike.ts';
import { PHRASES_FILE, serializePhrases } from '../src/ner/phrases.ts';
import { tokenize } from '../src/text/tokens.ts';
import { listedPhrases, SHIPPED_PHRASE_SOURCES } from './phrase-list.ts';

const OUT_DIR = fileURLToPath(new URL('../models/gazetteer/', import.meta.url));
const COMMAND = 'npm run build:gazetteer';

/** News words seen this often are ordinary words for the name-likeness model, unless a list names them. */
const ORDINARY_WORD_COUNT = 50;

const flags = new Map<string, number>();
const add = (key: string, flag: number) => flags.set(key, (flags.get(key) ?? 0) | flag);
const anetacWords = { PER: new Set<string>(), LOC: new Set<string>(), ORG: new Set<string>() };
for (const { source, type, name } of readNameLists(new Set(['anetac', 'anergazet', 'countries']))) {
  const words = tokenize(name).filter((t) => t.kind === 'word' && t.norm.length >= 2);
  if (source === 'anetac') for (const word of words) anetacWords[type].add(word.norm);
  words.forEach((word, i) => {
    add(word.norm, GAZETTEER_FLAGS[type] | (i === 0 ? GAZETTEER_FLAGS.FIRST : 0));
    if (source === 'countries') add(word.norm, GAZETTEER_FLAGS.COUNTRY);
  });
}
const lines = [...flags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, f]) => `${k}\t${f}\n`);
const ordinary: string[] = [];
for (const line of readModelFile(
  fileURLToPath(new URL('../models/lexicon/', import.meta.url)),
  'words.tsv.gz',
  'run `npm run build:lexicon` first',
).split('\n')) {
  const [key, count] = line.split('\t');
  if (key && Number(count) >= ORDINARY_WORD_COUNT && !flags.has(key)) ordinary.push(key);
}
const letters = serializeLetterCounts({
  PER: countLetters(anetacWords.PER),
  LOC: countLetters(anetacWords.LOC),
  ORG: countLetters(anetacWords.ORG),
  [WORD_CLASS]: countLetters(ordinary),
});
const phrases = serializePhrases(listedPhrases());
const manifest = writeModelFiles(OUT_DIR, COMMAND, [
  {
    name: GAZETTEER_FILE,
    text: lines.join(''),
    entries: lines.length,
    about: {
      format:
        'key<TAB>flags per line, sorted; flags: PER 1, LOC 2, ORG 4, COUNTRY 8, first word of a name 16',
      sources: [ANETAC, ANERGAZET, COUNTRIES],
      licence: 'ANETAC (no licence stated; cite arXiv:1907.03110), ANERGazet (Benajiba 2007), mledoze ODbL',
    },
  },
  {
    name: NAMELIKE_FILE,
    text: letters.join(''),
    entries: letters.length,
    about: {
      format:
        'class<TAB>letter trigram<TAB>count per line, sorted; classes PER, LOC, ORG (ANETAC words) and WORD',
      words: {
        ...Object.fromEntries(Object.entries(anetacWords).map(([c, w]) => [c, w.size])),
        WORD: ordinary.length,
      },
      method: `WORD: lexicon keys seen at least ${ORDINARY_WORD_COUNT} times in SaudiNewsNet that no name list has; ^^ pads the start, $ the end`,
      licence: 'counts derived from ANETAC and SaudiNewsNet (CC BY-NC-SA 4.0, research use); no text',
    },
  },
  {
    name: PHRASES_FILE,
    text: phrases.join(''),
    entries: phrases.length,
    about: {
      format:
        'keys of a whole name joined by spaces<TAB>type flags per line, sorted; flags: PER 1, LOC 2, ORG 4, MISC 8, demonym 16',
      sources: [ANETAC, ANERGAZET, COUNTRIES, 'models/kb/entities.jsonl.gz: Arabic names and aliases'],
      lists: SHIPPED_PHRASE_SOURCES,
      licence: 'as names.tsv.gz, and models/kb/MANIFEST.json for the knowledge base',
    },
  },
]);
for (const name of [GAZETTEER_FILE, PHRASES_FILE])
  process.stderr.write(
    `${name}: ${manifest.files[name]?.entries} entries, ${manifest.files[name]?.bytes} bytes\n`,
  );
