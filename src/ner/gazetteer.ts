// Which name lists know a word, by type: a bit per type, for the tagger's gazetteer features.
// Built by scripts/build-gazetteer.ts into models/gazetteer/ from ANETAC, ANERGazet and mledoze's
// Arabic country names; every word of a listed name is a key (matching-key spelling).

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelFile } from '../core/model-files.ts';

export const GAZETTEER_FLAGS = { PER: 1, LOC: 2, ORG: 4, COUNTRY: 8, FIRST: 16 } as const;

export interface Gazetteer {
  /** The flags of a key, 0 when no list has it. */
  flags(key: string): number;
  readonly size: number;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../models/gazetteer/', import.meta.url));
export const GAZETTEER_FILE = 'names.tsv.gz';
const REBUILD = 'rebuild it with `npm run build:gazetteer`';

const loaded = new Map<string, Gazetteer>();

export function loadGazetteer(dir: string = DEFAULT_DIR): Gazetteer {
  const root = resolve(dir);
  let gazetteer = loaded.get(root);
  if (!gazetteer) {
    const flags = new Map<string, number>();
    for (const line of readModelFile(root, GAZETTEER_FILE, REBUILD).split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) flags.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
    gazetteer = { flags: (key) => flags.get(key) ?? 0, size: flags.size };
    loaded.set(root, gazetteer);
  }
  return gazetteer;
}
