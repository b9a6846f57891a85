// The consistency checks the knowledge-base build runs before it writes anything: ids are unique
// and carry the prefix of their kind, and every id an entity points at (country, part of, capital,
// the office a role is of) is an entity of a fitting kind. A broken curated table fails the build.

import type { Entity, EntityKind, RoleName } from './entity.ts';

const ID_PREFIX: Readonly<Record<EntityKind, string>> = {
  country: 'country:',
  former_country: 'country:',
  city: 'city:',
  region: 'region:',
  water: 'region:',
  organisation: 'org:',
  body: 'org:',
  government: 'org:',
  group: 'org:',
  person: 'per:',
  currency: 'currency:',
};
const STATES: ReadonlySet<EntityKind> = new Set(['country', 'former_country']);
const ORGANISATIONS: ReadonlySet<EntityKind> = new Set(['organisation', 'body', 'government', 'group']);
/** What a role can be held of: a foreign minister may be an organisation's (the EU High Representative). */
const ROLE_OF: Readonly<Record<RoleName, ReadonlySet<EntityKind>>> = {
  head_of_state: STATES,
  head_of_government: STATES,
  foreign_minister: new Set([...STATES, ...ORGANISATIONS]),
  head_of_organisation: ORGANISATIONS,
};

/** Every problem found, as `id: what is wrong`; empty when the entities are consistent. */
export function checkEntities(entities: readonly Entity[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    if (byId.has(e.id)) problems.push(`${e.id}: id used twice`);
    byId.set(e.id, e);
    if (!/^[a-z]+:[a-z0-9:-]+$/.test(e.id) || !e.id.startsWith(ID_PREFIX[e.kind]))
      problems.push(`${e.id}: not a ${ID_PREFIX[e.kind]}<slug> id`);
  }
  const expect = (
    e: Entity,
    field: string,
    id: string | undefined,
    kinds: ReadonlySet<EntityKind> | null,
  ) => {
    if (id === undefined) return;
    const target = byId.get(id);
    if (target === undefined) problems.push(`${e.id}: ${field} ${id} is no entity`);
    else if (kinds !== null && !kinds.has(target.kind))
      problems.push(`${e.id}: ${field} ${id} is a ${target.kind}`);
  };
  for (const e of entities) {
    expect(e, 'country', e.country, STATES);
    expect(e, 'partOf', e.partOf, null);
    expect(e, 'capital', e.capital, new Set(['city']));
    for (const role of e.roles ?? []) expect(e, role.role, role.of, ROLE_OF[role.role]);
    if (e.roles !== undefined && e.kind !== 'person') problems.push(`${e.id}: roles on a ${e.kind}`);
  }
  return problems;
}
