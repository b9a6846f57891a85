// Silver names: forms that a tagger trained on ANERcorp alone tags as names again and again in
// SaudiNewsNet (scripts/build-silver.ts). News of 2015 names people and organisations ANERcorp never
// saw; where the tagger recognises them in clear contexts, the flag carries that to the hard ones.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelFile } from '../core/model-files.ts';

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
const loaded = new Map<string, SilverNames>();

export function loadSilverNames(dir: string = DEFAULT_DIR): SilverNames {
  const root = resolve(dir);
  let silver = loaded.get(root);
  if (!silver) {
    const flags = new Map<string, number>();
    for (const line of readModelFile(root, SILVER_FILE, REBUILD).split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) flags.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
    silver = { flags: (form) => flags.get(form) ?? 0, size: flags.size };
    loaded.set(root, silver);
  }
  return silver;
}
