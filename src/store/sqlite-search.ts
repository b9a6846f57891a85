// Search on SQLite: FTS5 MATCH for the words, fixed SQL with optional filters for the rest. Every
// statement is prepared once from constant text; a filter left out is bound as NULL and its
// `@x IS NULL OR …` test passes. Hits are ranked by bm25 (title 3, body 1, entities 2) or by date;
// facets count all matching articles in one statement over a materialised match set.

import type { Database } from 'better-sqlite3';
import { toFts5Match } from '../search/fts5.ts';
import { decodePositions } from '../search/index-document.ts';
import { highlightedSpans, MATCH_CLOSE, MATCH_OPEN, makeSnippet } from '../search/snippet.ts';
import type { SearchHit, SearchRequest, SearchResult } from '../search/types.ts';
import {
  type FacetRow,
  FROM_BROWSE,
  hitSnippet,
  type MentionSpanRow,
  readFacets,
  SEARCH_FACETS,
  SEARCH_FILTERS,
  type SearchParams,
  searchParams,
} from './shared.ts';

const FROM_MATCH = `FROM search_fts JOIN articles a ON a.id = search_fts.article_id
  WHERE search_fts MATCH @match AND ${SEARCH_FILTERS}`;

const HIT_COLUMNS = 'a.id, a.title, a.published_at, a.source';
const BY_DATE = 'a.published_at IS NULL, a.published_at DESC';
const SCORE = '-bm25(search_fts, 0.0, 0.0, 3.0, 1.0, 2.0)';

interface HitRow {
  readonly id: string;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly source: string | null;
  readonly score: number | null;
  readonly fts_rowid: number | null;
}

export type SqliteSearch = (request: SearchRequest) => SearchResult;

export function createSqliteSearch(db: Database): SqliteSearch {
  const page = {
    relevance: db.prepare<SearchParams, HitRow>(
      `SELECT ${HIT_COLUMNS}, ${SCORE} AS score, search_fts.rowid AS fts_rowid ${FROM_MATCH}
       ORDER BY score DESC, a.id LIMIT @limit OFFSET @offset`,
    ),
    date: db.prepare<SearchParams, HitRow>(
      `SELECT ${HIT_COLUMNS}, ${SCORE} AS score, search_fts.rowid AS fts_rowid ${FROM_MATCH}
       ORDER BY ${BY_DATE}, score DESC, a.id LIMIT @limit OFFSET @offset`,
    ),
    browse: db.prepare<SearchParams, HitRow>(
      `SELECT ${HIT_COLUMNS}, NULL AS score, NULL AS fts_rowid ${FROM_BROWSE}
       ORDER BY ${BY_DATE}, a.id LIMIT @limit OFFSET @offset`,
    ),
  };
  const facets = {
    match: db.prepare<SearchParams, FacetRow>(SEARCH_FACETS(FROM_MATCH)),
    browse: db.prepare<SearchParams, FacetRow>(SEARCH_FACETS(FROM_BROWSE)),
  };
  // Per hit of the page only: highlight() over a whole result set would mark every matching article.
  // The CAST: better-sqlite3 binds a JS number as REAL, and FTS5 then ignores a rowid constraint.
  const marked = db.prepare<SearchParams, MarkedRow>(
    `SELECT a.text, search_fts.positions,
       highlight(search_fts, 3, char(1), char(2)) AS body,
       highlight(search_fts, 4, char(1), char(2)) AS entities
     FROM search_fts JOIN articles a ON a.id = search_fts.article_id
     WHERE search_fts MATCH @match AND search_fts.rowid = CAST(@rowid AS INTEGER)`,
  );
  const text = db.prepare<[string], { text: string }>('SELECT text FROM articles WHERE id = ?');
  const mentions = db.prepare<[string], MentionSpanRow>(
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
    return hitSnippet(
      m.text,
      highlightedSpans(m.body, decodePositions(m.positions)),
      tokens,
      mentions.all(row.id),
    );
  }

  return (request) => {
    const match = toFts5Match(request.query);
    const params = searchParams(request, match);
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

function unmark(token: string): string {
  return token.replaceAll(MATCH_OPEN, '').replaceAll(MATCH_CLOSE, '');
}
