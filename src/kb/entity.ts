// The entities of the knowledge base (models/kb/, built by scripts/build-kb.ts): countries, cities,
// regions, organisations and office-holders, each under a stable id of ours, so that a mention in an
// Arabic text can be linked to one thing the rest of the pipeline (and a reader) can look up.
//
// Ids are readable and stay the same across rebuilds:
//   country:<iso2 lower case>  country:ru; a former state by a slug: country:soviet-union
//   city:<iso2>:<slug>         city:by:minsk (slug of the English name)
//   region:<slug>              region:crimea, region:gaza-strip, region:red-sea (waters too)
//   org:<slug>                 org:cis, org:cis-cfm, org:unsc
//   per:<slug>                 per:sergey-lavrov
//   currency:<iso 4217>        currency:usd
// The build fails on an id used twice, so a new city or person that would collide needs a new slug.

import type { EntityRef } from '../core/doc.ts';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/**
 * region covers continents and areas as well as provinces; water: seas, straits, rivers, canals;
 * body: an organ of an organisation (the UN Security Council); government: a state institution news
 * names as an actor (the Kremlin, the Knesset, the IRGC); group: a movement, party or armed group;
 * currency: a currency by its ISO 4217 code (currency:usd).
 */
export const ENTITY_KINDS = [
  'country',
  'former_country',
  'city',
  'region',
  'water',
  'organisation',
  'body',
  'government',
  'group',
  'person',
  'currency',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The NER type that goes with each kind. */
export const TYPE_OF_KIND: Readonly<Record<EntityKind, EntityType>> = {
  country: 'LOC',
  former_country: 'LOC',
  city: 'LOC',
  region: 'LOC',
  water: 'LOC',
  organisation: 'ORG',
  body: 'ORG',
  government: 'ORG',
  group: 'ORG',
  person: 'PER',
  // ANERcorp tags currency names MISC (دولار, اليورو): the tagger finds them, the knowledge base names them.
  currency: 'MISC',
};

/**
 * head_of_organisation is the chief of an organisation (the UN Secretary-General, a movement's
 * leader); foreign_minister of an organisation is its foreign-policy chief (the EU High Representative).
 */
export const ROLE_NAMES = [
  'head_of_state',
  'head_of_government',
  'foreign_minister',
  'head_of_organisation',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

export interface Role {
  readonly role: RoleName;
  /** The id of the country or organisation. */
  readonly of: string;
  /** First day in office (inclusive). */
  readonly from: PartialDate;
  /** Last day in office (inclusive: a handover day has both holders); absent while in office. */
  readonly to?: PartialDate;
  /** Where the fact comes from (the list article it was checked against). */
  readonly source: string;
  /** A caveat, e.g. an acting term or an approximate date. */
  readonly note?: string;
}

export interface Names {
  readonly ar: string;
  readonly en: string;
}

export interface Aliases {
  readonly ar: readonly string[];
  readonly en: readonly string[];
}

export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  readonly kind: EntityKind;
  readonly name: Names;
  /** Other names, acronyms and spellings; the name itself is not repeated here. */
  readonly aliases: Aliases;
  /** The country id a city, region, group or person belongs to. */
  readonly country?: string;
  /** The id of the entity this one is part of (org:cis-cfm → org:cis, org:unsc → org:un). */
  readonly partOf?: string;
  /** A country's capital city id. */
  readonly capital?: string;
  /** Arabic adjective and plural forms for a country's people (روسي، الروسية، الروس …). */
  readonly demonyms?: readonly string[];
  readonly iso2?: string;
  readonly iso3?: string;
  /** Only where a data file gives it (countries, from dr5hn). */
  readonly wikidata?: string;
  readonly geonames?: number;
  readonly lat?: number;
  readonly lon?: number;
  readonly population?: number;
  readonly roles?: readonly Role[];
}

/** The entity as an analysis names it: what a mention links to. */
export function toEntityRef(e: Entity): EntityRef {
  return {
    id: e.id,
    type: e.type,
    name: { ar: e.name.ar, en: e.name.en },
    kind: e.kind,
    ...(e.country !== undefined && { country: e.country }),
    ...(e.wikidata !== undefined && { wikidata: e.wikidata }),
    ...(e.geonames !== undefined && { geonames: e.geonames }),
    ...(e.lat !== undefined && { lat: e.lat }),
    ...(e.lon !== undefined && { lon: e.lon }),
  };
}
