// Which name lists know a word, by type: a bit per type, for the tagger's gazetteer features.
// Built by scripts/build-gazetteer.ts into models/gazetteer/ from ANETAC, ANERGazet and mledoze's
// Arabic country names; every word of a listed name is a key (matching-key spelling).

import { fileURLToPath } from 'node:url';
import { loadOncePerFolder, readKeyNumbers, readModelFile } from '../core/model-files.ts';

export const GAZETTEER_FLAGS = { PER: 1, LOC: 2, ORG: 4, COUNTRY: 8, FIRST: 16 } as const;

export interface Gazetteer {
  /** The flags of a key, 0 when no list has it. */
  flags(key: string): number;
  readonly size: number;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../models/gazetteer/', import.meta.url));
export const GAZETTEER_FILE = 'names.tsv.gz';
const REBUILD = 'rebuild it with `npm run build:gazetteer`';

export const loadGazetteer = loadOncePerFolder(DEFAULT_DIR, (dir): Gazetteer => {
  const flags = readKeyNumbers(readModelFile(dir, GAZETTEER_FILE, REBUILD));
  return { flags: (key) => flags.get(key) ?? 0, size: flags.size };
});
