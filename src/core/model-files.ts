// Shipped models and lexicons: gzip files in one folder under models/, each listed with its sha256 in
// the folder's MANIFEST.json, so a stale or hand-edited file fails loudly instead of skewing results.
// `writeModelFiles` is what the build scripts use; `readModelFile` is what the loaders use.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipSync, strToU8 } from 'fflate';
import { fail } from './errors.ts';

export interface ModelFile {
  readonly name: string;
  readonly text: string;
  readonly entries: number;
  /** What a line holds, where it comes from and under which licence: kept in the manifest. */
  readonly about: Readonly<Record<string, unknown>>;
}

interface Manifest {
  files: Record<string, { sha256: string; bytes: number; entries: number }>;
}

/** Writes the files gzipped (reproducibly: level 9, no timestamp) and their manifest; returns it. */
export function writeModelFiles(dir: string, command: string, files: readonly ModelFile[]) {
  mkdirSync(dir, { recursive: true });
  const entries = Object.fromEntries(
    files.map(({ name, text, entries, about }) => {
      // No timestamp in the gzip header, so that a rebuild is byte-identical.
      const bytes = gzipSync(strToU8(text), { level: 9, mtime: 0 });
      writeFileSync(join(dir, name), bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return [name, { sha256, bytes: bytes.length, entries, ...about, command }];
    }),
  );
  const manifest = {
    about: 'Shipped model files; rebuild them from ../shared/data with the command below, never by hand.',
    command,
    files: entries,
  };
  writeFileSync(join(dir, 'MANIFEST.json'), formatJson(manifest));
  return manifest;
}

/** The gunzipped text of `name` in `dir`, after checking its bytes against the manifest's sha256. */
export function readModelFile(dir: string, name: string, rebuild: string): string {
  const manifestPath = join(dir, 'MANIFEST.json');
  if (!existsSync(manifestPath)) throw fail('DATA_MISSING', manifestPath, rebuild);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const path = join(dir, name);
  const expected = manifest.files?.[name]?.sha256;
  if (expected === undefined) throw fail('DATA_CORRUPT', path, 'not listed in MANIFEST.json', rebuild);
  if (!existsSync(path)) throw fail('DATA_MISSING', path, rebuild);
  const bytes = readFileSync(path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected)
    throw fail(
      'DATA_CORRUPT',
      path,
      `sha256 ${actual.slice(0, 12)}…, manifest says ${expected.slice(0, 12)}…`,
      rebuild,
    );
  return gunzipSync(bytes).toString('utf8');
}

/** A loader that reads a model folder on first use and hands out the same object for it afterwards. */
export function loadOncePerFolder<T>(defaultDir: string, read: (dir: string) => T): (dir?: string) => T {
  const loaded = new Map<string, T>();
  return (dir = defaultDir) => {
    const root = resolve(dir);
    let value = loaded.get(root);
    if (value === undefined) {
      value = read(root);
      loaded.set(root, value);
    }
    return value;
  };
}

/** `key<TAB>number` lines, as the gazetteer and silver-name files hold them. */
export function readKeyNumbers(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) values.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return values;
}

/** JSON laid out as `biome format` lays it out (arrays of strings or numbers on one line when they fit), so lint passes as built. */
function formatJson(value: unknown): string {
  const LINE_WIDTH = 110;
  return `${JSON.stringify(value, null, 2).replace(
    /^( *)(.*)\[\n((?: *(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?),?\n)+) *\]/gm,
    (whole, indent: string, head: string, items: string) => {
      const line = `${indent}${head}[${items.trim().split(/,\n */).join(', ')}]`;
      return line.length <= LINE_WIDTH ? line : whole;
    },
  )}\n`;
}
