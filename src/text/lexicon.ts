// The shipped lexicon (models/lexicon/, built by scripts/build-lexicon.ts): how often each Arabic
// word key occurs in SaudiNewsNet, and which keys are parts of person, place and organisation names.
// Keys are matching keys (token.norm, see normalize.ts). Files are checked against MANIFEST.json's
// sha256 before use, so a stale or hand-edited lexicon fails loudly instead of skewing results.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { fail } from '../core/errors.ts';

export interface Lexicon {
  /** Occurrences of the key as a word in SaudiNewsNet; 0 when unseen or seen fewer than 3 times. */
  count(key: string): number;
  /** True when the key is one word of a known person, place or organisation name. */
  isName(key: string): boolean;
  /** Number of word keys with a count. */
  readonly size: number;
}

// This module sits two levels below the repository root both as src/text/*.ts and as dist/text/*.js.
const DEFAULT_DIR = fileURLToPath(new URL('../../models/lexicon/', import.meta.url));
const WORDS = 'words.tsv.gz';
const NAMES = 'names.txt.gz';
const REBUILD = 'rebuild it with `npm run build:lexicon` (node --import tsx scripts/build-lexicon.ts)';

interface Manifest {
  files: Record<string, { sha256: string; bytes: number; entries: number }>;
}

const loaded = new Map<string, Lexicon>();

/** The lexicon in `dir` (default `<repo>/models/lexicon`), read and verified on the first call only. */
export function loadLexicon(dir: string = DEFAULT_DIR): Lexicon {
  const root = resolve(dir);
  let lexicon = loaded.get(root);
  if (!lexicon) {
    lexicon = readLexicon(root);
    loaded.set(root, lexicon);
  }
  return lexicon;
}

export function lexiconFromEntries(words: Iterable<[string, number]>, names: Iterable<string>): Lexicon {
  return makeLexicon(new Map(words), new Set(names));
}

function makeLexicon(counts: ReadonlyMap<string, number>, names: ReadonlySet<string>): Lexicon {
  return {
    count: (key) => counts.get(key) ?? 0,
    isName: (key) => names.has(key),
    size: counts.size,
  };
}

function readLexicon(dir: string): Lexicon {
  const manifestPath = join(dir, 'MANIFEST.json');
  if (!existsSync(manifestPath)) throw fail('DATA_MISSING', manifestPath, REBUILD);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const counts = new Map<string, number>();
  const words = readVerified(dir, WORDS, manifest);
  for (let start = 0; start < words.length; ) {
    let end = words.indexOf('\n', start);
    if (end < 0) end = words.length;
    const tab = words.indexOf('\t', start);
    if (tab > start && tab < end) counts.set(words.slice(start, tab), Number(words.slice(tab + 1, end)));
    start = end + 1;
  }
  const names = new Set(readVerified(dir, NAMES, manifest).split('\n'));
  names.delete('');
  return makeLexicon(counts, names);
}

/** The gunzipped text of `name`, after checking its bytes against the manifest's sha256. */
function readVerified(dir: string, name: string, manifest: Manifest): string {
  const path = join(dir, name);
  const expected = manifest.files?.[name]?.sha256;
  if (expected === undefined) throw fail('DATA_CORRUPT', path, 'not listed in MANIFEST.json', REBUILD);
  if (!existsSync(path)) throw fail('DATA_MISSING', path, REBUILD);
  const bytes = readFileSync(path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    throw fail(
      'DATA_CORRUPT',
      path,
      `sha256 ${actual.slice(0, 12)}…, manifest says ${expected.slice(0, 12)}…`,
      REBUILD,
    );
  }
  return gunzipSync(bytes).toString('utf8');
}
