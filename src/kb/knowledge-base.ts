// The knowledge base the linker looks names up in: countries, cities, regions, organisations and
// office-holders (models/kb/, built by scripts/build-kb.ts from ../shared/data and src/kb/curated/).
// Names, aliases and demonyms are indexed by their matching key, with and without a leading ال, and
// `holders` answers who held an office on a date. The file is checked against MANIFEST.json first.
// `loadCuratedKnowledgeBase` applies the analysts' curation log (src/kb/curation.ts) on top, and
// `resolve` follows the redirects its merges leave behind.

import { fileURLToPath } from 'node:url';
import { fail } from '../core/errors.ts';
import { loadOncePerFolder, readModelFile } from '../core/model-files.ts';
import { applyCuration } from './curation.ts';
import { curationPath, readCurationLog } from './curation-log.ts';
import type { Entity, RoleName } from './entity.ts';
import { aliasKeys } from './keys.ts';
import { compareStrings } from './names.ts';

export interface KnowledgeBase {
  get(id: string): Entity | undefined;
  /** Every entity, sorted by id. */
  all(): readonly Entity[];
  /** The entities one of whose names, aliases or demonyms has this matching key (see aliasKeys). */
  byAliasKey(key: string): readonly Entity[];
  /** The persons holding `role` of `of` (a country or organisation id) on `date` (YYYY-MM-DD). */
  holders(role: RoleName, of: string, date: string): readonly Entity[];
  /** The id a merged-away id now lives under (curation merges); the id itself when none. */
  resolve(id: string): string;
  readonly size: number;
}

// This module sits two levels below the repository root both as src/kb/*.ts and as dist/kb/*.js.
const DEFAULT_DIR = fileURLToPath(new URL('../../models/kb/', import.meta.url));
export const KB_FILE = 'entities.jsonl.gz';
const REBUILD = 'rebuild it with `npm run build:kb`';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NONE: readonly Entity[] = [];

/** The model file's text: one entity as JSON per line, in the order given. */
export function serializeEntities(entities: readonly Entity[]): string {
  return entities.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** True when the partial dates `from`–`to` (inclusive, each at its own precision) cover `day`. */
export function covers(from: string, to: string | undefined, day: string): boolean {
  return day.slice(0, from.length) >= from && (to === undefined || day.slice(0, to.length) <= to);
}

export function knowledgeBaseFrom(
  entities: readonly Entity[],
  redirects: ReadonlyMap<string, string> = new Map(),
): KnowledgeBase {
  const sorted = [...entities].sort((a, b) => compareStrings(a.id, b.id));
  const byId = new Map(sorted.map((e) => [e.id, e]));
  const byKey = new Map<string, Entity[]>();
  const offices = new Map<string, { person: Entity; from: string; to: string | undefined }[]>();
  for (const e of sorted) {
    const names = [e.name.ar, e.name.en, ...e.aliases.ar, ...e.aliases.en, ...(e.demonyms ?? [])];
    for (const key of new Set(names.flatMap(aliasKeys))) {
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [e]);
      else list.push(e);
    }
    for (const { role, of, from, to } of e.roles ?? []) {
      const office = `${role}\t${of}`;
      const terms = offices.get(office) ?? [];
      terms.push({ person: e, from, to });
      offices.set(office, terms);
    }
  }
  return {
    get: (id) => byId.get(id),
    all: () => sorted,
    byAliasKey: (key) => byKey.get(key) ?? NONE,
    holders(role, of, date) {
      if (!DAY.test(date)) throw fail('BAD_DATE', date);
      const terms = offices.get(`${role}\t${of}`) ?? [];
      return [...new Set(terms.filter((t) => covers(t.from, t.to, date)).map((t) => t.person))];
    },
    resolve(id) {
      // applyCuration's redirects are flat already; follow chains anyway, bounded, for hand-made maps.
      let to = id;
      for (let step = 0; step <= redirects.size && redirects.has(to); step++) to = redirects.get(to)!;
      return to;
    },
    size: sorted.length,
  };
}

export const loadKnowledgeBase = loadOncePerFolder(DEFAULT_DIR, (dir) => {
  const text = readModelFile(dir, KB_FILE, REBUILD);
  const entities = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Entity);
  return knowledgeBaseFrom(entities);
});

export interface CuratedOptions {
  /** The model folder (default models/kb/). */
  readonly dir?: string;
  /** The curation log (default $MARSAD_CURATION, else ./marsad-curation.jsonl). */
  readonly curation?: string;
}

/** The shipped knowledge base with the curation log applied; the log is read afresh on every call. */
export function loadCuratedKnowledgeBase({
  dir,
  curation = curationPath(),
}: CuratedOptions = {}): KnowledgeBase {
  const shipped = loadKnowledgeBase(dir);
  const ops = readCurationLog(curation);
  if (ops.length === 0) return shipped;
  const { entities, redirects } = applyCuration(shipped.all(), ops, curation);
  return knowledgeBaseFrom(entities, redirects);
}
