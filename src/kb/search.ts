// Finding entities the way an analyst types them: by id, by a whole name (Arabic by matching key,
// English without regard to case or accents), or by part of a name. Arabic names are compared by
// their keys with and without ال (aliasKeys), so مينسك finds the same as المينسك would.

import { matchKey } from '../text/normalize.ts';
import type { Entity, EntityType } from './entity.ts';
import { aliasKeys } from './keys.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { compareStrings, foldLatin, tidy } from './names.ts';

export type MatchKind = 'exact' | 'prefix' | 'substring';
const RANKS: readonly MatchKind[] = ['exact', 'prefix', 'substring'];

export interface SearchHit {
  readonly entity: Entity;
  readonly match: MatchKind;
  /** The name, alias or demonym that matched. */
  readonly name: string;
}

export interface SearchOptions {
  readonly type?: EntityType;
  readonly limit?: number;
}

/** Entities with a name containing `query`, best first: exact before prefix before substring, the name before an alias. */
export function searchEntities(kb: KnowledgeBase, query: string, options: SearchOptions = {}): SearchHit[] {
  const arabic = matchKey(tidy(query));
  const english = foldLatin(tidy(query));
  if (arabic === '' && english === '') return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const entity of kb.all()) {
    if (options.type !== undefined && entity.type !== options.type) continue;
    let best: { hit: SearchHit; score: number } | undefined;
    const consider = (name: string, keys: readonly string[], needle: string, isAlias: boolean) => {
      if (needle === '') return;
      const rank = Math.min(...keys.map((key) => rankOf(key, needle)));
      if (rank >= RANKS.length) return;
      // Exact anything beats any prefix; within one rank the entity's own name beats its aliases.
      const score = rank * 2 + (isAlias ? 1 : 0);
      if (best === undefined || score < best.score)
        best = { hit: { entity, match: RANKS[rank]!, name }, score };
    };
    const { name, aliases, demonyms = [] } = entity;
    consider(name.ar, aliasKeys(name.ar), arabic, false);
    consider(name.en, [foldLatin(name.en)], english, false);
    for (const alias of [...aliases.ar, ...demonyms]) consider(alias, aliasKeys(alias), arabic, true);
    for (const alias of aliases.en) consider(alias, [foldLatin(alias)], english, true);
    if (best !== undefined) scored.push(best);
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (b.hit.entity.population ?? 0) - (a.hit.entity.population ?? 0) ||
      compareStrings(a.hit.entity.id, b.hit.entity.id),
  );
  return scored.slice(0, options.limit ?? scored.length).map((s) => s.hit);
}

function rankOf(key: string, needle: string): number {
  if (key === needle) return 0;
  if (key.startsWith(needle)) return 1;
  return key.includes(needle) ? 2 : RANKS.length;
}

/** The entities an id or a whole name stands for: by id (following merges), else every exact name match. */
export function findEntities(kb: KnowledgeBase, query: string): readonly Entity[] {
  const byId = kb.get(kb.resolve(tidy(query)));
  if (byId !== undefined) return [byId];
  const byKey = kb.byAliasKey(matchKey(tidy(query)));
  if (byKey.length > 0) return byKey;
  // English spelled without its accents (Bogota for Bogotá) misses the key index; the fold finds it.
  return searchEntities(kb, query)
    .filter((hit) => hit.match === 'exact')
    .map((hit) => hit.entity);
}
