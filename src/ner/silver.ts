// Silver names: forms that a tagger trained on ANERcorp alone tags as names again and again in
// SaudiNewsNet (scripts/build-silver.ts). News of 2015 names people and organisations ANERcorp never
// saw; where the tagger recognises them in clear contexts, the flag carries that to the hard ones.

import { fileURLToPath } from 'node:url';
import { loadOncePerFolder, readKeyNumbers, readModelFile } from '../core/model-files.ts';

export const SILVER_FILE = 'silver.tsv.gz';
/** Type flags of a silver name. */
export const SILVER_FLAGS = { PER: 1, LOC: 2, ORG: 4, MISC: 8 } as const;

export interface SilverNames {
  /** The type flags of a clitic-free form, 0 when it is no silver name. */
  flags(form: string): number;
  readonly size: number;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../models/silver/', import.meta.url));
const REBUILD = 'rebuild it with `npm run build:silver`';
export const loadSilverNames = loadOncePerFolder(DEFAULT_DIR, (dir): SilverNames => {
  const flags = readKeyNumbers(readModelFile(dir, SILVER_FILE, REBUILD));
  return { flags: (form) => flags.get(form) ?? 0, size: flags.size };
});
