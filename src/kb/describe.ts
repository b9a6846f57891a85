// How `marsad kb` prints entities for a reader: a one-line label for lists, and a full card with
// names, aliases, the places and offices an entity is tied to (each id with its name beside it),
// and the outside identifiers a fact can be checked against.

import type { Entity } from './entity.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** `id  kind  Arabic name · English name`, for lists. */
export function entityLine(e: Entity): string {
  return `${e.id.padEnd(28)} ${e.kind.padEnd(14)} ${e.name.ar} · ${e.name.en}`;
}

/** A full card for one entity; `mergedFrom` lists the ids curation merged into it. */
export function entityCard(e: Entity, kb: KnowledgeBase, mergedFrom: readonly string[] = []): string {
  const ref = (id: string) => {
    const target = kb.get(kb.resolve(id));
    return target === undefined ? id : `${id} (${target.name.en})`;
  };
  const rows: [string, string][] = [['name', `${e.name.ar} · ${e.name.en}`]];
  if (e.aliases.ar.length > 0) rows.push(['aliases ar', e.aliases.ar.join('، ')]);
  if (e.aliases.en.length > 0) rows.push(['aliases en', e.aliases.en.join(', ')]);
  if (e.demonyms?.length) rows.push(['demonyms', e.demonyms.join('، ')]);
  if (e.country) rows.push(['country', ref(e.country)]);
  if (e.partOf) rows.push(['part of', ref(e.partOf)]);
  if (e.capital) rows.push(['capital', ref(e.capital)]);
  for (const r of e.roles ?? []) {
    const note = r.note ? `; ${r.note}` : '';
    rows.push(['role', `${r.role} of ${ref(r.of)}, ${r.from} – ${r.to ?? 'now'}  [${r.source}${note}]`]);
  }
  if (e.iso2 || e.iso3) rows.push(['iso', [e.iso2, e.iso3].filter(Boolean).join(' / ')]);
  if (e.wikidata) rows.push(['wikidata', e.wikidata]);
  if (e.geonames !== undefined) rows.push(['geonames', String(e.geonames)]);
  if (e.lat !== undefined && e.lon !== undefined) rows.push(['coordinates', `${e.lat}, ${e.lon}`]);
  if (e.population !== undefined) rows.push(['population', e.population.toLocaleString('en-US')]);
  if (mergedFrom.length > 0) rows.push(['merged from', mergedFrom.join(', ')]);
  const body = rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`);
  return `${e.id}  ${e.kind} (${e.type})\n${body.join('\n')}\n`;
}
