// Analysts' corrections to the knowledge base, as an append-only log of operations kept outside
// models/ (see curation-log.ts), so that `npm run build:kb` never overwrites them: the log is applied
// to whatever the build produced, every time the curated knowledge base is loaded.
//
// One JSON operation per line:
//   {"op":"alias","id":"per:sergey-lavrov","lang":"ar","name":"سيرگي لافروف","at":"…"}
//   {"op":"merge","from":"new:per:0123456789ab","into":"per:sergey-lavrov","at":"…"}
//   {"op":"add","entity":{"id":"cur:per:ivan-petrov","type":"PER","kind":"person",…},"at":"…"}
// Pure functions only: parsing and applying. Operations name ids, never positions, so the same log
// gives the same result on every rebuild of the same data.

import { fail, type MarsadError } from '../core/errors.ts';
import {
  ENTITY_KINDS,
  type Entity,
  type EntityKind,
  type EntityType,
  ROLE_NAMES,
  type Role,
  TYPE_OF_KIND,
} from './entity.ts';
import { cleanList, tidy } from './names.ts';

export type Lang = 'ar' | 'en';
export interface AliasOp {
  readonly op: 'alias';
  readonly id: string;
  readonly lang: Lang;
  readonly name: string;
  readonly at?: string;
}
export interface MergeOp {
  readonly op: 'merge';
  readonly from: string;
  readonly into: string;
  readonly at?: string;
}
export interface AddOp {
  readonly op: 'add';
  readonly entity: Entity;
  readonly at?: string;
}
export type CurationOp = AliasOp | MergeOp | AddOp;

export interface Curated {
  readonly entities: Entity[];
  /** Every merged-away id → the id it finally resolves to (chains already followed). */
  readonly redirects: Map<string, string>;
}

/** The linker's ids for names the knowledge base lacks (src/link/link.ts, provisionalId). */
const PROVISIONAL_ID = /^new:(per|org|loc|misc):[0-9a-f]{12}$/;
/** Analysts' own ids, kept apart from the build's so that a rebuild can never collide with them. */
const CURATED_ID = /^cur:[a-z0-9]+(?:[:-][a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isProvisionalId(id: string): boolean {
  return PROVISIONAL_ID.test(id);
}

/** The operations of a log's text; `source` names the log in errors. Blank lines are skipped. */
export function parseCuration(text: string, source = 'curation log'): CurationOp[] {
  const ops: CurationOp[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw fail('CURATION_MALFORMED', source, index + 1, 'not valid JSON');
    }
    try {
      ops.push(readOp(value));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      throw fail('CURATION_MALFORMED', source, index + 1, error.message);
    }
  });
  return ops;
}

/** A shape error in one operation; parseCuration adds the line number. */
class Problem extends Error {}

function readOp(value: unknown): CurationOp {
  const o = record(value, 'an operation');
  const at = o.at === undefined ? {} : { at: text(o.at, 'at') };
  switch (o.op) {
    case 'alias': {
      only(o, ['op', 'id', 'lang', 'name', 'at']);
      if (o.lang !== 'ar' && o.lang !== 'en') throw new Problem('lang must be "ar" or "en"');
      return { op: 'alias', id: text(o.id, 'id'), lang: o.lang, name: text(o.name, 'name'), ...at };
    }
    case 'merge':
      only(o, ['op', 'from', 'into', 'at']);
      return { op: 'merge', from: text(o.from, 'from'), into: text(o.into, 'into'), ...at };
    case 'add':
      only(o, ['op', 'entity', 'at']);
      return { op: 'add', entity: readEntity(o.entity), ...at };
    default:
      throw new Problem('op must be "alias", "merge" or "add"');
  }
}

const STRING_FIELDS = ['country', 'partOf', 'capital', 'iso2', 'iso3', 'wikidata'] as const;
const NUMBER_FIELDS = ['geonames', 'lat', 'lon', 'population'] as const;
const ENTITY_FIELDS = ['id', 'type', 'kind', 'name', 'aliases', 'demonyms', 'roles'];

/** An added entity: its own id, a known kind, both names; unknown fields are refused (typos). */
function readEntity(value: unknown): Entity {
  const o = record(value, 'entity');
  only(o, [...ENTITY_FIELDS, ...STRING_FIELDS, ...NUMBER_FIELDS]);
  const id = text(o.id, 'entity.id');
  if (!CURATED_ID.test(id) && !isProvisionalId(id))
    throw new Problem(`entity.id ${id} must be cur:<slug> or a provisional new:<type>:<12 hex> id`);
  const kind = o.kind as EntityKind;
  if (!ENTITY_KINDS.includes(kind))
    throw new Problem(`entity.kind must be one of ${ENTITY_KINDS.join(', ')}`);
  const type = TYPE_OF_KIND[kind];
  if (o.type !== undefined && o.type !== type) throw new Problem(`entity.type of a ${kind} is ${type}`);
  if (isProvisionalId(id) && provisionalType(id) !== type)
    throw new Problem(`${id} is a provisional ${provisionalType(id)}, not a ${kind}`);
  const name = record(o.name, 'entity.name');
  const aliases = o.aliases === undefined ? {} : record(o.aliases, 'entity.aliases');
  const names = { ar: text(name.ar, 'entity.name.ar'), en: text(name.en, 'entity.name.en') };
  const entity: Record<string, unknown> = {
    id,
    type,
    kind,
    name: names,
    aliases: {
      ar: cleanList(texts(aliases.ar, 'entity.aliases.ar'), [names.ar]),
      en: cleanList(texts(aliases.en, 'entity.aliases.en'), [names.en]),
    },
  };
  for (const field of STRING_FIELDS) if (o[field] !== undefined) entity[field] = text(o[field], field);
  for (const field of NUMBER_FIELDS)
    if (o[field] !== undefined) {
      if (typeof o[field] !== 'number' || !Number.isFinite(o[field]))
        throw new Problem(`${field} must be a number`);
      entity[field] = o[field];
    }
  if (o.demonyms !== undefined) entity.demonyms = cleanList(texts(o.demonyms, 'demonyms'));
  if (o.roles !== undefined) {
    if (!Array.isArray(o.roles)) throw new Problem('roles must be a list');
    entity.roles = o.roles.map(readRole);
  }
  return entity as unknown as Entity;
}

function readRole(value: unknown): Role {
  const o = record(value, 'a role');
  only(o, ['role', 'of', 'from', 'to', 'source', 'note']);
  if (!ROLE_NAMES.includes(o.role as Role['role']))
    throw new Problem(`role must be one of ${ROLE_NAMES.join(', ')}`);
  const date = (v: unknown, field: string) => {
    if (typeof v !== 'string' || !PARTIAL_DATE.test(v))
      throw new Problem(`${field} must be YYYY, YYYY-MM or YYYY-MM-DD`);
    return v;
  };
  return {
    role: o.role as Role['role'],
    of: text(o.of, 'role.of'),
    from: date(o.from, 'role.from'),
    ...(o.to === undefined ? {} : { to: date(o.to, 'role.to') }),
    source: text(o.source, 'role.source'),
    ...(o.note === undefined ? {} : { note: text(o.note, 'role.note') }),
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Problem(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

function only(o: Record<string, unknown>, fields: readonly string[]): void {
  const extra = Object.keys(o).find((key) => !fields.includes(key));
  if (extra !== undefined) throw new Problem(`unknown field "${extra}"`);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || tidy(value) === '')
    throw new Problem(`${field} must be a non-empty string`);
  return tidy(value);
}

function texts(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Problem(`${field} must be a list of names`);
  return value.map((v) => text(v, field));
}

function provisionalType(id: string): EntityType {
  return id.split(':')[1]!.toUpperCase() as EntityType;
}

/** How an operation reads in an error message. */
export function describeOp(op: CurationOp): string {
  if (op.op === 'alias') return `alias ${op.id} ${op.lang} "${op.name}"`;
  if (op.op === 'merge') return `merge ${op.from} → ${op.into}`;
  return `add ${op.entity.id}`;
}

/**
 * The entities with the operations applied in order, and the redirects merges leave behind. The
 * input is not changed. Repeating an operation changes nothing (an alias already there, a merge
 * already made); an operation that cannot apply (unknown id, cycle) fails naming `source` and itself.
 */
export function applyCuration(
  entities: readonly Entity[],
  ops: readonly CurationOp[],
  source = 'curation',
): Curated {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const redirects = new Map<string, string>();
  const resolve = (id: string) => redirects.get(id) ?? id;
  for (const op of ops) {
    const refuse = (detail: string): MarsadError =>
      fail('CURATION_REFUSED', `${source}: ${describeOp(op)}`, detail);
    if (op.op === 'alias') {
      const id = resolve(op.id);
      const entity = byId.get(id);
      if (entity === undefined) throw refuse(`no entity ${op.id}`);
      const { name, aliases } = entity;
      const alias = tidy(op.name);
      if (alias === '') throw refuse('the name is empty');
      if (name[op.lang] === alias || aliases[op.lang].includes(alias)) continue;
      const more = cleanList([...aliases[op.lang], alias], [name[op.lang]]);
      byId.set(id, { ...entity, aliases: { ...aliases, [op.lang]: more } });
    } else if (op.op === 'merge') {
      if (op.from === op.into) throw refuse('an entity cannot be merged into itself');
      const into = resolve(op.into);
      const earlier = redirects.get(op.from);
      if (earlier === into) continue;
      if (earlier !== undefined) throw refuse(`${op.from} was already merged into ${earlier}`);
      if (into === op.from)
        throw refuse(`${op.into} already resolves to ${op.from}: that would make a cycle`);
      const target = byId.get(into);
      if (target === undefined) throw refuse(`no entity ${op.into}`);
      const merged = byId.get(op.from);
      if (merged === undefined && !isProvisionalId(op.from))
        throw refuse(`no entity ${op.from} (only a provisional new:… id can be merged without being one)`);
      const fromType = merged?.type ?? provisionalType(op.from);
      if (fromType !== target.type) throw refuse(`${op.from} is ${fromType} but ${into} is ${target.type}`);
      if (merged !== undefined) {
        byId.set(into, absorb(target, merged));
        byId.delete(op.from);
        for (const [id, e] of byId)
          byId.set(
            id,
            pointAt(e, (ref) => (ref === op.from ? into : ref)),
          );
      }
      // Keep redirects flat: whatever pointed at `from` now points where `from` went.
      for (const [id, to] of redirects) if (to === op.from) redirects.set(id, into);
      redirects.set(op.from, into);
    } else {
      const { id } = op.entity;
      if (redirects.has(id)) throw refuse(`${id} was merged into ${redirects.get(id)}`);
      const entity = pointAt(op.entity, resolve);
      const existing = byId.get(id);
      if (existing !== undefined) {
        if (JSON.stringify(existing) === JSON.stringify(entity)) continue;
        throw refuse(`${id} already exists`);
      }
      const missing = references(entity).find((ref) => !byId.has(ref));
      if (missing !== undefined) throw refuse(`it refers to ${missing}, which is no entity`);
      byId.set(id, entity);
    }
  }
  return { entities: [...byId.values()], redirects };
}

/** `target` with every name, alias, demonym and role of `merged` added. */
function absorb(target: Entity, merged: Entity): Entity {
  const aliases = (lang: Lang) =>
    cleanList([...target.aliases[lang], merged.name[lang], ...merged.aliases[lang]], [target.name[lang]]);
  const demonyms = [...(target.demonyms ?? []), ...(merged.demonyms ?? [])];
  const roles = [...(target.roles ?? []), ...(merged.roles ?? [])];
  const uniqueRoles = [...new Map(roles.map((r) => [JSON.stringify(r), r])).values()];
  return {
    ...target,
    aliases: { ar: aliases('ar'), en: aliases('en') },
    ...(demonyms.length > 0 ? { demonyms: cleanList(demonyms) } : {}),
    ...(uniqueRoles.length > 0 ? { roles: uniqueRoles } : {}),
  };
}

/** The ids an entity points at: its country, what it is part of, its capital, the offices it held. */
function references(e: Entity): string[] {
  const refs = [e.country, e.partOf, e.capital, ...(e.roles ?? []).map((r) => r.of)];
  return refs.filter((ref): ref is string => ref !== undefined);
}

/** The entity with its references mapped; the same object when none changes. */
function pointAt(e: Entity, map: (id: string) => string): Entity {
  if (references(e).every((ref) => map(ref) === ref)) return e;
  const field = (key: 'country' | 'partOf' | 'capital') => {
    const ref = e[key];
    return ref === undefined ? {} : { [key]: map(ref) };
  };
  return {
    ...e,
    ...field('country'),
    ...field('partOf'),
    ...field('capital'),
    ...(e.roles === undefined ? {} : { roles: e.roles.map((r) => ({ ...r, of: map(r.of) })) }),
  };
}
