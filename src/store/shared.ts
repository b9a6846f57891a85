// What the SQLite and PostgreSQL adapters share besides the rows (rows.ts): the schema they expect,
// the choice among near-duplicate candidates, and search's parameters, filter SQL and snippets (the
// facets are facets.ts). The SQL here names its values `@name`; SQLite binds those as they are, the
// PostgreSQL adapter numbers them ($1 …) before sending (postgres-sql.ts), so both run one text.

import type { Span } from '../core/doc.ts';
import { parseIsoDate } from '../ingest/article.ts';
import { decodePositions } from '../search/index-document.ts';
import { highlightedSpans, makeSnippet, markBody, queryEntityTokens } from '../search/snippet.ts';
import { entityToken } from '../search/terms.ts';
import {
  DEFAULT_FACET_SAMPLE,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type ParsedQuery,
  type SearchRequest,
} from '../search/types.ts';
import { MAX_FACET_SAMPLE } from './facets.ts';
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

/** The filters of SearchParams. */
const FILTERS = ['source', 'from', 'to', 'entity', 'entityType', 'eventType', 'country'] as const;

/** The request's values, with the adapter's full-text expression as `match`; bad paging or dates throw. */
export function searchParams(request: SearchRequest, match: string | null): SearchParams {
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  const facetSample = request.facetSample ?? DEFAULT_FACET_SAMPLE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}: ${limit}`);
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`offset must be a whole number: ${offset}`);
  if (!Number.isInteger(facetSample) || facetSample < 1 || facetSample > MAX_FACET_SAMPLE)
    throw new RangeError(`facetSample must be an integer from 1 to ${MAX_FACET_SAMPLE}: ${facetSample}`);
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
    facetSample,
  };
}

/** Whether any filter is set: without one, a store need not read the article of every match. */
export function filtered(params: SearchParams): boolean {
  return FILTERS.some((name) => params[name] !== null);
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

export interface MentionSpanRow {
  readonly entity_id: string;
  readonly start_pos: number;
  readonly end_pos: number;
}

/** A hit's search row: its body's stems, their offsets in the text, its entity tokens. */
export interface IndexRow {
  readonly positions: string;
  readonly body: string;
  readonly entities: string;
}

/** The hit's entity tokens that the query asks for: the entities whose mentions its snippet marks. */
export function askedEntities(index: IndexRow, query: ParsedQuery): Set<string> {
  const asked = queryEntityTokens(query);
  return new Set(index.entities.split(' ').filter((token) => asked.has(token)));
}

/**
 * A hit's snippet, cut from the original text: the query's stems and phrases in its body, mapped to
 * the text by the stored positions, and the mentions of its askedEntities (`mentions`: the hit's
 * linked mentions; none are needed when askedEntities is empty).
 */
export function hitSnippet(
  text: string,
  index: IndexRow,
  query: ParsedQuery,
  mentions: readonly MentionSpanRow[],
): string {
  const entities = askedEntities(index, query);
  const entitySpans: Span[] = mentions
    .filter((m) => entities.has(entityToken(m.entity_id)))
    .map((m) => ({ start: m.start_pos, end: m.end_pos }));
  const bodySpans = highlightedSpans(markBody(index.body, query), decodePositions(index.positions));
  return makeSnippet(text, [...bodySpans, ...entitySpans]);
}
