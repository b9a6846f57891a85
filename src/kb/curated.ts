// Turns the curated tables of src/kb/curated/ into entities: the entity tables (regions,
// organisations, persons) share one layout, and roles.tsv adds time-bounded offices to the persons.
//
// Entity table columns: id, kind, country, part_of, en, ar, ar_aliases, en_aliases.
// roles.tsv columns: person, role, of, from, to, source, note.

import {
  ENTITY_KINDS,
  type Entity,
  type EntityKind,
  ROLE_NAMES,
  type Role,
  type RoleName,
  TYPE_OF_KIND,
} from './entity.ts';
import { cleanList, compareStrings, tidy } from './names.ts';
import { listCell, requiredCell, type TsvRow } from './tsv.ts';

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** One entity per row of an entity table. */
export function curatedEntities(rows: readonly TsvRow[]): Entity[] {
  return rows.map((row) => {
    const kind = requiredCell(row, 'kind') as EntityKind;
    if (!ENTITY_KINDS.includes(kind)) throw new Error(`${row.line}: unknown kind ${kind}`);
    const name = { ar: tidy(requiredCell(row, 'ar')), en: tidy(requiredCell(row, 'en')) };
    const { country, part_of: partOf } = row;
    return {
      id: requiredCell(row, 'id'),
      type: TYPE_OF_KIND[kind],
      kind,
      name,
      aliases: {
        ar: cleanList(listCell(row.ar_aliases), [name.ar]),
        en: cleanList(listCell(row.en_aliases), [name.en]),
      },
      ...(country ? { country } : {}),
      ...(partOf ? { partOf } : {}),
    };
  });
}

/** The roles of roles.tsv, by person id, each person's in order of `from`. */
export function curatedRoles(rows: readonly TsvRow[]): Map<string, Role[]> {
  const byPerson = new Map<string, Role[]>();
  for (const row of rows) {
    const role = requiredCell(row, 'role') as RoleName;
    if (!ROLE_NAMES.includes(role)) throw new Error(`${row.line}: unknown role ${role}`);
    const from = requiredCell(row, 'from');
    const { to, note } = row;
    for (const date of [from, to]) {
      if (date && !PARTIAL_DATE.test(date)) throw new Error(`${row.line}: bad date ${date}`);
    }
    if (to && to < from.slice(0, to.length))
      throw new Error(`${row.line}: ends (${to}) before it starts (${from})`);
    const person = requiredCell(row, 'person');
    const roles = byPerson.get(person) ?? [];
    roles.push({
      role,
      of: requiredCell(row, 'of'),
      from,
      ...(to ? { to } : {}),
      source: requiredCell(row, 'source'),
      ...(note ? { note } : {}),
    });
    byPerson.set(person, roles);
  }
  for (const roles of byPerson.values())
    roles.sort(
      (a, b) =>
        compareStrings(a.from, b.from) || compareStrings(a.role, b.role) || compareStrings(a.of, b.of),
    );
  return byPerson;
}

/** The persons with their roles; fails on roles of a person the tables do not have. */
export function withRoles(persons: readonly Entity[], roles: ReadonlyMap<string, readonly Role[]>): Entity[] {
  const ids = new Set(persons.map((p) => p.id));
  const unknown = [...roles.keys()].filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new Error(`roles.tsv: no person ${unknown.join(', ')}`);
  return persons.map((p) => {
    const held = roles.get(p.id);
    return held ? { ...p, roles: held } : p;
  });
}
