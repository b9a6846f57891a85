// Builds models/gazetteer/names.tsv.gz: `key<TAB>flags` for every word of every listed name
// (ANETAC, ANERGazet, mledoze's Arabic country names), flags as in src/ner/gazetteer.ts.
// Run: npm run build:gazetteer

import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../src/core/model-files.ts';
import { ANERGAZET, ANETAC, COUNTRIES, readNameLists } from '../src/corpus/name-lists.ts';
import { GAZETTEER_FILE, GAZETTEER_FLAGS } from '../src/ner/gazetteer.ts';
import { tokenize } from '../src/text/tokens.ts';

const OUT_DIR = fileURLToPath(new URL('../models/gazetteer/', import.meta.url));
const COMMAND = 'npm run build:gazetteer';

const flags = new Map<string, number>();
const add = (key: string, flag: number) => flags.set(key, (flags.get(key) ?? 0) | flag);
for (const { source, type, name } of readNameLists(new Set(['anetac', 'anergazet', 'countries']))) {
  const words = tokenize(name).filter((t) => t.kind === 'word' && t.norm.length >= 2);
  words.forEach((word, i) => {
    add(word.norm, GAZETTEER_FLAGS[type] | (i === 0 ? GAZETTEER_FLAGS.FIRST : 0));
    if (source === 'countries') add(word.norm, GAZETTEER_FLAGS.COUNTRY);
  });
}
const lines = [...flags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, f]) => `${k}\t${f}\n`);
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
]);
process.stderr.write(
  `${GAZETTEER_FILE}: ${lines.length} keys, ${manifest.files[GAZETTEER_FILE]?.bytes} bytes\n`,
);
