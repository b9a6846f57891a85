// Builds models/triggers/triggers.tsv.gz: the event trigger lexicon (src/events/lexicon/triggers.ts),
// from the Arabic CAMEO verb dictionary of UniversalPetrarch, the OEDA CAMEO → PLOVER table and the
// curated src/events/lexicon/nominal.tsv. Sorted lines, gzip without a timestamp: a rebuild from the
// same sources is byte-identical.
// Run: npm run build:triggers

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeModelFiles } from '../src/core/model-files.ts';
import { requireSharedData } from '../src/corpus/shared-data.ts';
import { buildTriggerRows } from '../src/events/lexicon/build.ts';
import { TRIGGERS_FILE } from '../src/events/lexicon/triggers.ts';

const OUT_DIR = fileURLToPath(new URL('../models/triggers/', import.meta.url));
const CURATED = fileURLToPath(new URL('../src/events/lexicon/nominal.tsv', import.meta.url));
const DICTIONARY = 'universalpetrarch_arabic/CAMEO.ar.0.5.txt';
const MAPPING = 'plover/CAMEO2PLOVER-2021.txt';
const COMMAND = 'npm run build:triggers';

const { lines, report } = buildTriggerRows({
  dictionary: readFileSync(requireSharedData(DICTIONARY), 'utf8'),
  mapping: readFileSync(requireSharedData(MAPPING), 'utf8'),
  curated: readFileSync(CURATED, 'utf8'),
});
const manifest = writeModelFiles(OUT_DIR, COMMAND, [
  {
    name: TRIGGERS_FILE,
    text: lines.map((l) => `${l}\n`).join(''),
    entries: lines.length,
    about: {
      format:
        'key<TAB>pos<TAB>type<TAB>mode<TAB>context<TAB>cameo<TAB>source<TAB>requires per line, sorted; lists comma separated; a phrase key is its word keys joined by spaces',
      sources: [DICTIONARY, MAPPING, 'src/events/lexicon/nominal.tsv'],
      licence: 'UniversalPetrarch dictionaries MIT (Open Event Data Alliance); PLOVER table CC BY-SA 4.0',
    },
  },
]);
process.stderr.write(
  `${TRIGGERS_FILE}: ${lines.length} rows, ${report.keys} keys, ${manifest.files[TRIGGERS_FILE]?.bytes} bytes\n${JSON.stringify(report, null, 2)}\n`,
);
