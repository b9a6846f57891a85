// The shared data sets (corpora, gazetteers) live beside the repository, in ../shared/data, and are
// read from there at run time: their licences (SaudiNewsNet is CC BY-NC-SA) forbid copying them in.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../core/errors.ts';

export const SHARED_DATA_ENV = 'MARSAD_SHARED_DATA';

// This module sits two levels below the repository root both as src/corpus/*.ts and as dist/corpus/*.js.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shared data folder: $MARSAD_SHARED_DATA when set, else `<repo>/../shared/data`. */
export function sharedDataDir(): string {
  const fromEnv = process.env[SHARED_DATA_ENV];
  return fromEnv ? resolve(fromEnv) : resolve(REPO_ROOT, '..', 'shared', 'data');
}

/** The path of `sub` inside the shared data folder; throws DATA_MISSING when it is not there. */
export function requireSharedData(sub: string): string {
  const root = sharedDataDir();
  const path = join(root, sub);
  if (existsSync(path)) return path;
  const where = process.env[SHARED_DATA_ENV]
    ? `${SHARED_DATA_ENV} is set to ${root}`
    : `the shared data sets are expected in ${root}, the folder ../shared/data beside the repository`;
  throw fail('DATA_MISSING', path, `${where}; set ${SHARED_DATA_ENV} to the folder that holds ${sub}`);
}
