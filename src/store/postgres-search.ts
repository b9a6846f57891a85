// Search on PostgreSQL: the tsvector column matched by a tsquery built from the parsed query
// (postgres-tsvector.ts), ranked by ts_rank_cd or by date, with the filters and facets SQLite runs
// (shared.ts, facets.ts), and snippets cut from the original text by the same code. The shared SQL
// names its values `@name`; here each name becomes a numbered, typed parameter ($1::text …), so
// every value is bound, and a statement is sent with exactly the values it uses.

import type { Pool } from 'pg';
import { makeSnippet } from '../search/snippet.ts';
import type { ParsedQuery, SearchHit, SearchRequest, SearchResult } from '../search/types.ts';
import { type FacetRow, SEARCH_FACETS, type SelectedDocs, searchResult } from './facets.ts';
import { boundValues, type NumberedStatement, numbered as numberedWith } from './postgres-sql.ts';
import { RANK_WEIGHTS, toTsquery } from './postgres-tsvector.ts';
import {
  askedEntities,
  FROM_BROWSE,
  hitSnippet,
  type MentionSpanRow,
  SEARCH_FILTERS,
  type SearchParams,
  searchParams,
} from './shared.ts';

const FROM_MATCH = `FROM search_fts JOIN articles a ON a.id = search_fts.article_id
  WHERE search_fts.document @@ @match AND ${SEARCH_FILTERS}`;
const MATCHED: SelectedDocs = { doc: 'search_fts.doc', from: FROM_MATCH };
const ALL: SelectedDocs = {
  doc: 'search_fts.doc',
  from: `FROM articles a JOIN search_fts ON search_fts.article_id = a.id WHERE ${SEARCH_FILTERS}`,
};

// The text and the index row come with the page: a snippet needs them for every hit.
const HIT_COLUMNS = 'a.id, a.title, a.published_at, a.source, a.text';
const INDEX_COLUMNS = 'search_fts.positions, search_fts.body, search_fts.entities';
// Normalisation 2 divides by the document's length, as bm25 favours short matches: of ts_rank_cd's
// options, the closest to SQLite's order (measured on 400 SaudiNewsNet articles, 17 queries).
const SCORE = `ts_rank_cd('${RANK_WEIGHTS}', search_fts.document, @match, 2)`;
const BY_DATE = 'a.published_at IS NULL, a.published_at DESC';
// Byte order, as SQLite's BINARY: the database's collation would order ties by its locale.
const BY_ID = 'a.id COLLATE "C"';

const TYPES: Readonly<Record<string, string>> = {
  match: 'tsquery',
  source: 'text',
  from: 'text',
  to: 'text',
  entity: 'text',
  entityType: 'text',
  eventType: 'text',
  country: 'text',
  limit: 'integer',
  offset: 'integer',
  facetSample: 'integer',
};

const numbered = (sql: string) => numberedWith(sql, TYPES);

const STATEMENTS = {
  relevance: numbered(
    `SELECT ${HIT_COLUMNS}, ${INDEX_COLUMNS}, ${SCORE} AS score ${FROM_MATCH}
     ORDER BY score DESC, ${BY_ID} LIMIT @limit OFFSET @offset`,
  ),
  date: numbered(
    `SELECT ${HIT_COLUMNS}, ${INDEX_COLUMNS}, ${SCORE} AS score ${FROM_MATCH}
     ORDER BY ${BY_DATE}, score DESC, ${BY_ID} LIMIT @limit OFFSET @offset`,
  ),
  browse: numbered(
    `SELECT ${HIT_COLUMNS}, NULL AS positions, NULL AS body, NULL AS entities, NULL::real AS score
     ${FROM_BROWSE} ORDER BY ${BY_DATE}, ${BY_ID} LIMIT @limit OFFSET @offset`,
  ),
  facetsMatch: numbered(SEARCH_FACETS(MATCHED)),
  facetsBrowse: numbered(SEARCH_FACETS(ALL)),
};

const MENTIONS = `SELECT article_id, entity_id, start_pos, end_pos FROM mentions
  WHERE article_id = ANY($1::text[]) AND entity_id IS NOT NULL`;

interface HitRow {
  readonly id: string;
  readonly title: string | null;
  readonly published_at: string | null;
  readonly source: string | null;
  readonly text: string;
  readonly positions: string | null;
  readonly body: string | null;
  readonly entities: string | null;
  readonly score: number | null;
}

export function createPostgresSearch(pool: Pool): (request: SearchRequest) => Promise<SearchResult> {
  const run = async <R extends object>(statement: NumberedStatement, params: SearchParams) =>
    (await pool.query<R>(statement.text, boundValues(statement, params))).rows;

  return async (request) => {
    const match = toTsquery(request.query);
    const params = searchParams(request, match);
    const sort = request.sort ?? 'relevance';
    const [rows, facetRows] = await Promise.all([
      run<HitRow>(match === null ? STATEMENTS.browse : STATEMENTS[sort], params),
      run<FacetRow>(match === null ? STATEMENTS.facetsBrowse : STATEMENTS.facetsMatch, params),
    ]);
    const snippets = await snippetsOf(rows, match === null ? null : request.query);
    const hits = rows.map(
      (row, i): SearchHit => ({
        articleId: row.id,
        title: row.title,
        score: row.score,
        snippet: snippets[i]!,
        publishedAt: row.published_at,
        source: row.source,
      }),
    );
    return searchResult(hits, facetRows);
  };

  /** The page's snippets: its matches in the body and the mentions of the entities the query names. */
  async function snippetsOf(rows: readonly HitRow[], query: ParsedQuery | null): Promise<string[]> {
    if (query === null) return rows.map((row) => makeSnippet(row.text, []));
    const indexed = rows.map((row) => ({
      positions: row.positions ?? '',
      body: row.body ?? '',
      entities: row.entities ?? '',
    }));
    const mentions = new Map<string, MentionSpanRow[]>();
    const withEntities = rows.filter((_, i) => askedEntities(indexed[i]!, query).size > 0).map((r) => r.id);
    if (withEntities.length > 0)
      for (const m of (await pool.query<MentionSpanRow & { article_id: string }>(MENTIONS, [withEntities]))
        .rows) {
        const list = mentions.get(m.article_id);
        if (list === undefined) mentions.set(m.article_id, [m]);
        else list.push(m);
      }
    return rows.map((row, i) => hitSnippet(row.text, indexed[i]!, query, mentions.get(row.id) ?? []));
  }
}
