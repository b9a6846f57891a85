// The facet index and how search counts it; both stores run this SQL (shared.ts says how). For each
// search row (`doc`: the FTS5 rowid on SQLite, search_fts.doc on PostgreSQL) search_facets holds the
// ids of its facet values (facet_values): the article's source, the type and the country of each
// entity it is linked to (a country is its own country), the type of each of its events; written
// when the article is saved, from its rows (migration 3 wrote them for the articles stored before).
// Counting the facets of a set of matches then reads one short run of keys per match, instead of
// joining each through article_entities, entities and events, and only for a sample of them when
// they are many.

import type { SearchFacets, SearchHit, SearchResult } from '../search/types.ts';

/** The articles a search selects, as their search rows' key (`doc` of search_facets). */
export interface SelectedDocs {
  /** The key's expression in `from`. */
  readonly doc: string;
  /** FROM … WHERE …, to which a condition can be added with AND. */
  readonly from: string;
}

// The sample: the docs whose multiplicative hash, (doc · 2654435761) mod 2³² (Knuth's prime near
// 2³²/φ), falls below a threshold set to take the wanted share of the matches. The hash spreads
// consecutive docs evenly over its range and knows nothing of what an article says, so the sample
// is as good as a random one of the matches; and it depends on the doc alone, so the same store
// and query give the same sample every time.
const HASH_RANGE = '4294967296';
const HASH_MULTIPLIER = '2654435761';

/** The largest facetSample: its product with HASH_RANGE must fit in 63 bits. */
export const MAX_FACET_SAMPLE = 2 ** 31 - 1;

/**
 * The exact total, the number of matches the facets were counted over (`sample`) and the facet
 * counts of that sample, in one statement. Every match is counted when there are at most
 * @facetSample; above that, about @facetSample of them. The full-text match runs twice, once to
 * count (no ranking, no row read) and once for the sample, whose facet rows alone are read: the
 * joins cost in proportion to the sample, not to the matches.
 */
export const SEARCH_FACETS = ({ doc, from }: SelectedDocs) => `
WITH total AS MATERIALIZED (SELECT COUNT(*) AS n ${from}),
sample AS MATERIALIZED (
  SELECT ${doc} AS doc ${from}
    AND (${doc} * ${HASH_MULTIPLIER}) % ${HASH_RANGE} < (
      SELECT CASE WHEN n <= @facetSample THEN ${HASH_RANGE} ELSE @facetSample * ${HASH_RANGE} / n END
      FROM total)),
counts AS (
  SELECT f.value_id, COUNT(*) AS n FROM sample JOIN search_facets f ON f.doc = sample.doc
  GROUP BY f.value_id)
SELECT 'total' AS facet, '' AS value, n FROM total
UNION ALL
SELECT 'sample', '', COUNT(*) FROM sample
UNION ALL
SELECT fv.facet, fv.value, counts.n FROM counts JOIN facet_values fv ON fv.id = counts.value_id`;

export interface FacetRow {
  readonly facet: 'total' | 'sample' | keyof SearchFacets;
  readonly value: string;
  /** PostgreSQL's COUNT is a bigint, which its client reads as a string. */
  readonly n: number | string;
}

/** The result of a page of hits and SEARCH_FACETS' rows; counts over a sample are scaled to the total. */
export function searchResult(hits: readonly SearchHit[], rows: readonly FacetRow[]): SearchResult {
  const facets = { entityType: {}, eventType: {}, source: {}, country: {} } as Record<
    keyof SearchFacets,
    Record<string, number>
  >;
  const total = Number(rows.find((r) => r.facet === 'total')?.n ?? 0);
  const sample = Number(rows.find((r) => r.facet === 'sample')?.n ?? 0);
  const sampled = sample < total;
  for (const r of rows) {
    if (r.facet === 'total' || r.facet === 'sample') continue;
    facets[r.facet][r.value] = sampled ? Math.round((Number(r.n) * total) / sample) : Number(r.n);
  }
  return { total, hits, facets, facetsSampled: sampled ? sample : null };
}

// An article's facet values, written when it is saved, from its rows saved before in the same
// transaction (migration 3 holds the copy that indexed the articles stored before it).
const ARTICLE_FACET_VALUES = `
SELECT 'source' AS facet, source AS value FROM articles WHERE id = @article_id AND source IS NOT NULL
UNION
SELECT 'entityType', e.type FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
  WHERE ae.article_id = @article_id
UNION
SELECT 'country', country FROM (
  SELECT CASE WHEN e.kind IN ('country', 'former_country') THEN e.id ELSE e.country END AS country
  FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = @article_id) c
  WHERE country IS NOT NULL
UNION
SELECT 'eventType', type FROM events WHERE article_id = @article_id`;

/**
 * The facet values of article @article_id that facet_values lacks. In (facet, value) order, so that
 * two PostgreSQL transactions adding the same new values lock them in the same order (no deadlock);
 * `WHERE true` because SQLite cannot tell an upsert's ON from a join's after a bare FROM.
 */
export const INSERT_FACET_VALUES = `INSERT INTO facet_values (facet, value)
  SELECT facet, value FROM (${ARTICLE_FACET_VALUES}) v WHERE true ORDER BY facet, value
  ON CONFLICT (facet, value) DO NOTHING`;

/** The facet rows of article @article_id, whose search row is @doc. */
export const INSERT_SEARCH_FACETS = `INSERT INTO search_facets (doc, value_id)
  SELECT @doc, fv.id FROM (${ARTICLE_FACET_VALUES}) v
  JOIN facet_values fv ON fv.facet = v.facet AND fv.value = v.value`;
