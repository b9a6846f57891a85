// Curation as an analyst asks for it, from the command line (`marsad kb alias|merge`) or the HTTP
// API (`POST /api/entities/…`): check the request against the knowledge base with the log applied,
// refuse what cannot apply (unknown id, cycle, type clash) before anything is written, and append
// the operation to the log only when it changes something.

import { fail } from '../core/errors.ts';
import { applyCuration, type CurationOp, type Lang } from './curation.ts';
import { appendCuration, readCurationLog } from './curation-log.ts';
import type { Entity } from './entity.ts';
import { loadCuratedKnowledgeBase, loadKnowledgeBase } from './knowledge-base.ts';
import { tidy } from './names.ts';

export interface CurationOutcome {
  readonly op: CurationOp;
  /** False when the operation was already in effect: nothing was written. */
  readonly written: boolean;
  /** The entity that received the name, or the one merged into. */
  readonly target: Entity;
}

const ARABIC_LETTER = /[\u0600-\u06ff]/;

/** The language a name is written in: Arabic script or not. */
export function nameLanguage(name: string): Lang {
  return ARABIC_LETTER.test(name) ? 'ar' : 'en';
}

/** Adds `name` as another name of entity `id` (a merged id is followed). */
export function curateAlias(log: string, id: string, rawName: string, lang?: Lang): CurationOutcome {
  const name = tidy(rawName);
  if (name === '') throw fail('BAD_OPTION', 'the alias name is empty');
  const language = lang ?? nameLanguage(name);
  const { ops, entity } = curated(log);
  const target = entity(id);
  const op: CurationOp = { op: 'alias', id, lang: language, name, at: new Date().toISOString() };
  if (target.name[language] === name || target.aliases[language].includes(name))
    return { op, written: false, target };
  return record(log, ops, op, target);
}

/** Merges `from` (a known or provisional id) into `into`, which takes its names and roles. */
export function curateMerge(log: string, from: string, into: string): CurationOutcome {
  const { ops, kb, entity } = curated(log);
  if (!/^new:/.test(from)) entity(from);
  const target = entity(into);
  const op: CurationOp = { op: 'merge', from, into, at: new Date().toISOString() };
  if (from !== into && kb.resolve(from) !== from && kb.resolve(from) === target.id)
    return { op, written: false, target };
  return record(log, ops, op, target);
}

/** The curated knowledge base, the log's operations, and the entity an id stands for (or a clear error). */
function curated(log: string) {
  const ops = readCurationLog(log);
  const kb = loadCuratedKnowledgeBase({ curation: log });
  const entity = (id: string): Entity => {
    const e = kb.get(kb.resolve(id));
    if (e === undefined) throw fail('UNKNOWN_ENTITY', id);
    return e;
  };
  return { ops, kb, entity };
}

/** Applies the log plus `op` to the built entities, so any refusal comes before writing; then appends. */
function record(log: string, ops: readonly CurationOp[], op: CurationOp, target: Entity): CurationOutcome {
  applyCuration(loadKnowledgeBase().all(), [...ops, op], 'refused, nothing written');
  appendCuration(log, op);
  return { op, written: true, target };
}
