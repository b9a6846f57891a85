// Search on SQLite: FTS5 MATCH for the words, fixed SQL with optional filters for the rest. Every
// statement is prepared once from constant text; a filter left out is bound as NULL and its
// `@x IS NULL OR …` test passes. Hits are ranked by bm25 (title 3, body 1, entities 2) or by date.
//
// What a search costs grows with its matches (a common word matches 46,000 of 300,000 articles), so
// only what must see every match does: the ranking (FTS5's bm25 over its own index) and the total
// (a bare count of the MATCH). Without filters neither reads a stored row; with filters each match
// reaches its article through search_docs, never through FTS5's unindexed article_id, whose read
// loads the whole stored index row. The page's rows are read for the page only, and the facets are
// counted over at most a sample of the matches (shared.ts, SEARCH_FACETS).

import type { Database } from 'better-sqlite3';
import { toFts5Match } from '../search/fts5.ts';
import { makeSnippet } from '../search/snippet.ts';
import type { ParsedQuery, SearchHit, SearchRequest, SearchResult } from '../search/types.ts';
import { type FacetRow, SEARCH_FACETS, type SelectedDocs, searchResult } from './facets.ts';
import {
  askedEntities,
  FROM_BROWSE,
  filtered,
  hitSnippet,
  type IndexRow,
  type MentionSpanRow,
  SEARCH_FILTERS,
  type SearchParams,
  searchParams,
} from './shared.ts';

const MATCHED: SelectedDocs = {
  doc: 'search_fts.rowid',
  from: 'FROM search_fts WHERE search_fts MATCH @match',
};
const MATCHED_AND_FILTERED: SelectedDocs = {
  doc: 'search_fts.rowid',
  from: `FROM search_fts JOIN search_docs d ON d.doc = search_fts.rowid JOIN articles a ON a.id = d.article_id
    WHERE search_fts MATCH @match AND ${SEARCH_FILTERS}`,
};
// Every article has its search row, saved in the same transaction.
const ALL: SelectedDocs = { doc: 'd.doc', from: 'FROM search_docs d WHERE true' };
const ALL_FILTERED: SelectedDocs = {
  doc: 'd.doc',
  from: `FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE ${SEARCH_FILTERS}`,
};

const BY_DATE = 'a.published_at IS NULL, a.published_at DESC';
const SCORE = '-bm25(search_fts, 0.0, 0.0, 3.0, 1.0, 2.0)';

/** A hit of a page with query words: its search row and score; ties go to the older row. */
interface RankedRow {
  readonly doc: number;
  readonly score: number;
}

interface ArticleRow {
  readonly id: string;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly source: string | null;
  readonly text: string;
}

/** A hit's article with its search row. */
interface IndexedArticleRow extends ArticleRow, IndexRow {}

export type SqliteSearch = (request: SearchRequest) => SearchResult;

export function createSqliteSearch(db: Database): SqliteSearch {
  const ranked = (docs: SelectedDocs, order: string) =>
    db.prepare<SearchParams, RankedRow>(
      `SELECT ${docs.doc} AS doc, ${SCORE} AS score ${docs.from} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    );
  const page = {
    relevance: ranked(MATCHED, 'score DESC, doc'),
    relevanceFiltered: ranked(MATCHED_AND_FILTERED, 'score DESC, doc'),
    date: ranked(MATCHED_AND_FILTERED, `${BY_DATE}, score DESC, doc`),
    browse: db.prepare<SearchParams, ArticleRow>(
      `SELECT a.id, a.title, a.published_at, a.source, a.text ${FROM_BROWSE}
       ORDER BY ${BY_DATE}, a.id LIMIT @limit OFFSET @offset`,
    ),
  };
  const facets = {
    matched: db.prepare<SearchParams, FacetRow>(SEARCH_FACETS(MATCHED)),
    matchedFiltered: db.prepare<SearchParams, FacetRow>(SEARCH_FACETS(MATCHED_AND_FILTERED)),
    all: db.prepare<SearchParams, FacetRow>(SEARCH_FACETS(ALL)),
    allFiltered: db.prepare<SearchParams, FacetRow>(SEARCH_FACETS(ALL_FILTERED)),
  };
  // The CAST: better-sqlite3 binds a JS number as REAL, and FTS5 then ignores a rowid constraint.
  const indexed = db.prepare<{ doc: number }, IndexedArticleRow>(
    `SELECT a.id, a.title, a.published_at, a.source, a.text,
       search_fts.positions, search_fts.body, search_fts.entities
     FROM search_fts JOIN search_docs d ON d.doc = search_fts.rowid JOIN articles a ON a.id = d.article_id
     WHERE search_fts.rowid = CAST(@doc AS INTEGER)`,
  );
  const mentions = db.prepare<[string], MentionSpanRow>(
    'SELECT entity_id, start_pos, end_pos FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL',
  );

  function matchedHit(row: RankedRow, query: ParsedQuery): SearchHit {
    // The row the page statement found, read in the same transaction.
    const a = indexed.get({ doc: row.doc })!;
    const linked = askedEntities(a, query).size > 0 ? mentions.all(a.id) : [];
    return hit(a, row.score, hitSnippet(a.text, a, query, linked));
  }

  // One read transaction: the page, the total and the facets see the same snapshot of the store.
  return db.transaction((request: SearchRequest): SearchResult => {
    const match = toFts5Match(request.query);
    const params = searchParams(request, match);
    const narrowed = filtered(params);
    if (match === null) {
      const hits = page.browse.all(params).map((row) => hit(row, null, makeSnippet(row.text, [])));
      return searchResult(hits, (narrowed ? facets.allFiltered : facets.all).all(params));
    }
    const sort = request.sort ?? 'relevance';
    const ranking = sort === 'date' ? page.date : narrowed ? page.relevanceFiltered : page.relevance;
    const hits = ranking.all(params).map((row) => matchedHit(row, request.query));
    return searchResult(hits, (narrowed ? facets.matchedFiltered : facets.matched).all(params));
  });
}

function hit(row: ArticleRow, score: number | null, snippet: string): SearchHit {
  return {
    articleId: row.id,
    title: row.title,
    score,
    snippet,
    publishedAt: row.published_at,
    source: row.source,
  };
}
