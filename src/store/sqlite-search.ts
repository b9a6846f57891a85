// Search on SQLite: FTS5 MATCH for the words, fixed SQL with optional filters for the rest. Every
// statement is prepared once from constant text; a filter left out is bound as NULL and its
// `@x IS NULL OR …` test passes. Hits are ranked by bm25 (title 3, body 1, entities 2) or by date;
// facets count all matching articles in one statement over a materialised match set.

import type { Database } from 'better-sqlite3';
import type { Span } from '../core/doc.ts';
import { parseIsoDate } from '../ingest/article.ts';
import { toFts5Match } from '../search/fts5.ts';
import { decodePositions } from '../search/index-document.ts';
import { highlightedSpans, MATCH_CLOSE, MATCH_OPEN, makeSnippet } from '../search/snippet.ts';
import { entityToken } from '../search/terms.ts';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type SearchFacets,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
} from '../search/types.ts';

const FILTERS = `
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

const FROM_MATCH = `FROM search_fts JOIN articles a ON a.id = search_fts.article_id
  WHERE search_fts MATCH @match AND ${FILTERS}`;
const FROM_BROWSE = `FROM articles a WHERE ${FILTERS}`;

const HIT_COLUMNS = 'a.id, a.title, a.published_at, a.source';
const BY_DATE = 'a.published_at IS NULL, a.published_at DESC';
const SCORE = '-bm25(search_fts, 0.0, 0.0, 3.0, 1.0, 2.0)';

// The country of an entity for the country facet: a country is its own, anything else its `country`.
// Joins start from the matched articles (`IN (SELECT id FROM matched)` makes SQLite drive the index
// lookups from them), so facets cost in proportion to the matches, not to the whole store.
const FACETS = (from: string) => `
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

interface HitRow {
  readonly id: string;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly source: string | null;
  readonly score: number | null;
  readonly fts_rowid: number | null;
}

interface Params {
  readonly [name: string]: string | number | null;
}

export type SqliteSearch = (request: SearchRequest) => SearchResult;

export function createSqliteSearch(db: Database): SqliteSearch {
  const page = {
    relevance: db.prepare<Params, HitRow>(
      `SELECT ${HIT_COLUMNS}, ${SCORE} AS score, search_fts.rowid AS fts_rowid ${FROM_MATCH}
       ORDER BY score DESC, a.id LIMIT @limit OFFSET @offset`,
    ),
    date: db.prepare<Params, HitRow>(
      `SELECT ${HIT_COLUMNS}, ${SCORE} AS score, search_fts.rowid AS fts_rowid ${FROM_MATCH}
       ORDER BY ${BY_DATE}, score DESC, a.id LIMIT @limit OFFSET @offset`,
    ),
    browse: db.prepare<Params, HitRow>(
      `SELECT ${HIT_COLUMNS}, NULL AS score, NULL AS fts_rowid ${FROM_BROWSE}
       ORDER BY ${BY_DATE}, a.id LIMIT @limit OFFSET @offset`,
    ),
  };
  const facets = {
    match: db.prepare<Params, FacetRow>(FACETS(FROM_MATCH)),
    browse: db.prepare<Params, FacetRow>(FACETS(FROM_BROWSE)),
  };
  // Per hit of the page only: highlight() over a whole result set would mark every matching article.
  // The CAST: better-sqlite3 binds a JS number as REAL, and FTS5 then ignores a rowid constraint.
  const marked = db.prepare<Params, MarkedRow>(
    `SELECT a.text, search_fts.positions,
       highlight(search_fts, 3, char(1), char(2)) AS body,
       highlight(search_fts, 4, char(1), char(2)) AS entities
     FROM search_fts JOIN articles a ON a.id = search_fts.article_id
     WHERE search_fts MATCH @match AND search_fts.rowid = CAST(@rowid AS INTEGER)`,
  );
  const text = db.prepare<[string], { text: string }>('SELECT text FROM articles WHERE id = ?');
  const mentions = db.prepare<[string], { entity_id: string; start_pos: number; end_pos: number }>(
    'SELECT entity_id, start_pos, end_pos FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL',
  );

  function snippet(row: HitRow, match: string | null): string {
    if (match === null || row.fts_rowid === null) return makeSnippet(text.get(row.id)?.text ?? '', []);
    const m = marked.get({ match, rowid: row.fts_rowid });
    if (!m) return '';
    const tokens = new Set(
      m.entities
        .split(' ')
        .filter((t) => t.includes(MATCH_OPEN))
        .map(unmark),
    );
    const entitySpans: Span[] = mentions
      .all(row.id)
      .filter((x) => tokens.has(entityToken(x.entity_id)))
      .map((x) => ({ start: x.start_pos, end: x.end_pos }));
    return makeSnippet(m.text, [...highlightedSpans(m.body, decodePositions(m.positions)), ...entitySpans]);
  }

  return (request) => {
    const match = toFts5Match(request.query);
    const params = bindings(request, match);
    const sort = request.sort ?? 'relevance';
    const rows = (match === null ? page.browse : page[sort]).all(params);
    const hits = rows.map(
      (row): SearchHit => ({
        articleId: row.id,
        title: row.title,
        score: row.score,
        snippet: snippet(row, match),
        publishedAt: row.published_at,
        source: row.source,
      }),
    );
    const { total, counts } = readFacets((match === null ? facets.browse : facets.match).all(params));
    return { total, hits, facets: counts };
  };
}

interface MarkedRow {
  readonly text: string;
  readonly positions: string;
  readonly body: string;
  readonly entities: string;
}

interface FacetRow {
  readonly facet: 'total' | keyof SearchFacets;
  readonly value: string;
  readonly n: number;
}

function unmark(token: string): string {
  return token.replaceAll(MATCH_OPEN, '').replaceAll(MATCH_CLOSE, '');
}

/** Every named parameter the statements use, filters absent bound as NULL; bad paging or dates throw. */
function bindings(request: SearchRequest, match: string | null): Params {
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

function readFacets(rows: readonly FacetRow[]): { total: number; counts: SearchFacets } {
  const counts = { entityType: {}, eventType: {}, source: {}, country: {} } as Record<
    keyof SearchFacets,
    Record<string, number>
  >;
  let total = 0;
  for (const r of rows) {
    if (r.facet === 'total') total = r.n;
    else counts[r.facet][r.value] = r.n;
  }
  return { total, counts };
}
