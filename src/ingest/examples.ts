// The bundled example articles (examples/, listed in examples/examples.json) as ingest items, so a
// fresh `npm start` shows a populated UI. The manifest lends a plain-text file the metadata a text
// file cannot carry (its date, source and headline); a JSON-lines file carries its own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../core/errors.ts';
import { readFileItems } from './sources/files.ts';
import type { IngestArticle, IngestItem } from './sources/item.ts';

// This module sits two levels below the repository root both as src/ingest/*.ts and dist/ingest/*.js.
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
export const EXAMPLES_MANIFEST = 'examples.json';

interface ManifestEntry {
  readonly path: string;
  readonly publishedAt?: string;
  readonly source?: string;
  readonly title?: string;
}

export async function* exampleItems(dir = EXAMPLES_DIR): AsyncGenerator<IngestItem> {
  for (const entry of readManifest(dir)) {
    const defaults: Omit<IngestArticle, 'text'> = {
      ...(entry.publishedAt && { publishedAt: entry.publishedAt }),
      ...(entry.source && { source: entry.source }),
      ...(entry.title && { title: entry.title }),
    };
    for await (const item of readFileItems(join(dir, entry.path)))
      yield item.ok ? { ...item, article: { ...defaults, ...item.article } } : item;
  }
}

function readManifest(dir: string): readonly ManifestEntry[] {
  const path = join(dir, EXAMPLES_MANIFEST);
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw fail('DATA_MISSING', path, `the examples manifest cannot be read (${(error as Error).message})`);
  }
  if (!Array.isArray(entries) || !entries.every((e) => typeof e?.path === 'string'))
    throw fail(
      'DATA_CORRUPT',
      path,
      'expected a list of { path, publishedAt?, source?, title? }',
      'restore it from git',
    );
  return entries as ManifestEntry[];
}
