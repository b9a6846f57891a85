// What the SQLite and PostgreSQL adapters share besides the rows (rows.ts): the schema they expect,
// the choice among near-duplicate candidates, and search's parameters, filter and facet SQL, facet
// counts and snippets. The SQL here names its values `@name`; SQLite binds those as they are, the
// PostgreSQL adapter numbers them ($1 …) before sending (postgres-sql.ts), so both run one text.

import type { Span } from '../core/doc.ts';
import { parseIsoDate } from '../ingest/article.ts';
import { makeSnippet } from '../search/snippet.ts';
import { entityToken } from '../search/terms.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchFacets, type SearchRequest } from '../search/types.ts';
import { MIGRATIONS } from './migrations.ts';
import type { NearDuplicate, StoreStats } from './repository.ts';
import { hammingDistance, simhashFromHex } from './simhash.ts';

/** The schema version the code needs: the last migration. */
export const LATEST_SCHEMA = MIGRATIONS.at(-1)!.version;

export function notMigrated(version: number): Error {
  return new Error(`the store is at schema ${version}, not ${LATEST_SCHEMA}: call migrate() first`);
}

export const EMPTY_STATS: StoreStats = {
  articles: 0,
  nearDuplicates: 0,
  entities: 0,
  provisionalEntities: 0,
  mentions: 0,
  events: 0,
  quotes: 0,
  schemaVersion: 0,
};

export function checkMaxDistance(maxDistance: number): void {
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 64)
    throw new RangeError(`maxDistance must be 0–64 bits: ${maxDistance}`);
}

/** A near-duplicate candidate: a stored article with a simhash. */
export interface SimhashRow {
  readonly id: string;
  readonly simhash: string;
  readonly duplicate_of: string | null;
  readonly added_at: string;
}

/** The closest candidate within reach, the earliest saved (then the smallest id) on a tie. */
export function nearest(
  simhash: bigint,
  maxDistance: number,
  candidates: readonly SimhashRow[],
): NearDuplicate | null {
  let best: { row: SimhashRow; distance: number } | null = null;
  for (const row of candidates) {
    const distance = hammingDistance(simhash, simhashFromHex(row.simhash));
    if (distance > maxDistance) continue;
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance && compareSaved(row, best.row) < 0)
    )
      best = { row, distance };
  }
  return best && { articleId: best.row.id, distance: best.distance, duplicateOf: best.row.duplicate_of };
}

function compareSaved(a: SimhashRow, b: SimhashRow): number {
  if (a.added_at !== b.added_at) return a.added_at < b.added_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---- search ------------------------------------------------------------------------------------

/** Every named value the search statements use; a filter left out is NULL and its test passes. */
export interface SearchParams {
  readonly [name: string]: string | number | null;
}

/** The request's values, with the adapter's full-text expression as `match`; bad paging or dates throw. */
export function searchParams(request: SearchRequest, match: string | null): SearchParams {
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}: ${limit}`);
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`offset must be a whole number: ${offset}`);
  const f = request.filters ?? {};
  return {
    match,
    source: f.source ?? null,
    from: f.from === undefined ? null : parseIsoDate(f.from),
    to: f.to === undefined ? null : parseIsoDate(f.to),
    entity: f.entity ?? null,
    entityType: f.entityType ?? null,
    eventType: f.eventType ?? null,
    country: f.country ?? null,
    limit,
    offset,
  };
}

/** The filters over `articles a`, one per SearchFilters field. */
export const SEARCH_FILTERS = `
  (@source IS NULL OR a.source = @source)
  AND (@from IS NULL OR a.published_at >= @from)
  AND (@to IS NULL OR a.published_at <= @to)
  AND (@entity IS NULL OR EXISTS (
    SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_id = @entity))
  AND (@entityType IS NULL OR EXISTS (
    SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
    WHERE ae.article_id = a.id AND e.type = @entityType))
  AND (@eventType IS NULL OR EXISTS (
    SELECT 1 FROM events ev WHERE ev.article_id = a.id AND ev.type = @eventType))
  AND (@country IS NULL OR EXISTS (
    SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
    WHERE ae.article_id = a.id AND (e.id = @country OR e.country = @country)))`;

/** Articles without a query: every article the filters keep. */
export const FROM_BROWSE = `FROM articles a WHERE ${SEARCH_FILTERS}`;

// The country of an entity for the country facet: a country is its own, anything else its `country`.
// Joins start from the matched articles (`IN (SELECT id FROM matched)` makes SQLite drive the index
// lookups from them), so facets cost in proportion to the matches, not to the whole store.
/** Every facet and the total over all articles `from` selects (a FROM … WHERE naming `articles a`). */
export const SEARCH_FACETS = (from: string) => `
WITH matched AS MATERIALIZED (SELECT a.id ${from}),
linked AS MATERIALIZED (
  SELECT ae.article_id, e.type,
    CASE WHEN e.kind IN ('country', 'former_country') THEN e.id ELSE e.country END AS country
  FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
  WHERE ae.article_id IN (SELECT id FROM matched))
SELECT 'total' AS facet, '' AS value, COUNT(*) AS n FROM matched
UNION ALL
SELECT 'entityType', type, COUNT(DISTINCT article_id) FROM linked GROUP BY type
UNION ALL
SELECT 'country', country, COUNT(DISTINCT article_id) FROM linked WHERE country IS NOT NULL GROUP BY country
UNION ALL
SELECT 'eventType', ev.type, COUNT(DISTINCT ev.article_id) FROM events ev
  WHERE ev.article_id IN (SELECT id FROM matched) GROUP BY ev.type
UNION ALL
SELECT 'source', a.source, COUNT(*) FROM articles a
  WHERE a.id IN (SELECT id FROM matched) AND a.source IS NOT NULL GROUP BY a.source`;

export interface FacetRow {
  readonly facet: 'total' | keyof SearchFacets;
  readonly value: string;
  /** PostgreSQL's COUNT is a bigint, which its client reads as a string. */
  readonly n: number | string;
}

export function readFacets(rows: readonly FacetRow[]): { total: number; counts: SearchFacets } {
  const counts = { entityType: {}, eventType: {}, source: {}, country: {} } as Record<
    keyof SearchFacets,
    Record<string, number>
  >;
  let total = 0;
  for (const r of rows) {
    if (r.facet === 'total') total = Number(r.n);
    else counts[r.facet][r.value] = Number(r.n);
  }
  return { total, counts };
}

export interface MentionSpanRow {
  readonly entity_id: string;
  readonly start_pos: number;
  readonly end_pos: number;
}

/**
 * A hit's snippet: the spans of its matched body words (found in the index's stems, mapped to the
 * text by the stored positions) and of the mentions of its matched entities, cut from the original
 * text. `entityTokens`: the hit's entity tokens the query matched.
 */
export function hitSnippet(
  text: string,
  bodySpans: readonly Span[],
  entityTokens: ReadonlySet<string>,
  mentions: readonly MentionSpanRow[],
): string {
  const entitySpans: Span[] = mentions
    .filter((m) => entityTokens.has(entityToken(m.entity_id)))
    .map((m) => ({ start: m.start_pos, end: m.end_pos }));
  return makeSnippet(text, [...bodySpans, ...entitySpans]);
}
